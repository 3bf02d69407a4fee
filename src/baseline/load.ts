/** Loads a baseline: read, parse, schema-validate, run the rules. Never throws for bad input. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { runRules } from '../rules/index.js';
import type { RuleContext } from '../rules/rule.js';
import { decodeText } from '../text.js';
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

/** Checks that an EAP configuration file exists and has EapHostConfig as its root element. */
export function checkEapConfigText(read: () => string): string | undefined {
  let text: string;
  try {
    text = read();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? 'was not found' : `could not be read (${code ?? String(error)})`;
  }
  const body = stripXmlProlog(text);
  if (!/^<EapHostConfig[\s>]/.test(body) || !/<\/EapHostConfig>\s*$/.test(body)) {
    return 'does not contain an EapHostConfig root element';
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

function yamlDiagnostics(source: YamlSource): Diagnostic[] {
  const problems = [...source.document.errors, ...source.document.warnings];
  return problems.map((problem) => ({
    code: problem.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax',
    severity: source.document.errors.includes(problem as never) ? 'error' : 'warning',
    message: problem.message.split('\n')[0] ?? problem.message,
    hint: 'Fix the YAML syntax at this position.',
    path: [],
    position: positionAt(source, problem.pos[0]),
  }));
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
    ((relativePath: string): string =>
      decodeText(readFileSync(resolve(baseDirectory, relativePath))));
  const contentHash = hashBaselineText(text);
  const source = parseYamlSource(file, text);
  const result: LoadedBaseline = { file, diagnostics: [], contentHash, readRelative, source };

  const syntax = yamlDiagnostics(source);
  if (syntax.some((diagnostic) => diagnostic.severity === 'error')) {
    result.diagnostics = sortDiagnostics(syntax);
    return result;
  }

  const data: unknown = source.document.toJS();
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
    checkEapConfig: (relativePath) => checkEapConfigText(() => readRelative(relativePath)),
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
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      file,
      diagnostics: [
        {
          code: 'file-unreadable',
          severity: 'error',
          message: `cannot read baseline ${file} (${code === 'ENOENT' ? 'file not found' : code})`,
          hint: 'Check the path; baselines usually live in baselines/.',
          path: [],
          position: { file, line: 1, column: 1 },
        },
      ],
      contentHash: '',
      readRelative: () => {
        throw new Error('baseline was not loaded');
      },
    };
  }
  return loadBaselineText(file, text, cwd);
}
