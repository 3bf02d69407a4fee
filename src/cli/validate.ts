/** `validate`: schema and crypto rules for one or more baselines. */
import { formatDiagnostic, hasBlockingDiagnostics, type Diagnostic } from '../diagnostics.js';
import { hasInputError, loadBaselineFile } from '../baseline/load.js';
import { EXIT_FINDINGS, EXIT_INPUT_ERROR, EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';

export interface ValidateOptions {
  strict?: boolean;
  json?: boolean;
}

export function runValidate(files: readonly string[], options: ValidateOptions, io: CliIo): number {
  const results = files.map((file) => {
    const loaded = loadBaselineFile(file, io.cwd);
    return { file, loaded };
  });
  if (options.json === true) {
    const report = results.map(({ file, loaded }) => ({
      file,
      valid:
        loaded.baseline !== undefined &&
        !hasBlockingDiagnostics(loaded.diagnostics, options.strict),
      diagnostics: loaded.diagnostics,
    }));
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  }
  let exitCode = EXIT_OK;
  for (const { file, loaded } of results) {
    if (options.json !== true) {
      printDiagnostics(loaded.diagnostics, io);
    }
    if (hasInputError(loaded)) {
      exitCode = EXIT_INPUT_ERROR;
    } else if (
      loaded.baseline === undefined ||
      hasBlockingDiagnostics(loaded.diagnostics, options.strict)
    ) {
      exitCode = Math.max(exitCode, EXIT_FINDINGS);
    } else if (options.json !== true) {
      io.stdout(`${file}: valid (${summarize(loaded.diagnostics)})\n`);
    }
  }
  return exitCode;
}

/** Prints diagnostics to stderr, one block each. */
export function printDiagnostics(diagnostics: readonly Diagnostic[], io: CliIo): void {
  for (const diagnostic of diagnostics) {
    io.stderr(`${formatDiagnostic(diagnostic)}\n`);
  }
}

function summarize(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: string) =>
    diagnostics.filter(
      (diagnostic) => diagnostic.severity === severity && diagnostic.waiver === undefined,
    ).length;
  const waived = diagnostics.filter((diagnostic) => diagnostic.waiver !== undefined).length;
  return `${count('warning')} warnings, ${count('info')} notes, ${waived} waived`;
}
