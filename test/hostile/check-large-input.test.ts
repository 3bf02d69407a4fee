/** Large damaged captures: one error per line must not crash check or flood stderr. */
import { describe, expect, test } from 'vitest';
import { CLIENT, runCheck } from './check-run.js';

describe('check large input', () => {
  test('150000 invalid lines', async () => {
    const server = 'this is not a property line\r\n'.repeat(150_000);
    const run = await runCheck({ 'server.txt': server, 'client.txt': CLIENT }, [
      '--server',
      'server.txt',
      '--client',
      'client.txt',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toContain('format-list-line-invalid');
    expect(run.codes).toContain('input-too-many-problems');
    expect(run.stderr.split('\n').length).toBeLessThan(500);
  });
});
