/** Loads a baseline: read, parse, schema-validate, run the rules. Never throws for bad input. */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, posix, resolve, win32 } from 'node:path';
import { Ajv } from 'ajv';
import { isCollection, visit } from 'yaml';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { runRules } from '../rules/index.js';
import type { RuleContext } from '../rules/rule.js';
import { decodeText, InvalidTextError } from '../text.js';
import { findXmlProblem } from '../xml-well-formed.js';
import { buildBaselineSchema } from './schema.js';
import { convertSchemaErrors } from './schema-errors.js';
import { locate, parseYamlSource, positionAt, type YamlSource } from './source.js';
import type { Baseline } from './types.js';

export interface LoadedBaseline {
  /** The file as named by the caller. */
  file: string;
  /** Present when the document passed the schema; rules may still have reported errors. */
  baseline?: Baseline;
  diagnostics: Diagnostic[];
  /** SHA-256 of the text with line endings normalized to LF, so a CRLF checkout hashes the same. */
  contentHash: string;
  /** Reads a file named in the baseline (eapConfig), relative to the baseline. */
  readRelative(relativePath: string): string;
  source?: YamlSource;
}

let compiledValidator: ReturnType<Ajv['compile']> | undefined;

function schemaValidator(): ReturnType<Ajv['compile']> {
  if (compiledValidator === undefined) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    compiledValidator = ajv.compile(buildBaselineSchema());
  }
  return compiledValidator;
}

export function hashBaselineText(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n'), 'utf8').digest('hex');
}

/** Largest file a baseline may name. EAP exports are a few kilobytes. */
export const MAX_REFERENCED_FILE_BYTES = 1024 * 1024;

/**
 * Reads a file a baseline names. Anything but a regular file is rejected before it is
 * opened, because reading a FIFO or a device such as /dev/zero would never end.
 */
export function readReferencedFile(path: string): string {
  const stats = statSync(path);
  if (stats.isDirectory()) {
    throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  }
  if (!stats.isFile()) {
    throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTFILE' });
  }
  if (stats.size > MAX_REFERENCED_FILE_BYTES) {
    throw Object.assign(new Error(`${path} is too large`), { code: 'EFBIG' });
  }
  return decodeText(readFileSync(path));
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'was not found';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTFILE':
      return 'is not a regular file (a device, pipe or socket)';
    case 'EILSEQ':
      return `is ${(error as Error).message} (save it as UTF-8, or as UTF-16 with a byte-order mark)`;
    case 'EFBIG':
      return `is larger than ${MAX_REFERENCED_FILE_BYTES} bytes, far more than an EAP export`;
    default:
      return `could not be read (${code ?? String(error)})`;
  }
}

/**
 * Checks that an EAP configuration file exists, has EapHostConfig as its root element
 * and is well-formed XML, because it is embedded as markup in the ProfileXML.
 */
export function checkEapConfigText(read: () => string): string | undefined {
  let text: string;
  try {
    text = read();
  } catch (error) {
    return describeReadError(error);
  }
  const body = stripXmlProlog(text);
  if (!/^<EapHostConfig[\s>]/.test(body) || !/<\/EapHostConfig>\s*$/.test(body)) {
    return 'does not contain an EapHostConfig root element';
  }
  const problem = findXmlProblem(text);
  return problem === undefined ? undefined : `is not well-formed XML: ${problem}`;
}

/** Checks that eapConfig is a relative path with forward slashes, so every checkout reads it the same. */
function checkEapConfigPath(relativePath: string): string | undefined {
  if (win32.isAbsolute(relativePath) || posix.isAbsolute(relativePath)) {
    return 'is an absolute path, but it must be relative to the baseline file so that every checkout finds it';
  }
  if (relativePath.includes('\\')) {
    return 'contains a backslash, which only Windows reads as a folder separator, so write forward slashes (eap/peap.xml)';
  }
  return undefined;
}

/** Removes the XML declaration, comments and surrounding white space. */
export function stripXmlProlog(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[^?]*\?>/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
}

/** Codes of errors that stop a file from being read or parsed. The CLI exits 2 for them. */
const INPUT_ERROR_CODES: ReadonlySet<string> = new Set([
  'file-unreadable',
  'yaml-syntax',
  'duplicate-key',
  'yaml-alias-limit',
  'yaml-collection-key',
]);

/** Checks whether the baseline could not be read or parsed, as opposed to parsed with findings. */
export function hasInputError(loaded: LoadedBaseline): boolean {
  return loaded.diagnostics.some(
    (diagnostic) => diagnostic.severity === 'error' && INPUT_ERROR_CODES.has(diagnostic.code),
  );
}

function yamlDiagnostics(source: YamlSource): Diagnostic[] {
  const problems = [...source.document.errors, ...source.document.warnings];
  return problems.map((problem) => ({
    code: yamlProblemCode(problem.code),
    // An unknown tag is a warning to the yaml package, which then reads the value as a
    // string. A baseline author who wrote a tag meant something else, so it is an error.
    severity:
      problem.code === 'TAG_RESOLVE_FAILED' || source.document.errors.includes(problem as never)
        ? 'error'
        : 'warning',
    ...describeYamlProblem(problem.code, problem.message),
    path: [],
    position: positionAt(source, problem.pos[0]),
  }));
}

function yamlProblemCode(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate-key';
    case 'TAG_RESOLVE_FAILED':
      return 'yaml-tag';
    default:
      return 'yaml-syntax';
  }
}

