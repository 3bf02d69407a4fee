/**
 * Gives each test run its own temporary folder, through TMPDIR, which Node's
 * os.tmpdir() and the spawned tools read, and removes it when the run ends. Tests create
 * hundreds of folders; without this they would pile up in /tmp. Set
 * AOVPN_KEEP_TEST_FILES=1 to keep the folder for a look after a failure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-baseline-tests-'));
  process.env.TMPDIR = folder;
  return () => {
    if (process.env.AOVPN_KEEP_TEST_FILES === '1') {
      process.stdout.write(`test files kept in ${folder}\n`);
      return;
    }
    rmSync(folder, { recursive: true, force: true });
  };
}
