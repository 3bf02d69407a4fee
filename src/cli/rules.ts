/** `rules`: list every rule code, its severity and whether a baseline may waive it. */
import { RULES } from '../rules/index.js';
import { EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';

export function runRules(options: { json?: boolean }, io: CliIo): number {
  const rows = RULES.map((rule) => ({
    code: rule.code,
    severity: rule.severity,
    waivable: rule.waivable,
    summary: rule.summary,
  }));
  if (options.json === true) {
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
    return EXIT_OK;
  }
  const width = Math.max(...rows.map((row) => row.code.length));
  for (const row of rows) {
    const waivable = row.waivable ? 'waivable' : '        ';
    io.stdout(
      `${row.code.padEnd(width)}  ${row.severity.padEnd(7)}  ${waivable}  ${row.summary}\n`,
    );
  }
  return EXIT_OK;
}
