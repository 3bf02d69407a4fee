/**
 * `diff`: explains the change between two versions of a baseline.
 *
 * Exit codes: 0 when done, and 1 with `--fail-on weaker` when a crypto field got weaker.
 * Exit 2 means a usage error, an unreadable file, a git failure, or a version that is
 * not a baseline (YAML or schema errors, printed with file and line). Rule
 * findings on either side do not change the exit code: they are listed as added or
 * removed, and `validate` is the gate for them.
 */
import { loadBaselineFile, loadBaselineText, type LoadedBaseline } from '../baseline/load.js';
import { computeBaselineDiff } from '../diff/compute.js';
import { formatDiffMarkdown } from '../diff/format-markdown.js';
import { formatDiffText } from '../diff/format-text.js';
import { GitReadError, readBaselineAtRevision } from '../diff/git.js';
import { EXIT_FINDINGS, EXIT_INPUT_ERROR, EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';
import { printDiagnostics } from './validate.js';

export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export const DIFF_FAIL_ON = ['weaker'] as const;

export interface DiffOptions {
  base?: string;
  format?: string;
  failOn?: string;
}

function checkUsage(files: readonly string[], options: DiffOptions): string | undefined {
  if (!(DIFF_FORMATS as readonly string[]).includes(options.format ?? 'text')) {
    return `--format "${options.format}" is not one of ${DIFF_FORMATS.join(', ')}`;
  }
  if (
    options.failOn !== undefined &&
    !(DIFF_FAIL_ON as readonly string[]).includes(options.failOn)
  ) {
    return `--fail-on "${options.failOn}" is not one of ${DIFF_FAIL_ON.join(', ')}`;
  }
  if (options.base !== undefined && files.length !== 1) {
    return `with --base give exactly one baseline (got ${files.length}): diff BASELINE --base REV`;
  }
  if (options.base === undefined && files.length !== 2) {
    return `give two baselines (got ${files.length}): diff OLD NEW, or diff BASELINE --base REV`;
  }
  return undefined;
}

/** Loads the old version, from a file or from git; undefined after printing the error. */
function loadOld(
  files: readonly string[],
  options: DiffOptions,
  io: CliIo,
): LoadedBaseline | undefined {
  if (options.base === undefined) {
    return loadBaselineFile(files[0]!, io.cwd);
  }
  try {
    const old = readBaselineAtRevision(files[0]!, options.base, io.cwd);
    return loadBaselineText(old.label, old.text, io.cwd, { readRelative: old.readRelative });
  } catch (error) {
    if (error instanceof GitReadError) {
      io.stderr(`error ${error.code}: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
}

/** Prints why a version cannot be compared; true when it loaded as a baseline. */
function reportUnusable(loaded: LoadedBaseline, io: CliIo): boolean {
  if (loaded.baseline !== undefined) {
    return true;
  }
  printDiagnostics(loaded.diagnostics, io);
  io.stderr(
    `${loaded.file}: not a valid baseline, so diff cannot compare it (fix the errors above).\n`,
  );
  return false;
}

export function runDiff(files: readonly string[], options: DiffOptions, io: CliIo): number {
  const usageError = checkUsage(files, options);
  if (usageError !== undefined) {
    io.stderr(`error: ${usageError}\n`);
    return EXIT_INPUT_ERROR;
  }

  const newLoaded = loadBaselineFile(files[files.length - 1]!, io.cwd);
  if (!reportUnusable(newLoaded, io)) {
    return EXIT_INPUT_ERROR;
  }
  const oldLoaded = loadOld(files, options, io);
  if (oldLoaded === undefined || !reportUnusable(oldLoaded, io)) {
    return EXIT_INPUT_ERROR;
  }

  const diff = computeBaselineDiff(oldLoaded, newLoaded);
  const format = options.format ?? 'text';
  if (format === 'json') {
    io.stdout(`${JSON.stringify(diff, null, 2)}\n`);
  } else {
    io.stdout(format === 'markdown' ? formatDiffMarkdown(diff) : formatDiffText(diff));
  }
  return options.failOn === 'weaker' && diff.weaker ? EXIT_FINDINGS : EXIT_OK;
}
