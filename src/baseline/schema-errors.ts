/** Turns Ajv's schema errors into diagnostics with positions, hints and did-you-mean. */
import type { ErrorObject } from 'ajv';
import { CRYPTO_FIELDS, findForeignSpelling } from '../crypto/vocabulary.js';
import { formatPath, type Diagnostic } from '../diagnostics.js';
import { suggestClosest } from '../suggest.js';
import { locate, sourceTextAt, type YamlSource } from './source.js';

type Path = Array<string | number>;

function parsePointer(pointer: string): Path {
  if (pointer === '') {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^[0-9]+$/.test(segment) ? Number(segment) : segment));
}

function describeValue(value: unknown, written?: string): string {
  // JSON has no Infinity or NaN, so 1e400, .inf and .nan are shown as written.
  if (typeof value === 'number' && !Number.isFinite(value) && written !== undefined) {
    return written;
  }
  return typeof value === 'string' ? `"${shorten(value)}"` : shorten(JSON.stringify(value));
}

/** Maximum length, in UTF-16 code units, of a value that a message repeats in full. */
const MAX_SHOWN_LENGTH = 120;

/** Shortens a long value for a message, so a 50 MB scalar does not become a 50 MB error. */
function shorten(text: string): string {
  if (text.length <= MAX_SHOWN_LENGTH) {
    return text;
  }
  return `${text.slice(0, MAX_SHOWN_LENGTH)}... (${text.length} characters)`;
}

function cryptoFieldAt(path: Path) {
  return CRYPTO_FIELDS.find(
    (field) => path.length === 2 && field.path[0] === path[0] && field.path[1] === path[1],
  );
}

function unknownKey(error: ErrorObject, source: YamlSource): Diagnostic {
  const key = String(error.params.additionalProperty);
  const path = [...parsePointer(error.instancePath), key];
  const properties = Object.keys(
    (error.parentSchema as { properties?: Record<string, unknown> }).properties ?? {},
  );
  const suggestion = suggestClosest(key, properties);
  const where = formatPath(path.slice(0, -1));
  return {
    code: 'unknown-key',
    severity: 'error',
    message: `unknown key "${key}" in ${where}`,
    hint:
      suggestion !== undefined
        ? `Did you mean "${suggestion}"? Allowed keys: ${properties.join(', ')}.`
        : `Allowed keys: ${properties.join(', ')}.`,
    path,
    position: locate(source, path, { key: true }),
  };
}

function valueNotAllowed(error: ErrorObject, source: YamlSource): Diagnostic {
  const path = parsePointer(error.instancePath);
  const allowed = (error.params.allowedValues as unknown[]).map(String);
  const field = cryptoFieldAt(path);
  const written = error.data;
  const base = {
    severity: 'error' as const,
    path,
    position: locate(source, path),
  };
  if (field !== undefined && typeof written === 'string') {
    const foreign = findForeignSpelling(field.key, written);
    if (foreign !== undefined) {
      return {
        ...base,
        code: foreign.code ?? 'foreign-spelling',
        message: `${formatPath(path)} is "${written}", which is ${foreign.origin}`,
        hint: `Write "${foreign.correct}" (the -${field.parameter} value). Allowed: ${allowed.join(', ')}.`,
      };
    }
  }
  const suggestion = typeof written === 'string' ? suggestClosest(written, allowed) : undefined;
  return {
    ...base,
    code: 'value-not-allowed',
    message: `${formatPath(path)} is ${describeValue(written)}, which is not an allowed value`,
    hint:
      (suggestion !== undefined ? `Did you mean "${suggestion}"? ` : '') +
      `Allowed: ${allowed.join(', ')}.`,
  };
}

function missingKey(error: ErrorObject, source: YamlSource): Diagnostic {
  const parent = parsePointer(error.instancePath);
  const key = String(error.params.missingProperty);
  const property = (error.schema as unknown[]).includes(key)
    ? (error.parentSchema as { properties?: Record<string, { description?: string }> })
        .properties?.[key]
    : undefined;
  return {
    code: 'missing-key',
    severity: 'error',
    message: `${formatPath(parent)} is missing the required key "${key}"`,
    hint:
      property?.description !== undefined ? `Add ${key}: ${property.description}` : `Add ${key}.`,
    path: [...parent, key],
    position: locate(source, parent),
  };
}

function otherError(error: ErrorObject, source: YamlSource): Diagnostic {
  const path = parsePointer(error.instancePath);
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  const code =
    error.keyword === 'type'
      ? 'wrong-type'
      : error.keyword === 'pattern'
        ? 'invalid-format'
        : 'invalid-value';
  return {
    code,
    severity: 'error',
    message: `${formatPath(path)} is ${describeValue(error.data, sourceTextAt(source, path))}, which ${error.message ?? 'is invalid'}`,
    hint: [describeExpectedType(error), description].filter(Boolean).join(' ') || undefined,
    path,
    position: locate(source, path),
  };
}

/** How to write a value of the type a `type` error expected, as the first words of its hint. */
const TYPE_HINTS: Record<string, string> = {
  integer: 'Write a whole number without quotes.',
  number: 'Write a number without quotes.',
  boolean: 'Write true or false without quotes (YAML 1.2 reads yes, no, on and off as text).',
  string: 'Write text, in quotes if it would otherwise read as a number, boolean or null.',
  object: 'Write a map of keys and values.',
  array: 'Write a list.',
};

function describeExpectedType(error: ErrorObject): string | undefined {
  return error.keyword === 'type' ? TYPE_HINTS[String(error.params.type)] : undefined;
}

/** Converts Ajv errors (compiled with `verbose: true`) into diagnostics. */
export function convertSchemaErrors(
  errors: readonly ErrorObject[],
  source: YamlSource,
): Diagnostic[] {
  return errors
    .filter((error) => error.keyword !== 'if')
    .map((error) => {
      switch (error.keyword) {
        case 'additionalProperties':
          return unknownKey(error, source);
        case 'enum':
          return valueNotAllowed(error, source);
        case 'required':
          return missingKey(error, source);
        default:
          return otherError(error, source);
      }
    });
}
