/** An empty client capture: a connection without a custom policy, or a capture that failed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_ROOT } from '../helpers/check-fixtures.js';
import { runCheck } from './check-run.js';

const SERVER_DEFAULT = readFileSync(join(FIXTURE_ROOT, 'source/server-default.txt'), 'utf8');

describe('check empty client capture', () => {
  // NOTE: Get-VpnConnection writes "not found" to the error stream, which `>` does not
  // redirect, so a wrong name or a user tunnel captured as SYSTEM leaves an empty file,
  // the same as a connection without a custom policy. check reads it as the latter and
  // reports agreement with a default server with only an info note, so even --strict
  // passes. A fix needs a capture that carries the connection name, or a warning that
  // --strict counts.
  test.fails('--strict does not pass on it', async () => {
    const run = await runCheck({ 'server.txt': SERVER_DEFAULT, 'client.txt': '\uFEFF' }, [
      '--server',
      'server.txt',
      '--client',
      'client.txt',
      '--strict',
    ]);
    expect(run.exitCode).not.toBe(0);
  });
});
