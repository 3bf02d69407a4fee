/** Runs `check --json` in a fresh folder with hostile captures written into it. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand, type CliRun } from '../helpers/cli.js';
import { FIXTURE_ROOT } from '../helpers/check-fixtures.js';

export const SERVER = readFileSync(join(FIXTURE_ROOT, 'source/server-custom.txt'), 'utf8');
export const CLIENT = readFileSync(join(FIXTURE_ROOT, 'source/client-match.txt'), 'utf8');
export const PROFILE = readFileSync(join(FIXTURE_ROOT, 'source/profile-user.xml'), 'utf8');

/** Writes the files into a fresh folder and runs `check --json` there. */
export async function runCheck(
  files: Record<string, string>,
  args: readonly string[],
): Promise<CliRun & { codes: string[] }> {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-hostile-check-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(folder, name), text);
  }
  const run = await runCommand(['check', ...args, '--json'], folder);
  const codes = [...run.stderr.matchAll(/ error ([a-z0-9-]+):/g)].map((match) => match[1]!);
  return { ...run, codes };
}
