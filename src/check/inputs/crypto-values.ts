/** Reading the six crypto values as PowerShell prints them (enum names). */
import { CRYPTO_FIELDS, type CryptoFieldKey } from '../../crypto/vocabulary.js';
import type { Diagnostic, SourcePosition } from '../../diagnostics.js';
import { inputDiagnostic, type CryptoSettings, type Located } from '../model.js';
import type { RawProperty } from './properties.js';

/**
 * Finds a crypto field by the name PowerShell prints for it. The server's Format-List
 * view labels the PFS group `PFSgroup`, so names compare without case.
 */
export function findFieldByParameter(name: string): CryptoFieldKey | undefined {
  return CRYPTO_FIELDS.find((field) => field.parameter.toLowerCase() === name.toLowerCase())?.key;
}

/**
 * Converts a printed enum name to the baseline spelling, or returns an error: Windows
 * prints only documented enum names, so anything else means a damaged capture.
 */
export function readEnumName(
  key: CryptoFieldKey,
  written: string,
  position: SourcePosition,
  describe: string,
): Located<string> | Diagnostic {
  const field = CRYPTO_FIELDS.find((candidate) => candidate.key === key)!;
  const value = field.values.find((candidate) => candidate.toLowerCase() === written.toLowerCase());
  if (value === undefined) {
    return inputDiagnostic(
      'enum-value-unknown',
      'error',
      position,
      `${field.parameter} is ${JSON.stringify(written)} in ${describe}, which is not a value Windows prints (allowed: ${field.values.join(', ')})`,
      'The capture looks damaged or edited: capture it again.',
    );
  }
  return value === written ? { value, position } : { value, written, position };
}

/** Collects six located values into CryptoSettings, or reports each missing one. */
export function completeCryptoSettings(
  found: Partial<CryptoSettings>,
  blockPosition: SourcePosition,
  describe: string,
): CryptoSettings | Diagnostic[] {
  const missing = CRYPTO_FIELDS.filter((field) => found[field.key] === undefined);
  if (missing.length === 0) {
    return found as CryptoSettings;
  }
  return missing.map((field) =>
    inputDiagnostic(
      'crypto-field-missing',
      'error',
      blockPosition,
      `${describe} has no ${field.parameter}: the capture is incomplete or truncated`,
      'Capture the whole output again; all six IPsec values are printed together.',
    ),
  );
}

export function isDiagnostic(value: object): value is Diagnostic {
  return 'code' in value && 'severity' in value;
}

/** Why a bare number is rejected where an enum name belongs. */
export function numericEnumDiagnostic(
  parameter: string,
  position: SourcePosition,
  collector: string,
): Diagnostic {
  // Windows does not document the numbers behind these CIM enums, so the number cannot
  // be mapped to a name without guessing.
  return inputDiagnostic(
    'json-enum-number',
    'error',
    position,
    `${parameter} is a number: ConvertTo-Json wrote the enum's undocumented numeric value instead of its name`,
    `Run ${collector} (written by \`aovpn-baseline render --target collectors\`), which converts each value to its name with [string], or convert with [string] before ConvertTo-Json yourself.`,
  );
}

/**
 * Reads whichever of the six crypto values `properties` contains. Numbers are
 * rejected (see numericEnumDiagnostic) and unknown names are errors.
 */
export function readCryptoProperties(
  properties: ReadonlyMap<string, RawProperty>,
  describe: string,
  collector: string,
): { found: Partial<CryptoSettings>; diagnostics: Diagnostic[]; count: number } {
  const found: Partial<CryptoSettings> = {};
  const diagnostics: Diagnostic[] = [];
  let count = 0;
  for (const field of CRYPTO_FIELDS) {
    const property = properties.get(field.parameter.toLowerCase());
    if (property === undefined || property.kind === 'null') {
      continue;
    }
    count += 1;
    if (property.kind === 'number') {
      diagnostics.push(numericEnumDiagnostic(field.parameter, property.position, collector));
      continue;
    }
    const read = readEnumName(field.key, property.text, property.position, describe);
    if (isDiagnostic(read)) {
      diagnostics.push(read);
    } else {
      found[field.key] = read;
    }
  }
  return { found, diagnostics, count };
}
