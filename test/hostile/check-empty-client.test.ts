/** An empty client capture: a connection without a custom policy, or a capture that failed. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FIXTURE_ROOT } from '../helpers/check-fixtures.js';
import { runCheck } from './check-run.js';

const SERVER_DEFAULT = readFileSync(join(FIXTURE_ROOT, 'source/server-default.txt'), 'utf8');

describe('check empty client capture', () => {
  test('--strict does not pass on it', async () => {
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
