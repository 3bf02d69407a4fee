/**
 * Reader for `reg query HKLM\SYSTEM\CurrentControlSet\Services\Rasman\Parameters /v
 * NegotiateDH2048_AES256`. The value selects Windows' default IKE proposals when a
 * connection has no custom policy (strongSwan documentation, "Windows Clients").
 */
import type { Diagnostic } from '../../diagnostics.js';
import { inputDiagnostic, type ParseResult, type RegistryObservation } from '../model.js';
import { positionIn, splitLines, type SourceLine, type SourceText } from './source-text.js';

export const REGISTRY_VALUE_NAME = 'NegotiateDH2048_AES256';
export const REGISTRY_KEY = 'HKLM:\\SYSTEM\\CurrentControlSet\\Services\\Rasman\\Parameters';

const VALUE_LINE = /^\s+(\S+)\s+(REG_[A-Z_]+)\s+(.*?)\s*$/;
const HARMLESS_LINE = /^(\s*|HKEY_[A-Z_]+\\.*|End of search: .*)$/i;
const NOT_FOUND_LINE = /^ERROR: .*unable to find/i;

export function parseRegistryText(source: SourceText, artifact: string): ParseResult {
  const lines = splitLines(source);
  const last = lines[lines.length - 1]!;
  if (VALUE_LINE.test(last.text)) {
    // reg query ends its output with line breaks, so a value on the last line was cut.
    return {
      observations: [],
      diagnostics: [
        inputDiagnostic(
          'registry-cut',
          'error',
          positionIn(source, last.line, last.text.length + 1),
          `${source.file} ends inside the ${REGISTRY_VALUE_NAME} line, so the capture was cut`,
          'Capture the reg query output again.',
        ),
      ],
    };
  }
  const { observation, notFound, diagnostics } = readLines(source, lines, artifact);
  if (diagnostics.length > 0) {
    return { observations: [], diagnostics };
  }
  if (observation !== undefined) {
    return { observations: [observation], diagnostics: [] };
  }
  if (notFound) {
    return {
      observations: [
        { kind: 'registry', artifact, effective: 0, position: positionIn(source, 1, 1) },
      ],
      diagnostics: [],
    };
  }
  return {
    observations: [],
    diagnostics: [
      inputDiagnostic(
        'registry-value-missing',
        'error',
        positionIn(source, 1, 1),
        `${source.file} has neither the ${REGISTRY_VALUE_NAME} value nor reg query's "unable to find" error`,
        `Capture with: reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Rasman\\Parameters /v ${REGISTRY_VALUE_NAME} > registry.txt 2>&1`,
      ),
    ],
  };
}

/** Reads each line: the value, reg query's "unable to find" error, or a harmless line. */
function readLines(
  source: SourceText,
  lines: readonly SourceLine[],
  artifact: string,
): { observation?: RegistryObservation; notFound: boolean; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  let observation: RegistryObservation | undefined;
  let notFound = false;
  let firstResult: number | undefined;
  for (const { text, line } of lines) {
    const value = VALUE_LINE.exec(text);
    const isResult =
      (value !== null && value[1]!.toLowerCase() === REGISTRY_VALUE_NAME.toLowerCase()) ||
      NOT_FOUND_LINE.test(text);
    if (isResult && firstResult !== undefined) {
      diagnostics.push(severalResults(source, line, firstResult));
      continue;
    }
    firstResult = isResult ? line : firstResult;
    if (value !== null) {
      if (value[1]!.toLowerCase() !== REGISTRY_VALUE_NAME.toLowerCase()) {
        continue;
      }
      const read = readDword(source, line, text, value[2]!, value[3]!, artifact);
      if ('code' in read) {
        diagnostics.push(read);
      } else {
        observation = read;
      }
    } else if (NOT_FOUND_LINE.test(text)) {
      notFound = true;
    } else if (!HARMLESS_LINE.test(text)) {
      diagnostics.push(
        inputDiagnostic(
          'registry-line-invalid',
          'error',
          positionIn(source, line, 1),
          `line ${JSON.stringify(text.trim())} is not reg query output`,
          `Capture with: reg query HKLM\\SYSTEM\\CurrentControlSet\\Services\\Rasman\\Parameters /v ${REGISTRY_VALUE_NAME} > registry.txt 2>&1`,
        ),
      );
    }
  }
  return { observation, notFound, diagnostics };
}

/**
 * Reports a second result (a value or "unable to find"). Output appended with `>>` from
 * two runs, or from two machines, has both, and the file does not show which one is current.
 */
function severalResults(source: SourceText, line: number, firstLine: number): Diagnostic {
  return inputDiagnostic(
    'registry-several-results',
    'error',
    positionIn(source, line, 1),
    `${source.file} has a second result for ${REGISTRY_VALUE_NAME} (the first is on line ${firstLine}), so it contains more than one capture`,
    'Capture once per file with ">" rather than ">>".',
  );
}

function readDword(
  source: SourceText,
  line: number,
  text: string,
  type: string,
  data: string,
  artifact: string,
): RegistryObservation | Diagnostic {
  const column = text.lastIndexOf(data) + 1;
  const position = positionIn(source, line, column);
  if (type !== 'REG_DWORD' || !/^0x[0-9a-f]{1,8}$/i.test(data)) {
    return inputDiagnostic(
      'registry-value-invalid',
      'error',
      position,
      `${REGISTRY_VALUE_NAME} is ${type} ${JSON.stringify(data)}, expected REG_DWORD 0x0, 0x1 or 0x2`,
      'Set it as a DWORD, or capture the reg query output again if it was cut off.',
    );
  }
  const value = Number.parseInt(data, 16);
  // Values other than 1 and 2 act as 0 (community analysis of RasMan, consistent with the
  // strongSwan "Windows Clients" documentation of 0, 1 and 2).
  const effective = value === 1 || value === 2 ? value : 0;
  return {
    kind: 'registry',
    artifact,
    value: { value, written: data, position },
    effective,
    position,
  };
}
