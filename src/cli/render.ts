/** `render`: validate a baseline and write every target's files, or nothing on any error. */
import { join, relative, resolve } from 'node:path';
import { hasInputError, loadBaselineFile } from '../baseline/load.js';
import { hasBlockingDiagnostics } from '../diagnostics.js';
import { renderBaseline } from '../render/render.js';
import { writeGeneratedFiles } from '../render/write.js';
import { findTarget, TARGETS } from '../targets/index.js';
import type { Target } from '../targets/target.js';
import { EXIT_FINDINGS, EXIT_INPUT_ERROR, EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';
import { printDiagnostics } from './validate.js';

export interface RenderOptions {
  out?: string;
  target?: string[];
  strict?: boolean;
}

function selectTargets(names: readonly string[] | undefined, io: CliIo): Target[] | undefined {
  if (names === undefined || names.length === 0) {
    return [...TARGETS];
  }
  const selected: Target[] = [];
  for (const name of new Set(names)) {
    const target = findTarget(name);
    if (target === undefined) {
      io.stderr(
        `error: unknown target "${name}". Targets: ${TARGETS.map((candidate) => candidate.name).join(', ')}.\n`,
      );
      return undefined;
    }
    selected.push(target);
  }
  return selected;
}

export function runRender(file: string, options: RenderOptions, io: CliIo): number {
  const targets = selectTargets(options.target, io);
  if (targets === undefined) {
    return EXIT_INPUT_ERROR;
  }
  // An empty --out is usually an unset shell variable, and would write into the working folder.
  if (options.out !== undefined && options.out.trim() === '') {
    io.stderr(
      'error: --out is empty. Name the output folder, or leave --out out for out/<baseline name>.\n',
    );
    return EXIT_INPUT_ERROR;
  }

  const loaded = loadBaselineFile(file, io.cwd);
  printDiagnostics(loaded.diagnostics, io);
  if (hasInputError(loaded)) {
    return EXIT_INPUT_ERROR;
  }
  if (loaded.baseline === undefined || hasBlockingDiagnostics(loaded.diagnostics, options.strict)) {
    io.stderr(`${file}: not rendered because of the errors above; nothing was written.\n`);
    return EXIT_FINDINGS;
  }

  const outputFolder = resolve(io.cwd, options.out ?? join('out', loaded.baseline.name));
  let written: string[];
  try {
    written = writeGeneratedFiles(outputFolder, renderBaseline(loaded, targets));
  } catch (error) {
    io.stderr(
      `error: rendering ${file} failed, nothing was written: ${(error as Error).message}\n`,
    );
    return EXIT_INPUT_ERROR;
  }
  for (const path of written) {
    io.stdout(`${relative(io.cwd, path)}\n`);
  }
  return EXIT_OK;
}