function describeYamlProblem(code: string, message: string): { message: string; hint: string } {
  if (code === 'TAG_RESOLVE_FAILED') {
    return {
      message: `${message.split('\n')[0] ?? message}: a baseline contains only strings, numbers, booleans, lists and maps`,
      hint: 'Remove the tag and write the plain value.',
    };
  }
  if (code === 'MULTIPLE_DOCS') {
    return {
      message: 'the file contains a second YAML document, but a baseline is one document',
      hint: 'Remove the --- line and what follows it, or put each baseline in its own file.',
    };
  }
  return {
    message: message.split('\n')[0] ?? message,
    hint: 'Fix the YAML syntax at this position.',
  };
}

/**
 * Converts the document to plain data. The yaml package throws when aliases expand to
 * too many nodes (an alias bomb), which becomes a diagnostic at the first alias.
 */
/**
 * Finds a map key that is a list or map (`? [a, b]`). Every baseline key is a plain
 * name, and converting such a key makes the yaml package print a process warning, so it
 * is rejected before conversion.
 */
function findCollectionKey(source: YamlSource): Diagnostic | undefined {
  let offset: number | undefined;
  visit(source.document, {
    Pair(_key, pair) {
      if (isCollection(pair.key)) {
        offset = pair.key.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  if (offset === undefined) {
    return undefined;
  }
  return {
    code: 'yaml-collection-key',
    severity: 'error',
    message: 'a map key is a list or a map, but every baseline key is a plain name',
    hint: 'Write the key as a plain name such as encryption:, and remove the ? line.',
    path: [],
    position: positionAt(source, offset),
  };
}

function convertToData(source: YamlSource): { data?: unknown; diagnostic?: Diagnostic } {
  const collectionKey = findCollectionKey(source);
  if (collectionKey !== undefined) {
    return { diagnostic: collectionKey };
  }
  try {
    return { data: source.document.toJS() };
  } catch (error) {
    let firstAlias: number | undefined;
    visit(source.document, {
      Alias(_key, node) {
        firstAlias = node.range?.[0];
        return visit.BREAK;
      },
    });
    return {
      diagnostic: {
        code: 'yaml-alias-limit',
        severity: 'error',
        message: `the YAML aliases expand to too many nodes (${(error as Error).message})`,
        hint: 'Write the values out instead of nesting aliases. A baseline needs few or none.',
        path: [],
        position: positionAt(source, firstAlias ?? 0),
      },
    };
  }
}

export interface LoadTextOptions {
  /**
   * Reads a file named in the baseline (eapConfig). Defaults to reading from disk
   * relative to the baseline's folder; `diff --base` reads from a git revision instead.
   */
  readRelative?: (relativePath: string) => string;
}

/**
 * Loads a baseline from text. `file` names it in messages; relative paths inside it
 * (eapConfig) resolve against `file`'s folder, taken relative to `cwd`, unless
 * `options.readRelative` reads them from elsewhere.
 */
export function loadBaselineText(
  file: string,
  text: string,
  cwd = process.cwd(),
  options: LoadTextOptions = {},
): LoadedBaseline {
  const baseDirectory = dirname(resolve(cwd, file));
  const readRelative =
    options.readRelative ??
    ((relativePath: string): string => readReferencedFile(resolve(baseDirectory, relativePath)));
  const contentHash = hashBaselineText(text);
  const source = parseYamlSource(file, text);
  const result: LoadedBaseline = { file, diagnostics: [], contentHash, readRelative, source };

  const syntax = yamlDiagnostics(source);
  if (syntax.some((diagnostic) => diagnostic.severity === 'error')) {
    result.diagnostics = sortDiagnostics(syntax);
    return result;
  }

  const { data, diagnostic: conversionProblem } = convertToData(source);
  if (conversionProblem !== undefined) {
    result.diagnostics = [conversionProblem];
    return result;
  }
  const validate = schemaValidator();
  if (!validate(data)) {
    result.diagnostics = sortDiagnostics([
      ...syntax,
      ...convertSchemaErrors(validate.errors ?? [], source),
    ]);
    return result;
  }

  const baseline = data as Baseline;
  const context: RuleContext = {
    checkEapConfig: (relativePath) =>
      checkEapConfigPath(relativePath) ?? checkEapConfigText(() => readRelative(relativePath)),
  };
  const ruleDiagnostics = runRules(baseline, context).map((diagnostic) => ({
    ...diagnostic,
    position: locate(source, diagnostic.path),
  }));
  result.baseline = baseline;
  result.diagnostics = sortDiagnostics([...syntax, ...ruleDiagnostics]);
  return result;
}

/**
 * Loads a baseline file, named in messages as given and read relative to `cwd`.
 * A missing or unreadable file becomes a diagnostic.
 */
export function loadBaselineFile(file: string, cwd = process.cwd()): LoadedBaseline {
  let text: string;
  try {
    text = decodeText(readFileSync(resolve(cwd, file)));
  } catch (error) {
    return unreadableBaseline(file, describeUnreadableBaseline(file, error));
  }
  return loadBaselineText(file, text, cwd);
}

function describeUnreadableBaseline(file: string, error: unknown): Diagnostic {
  if (error instanceof InvalidTextError) {
    return {
      code: 'file-unreadable',
      severity: 'error',
      message: `baseline ${file} is ${error.message}`,
      hint: 'Save the file as UTF-8 (or UTF-16 with a byte-order mark) and check the characters at this position.',
      path: [],
      position: { file, line: error.line, column: error.column },
    };
  }
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  return {
    code: 'file-unreadable',
    severity: 'error',
    message: `cannot read baseline ${file} (${code === 'ENOENT' ? 'file not found' : code})`,
    hint: 'Check the path; baselines usually live in baselines/.',
    path: [],
    position: { file, line: 1, column: 1 },
  };
}

function unreadableBaseline(file: string, diagnostic: Diagnostic): LoadedBaseline {
  return {
    file,
    diagnostics: [diagnostic],
    contentHash: '',
    readRelative: () => {
      throw new Error('baseline was not loaded');
    },
  };
}
