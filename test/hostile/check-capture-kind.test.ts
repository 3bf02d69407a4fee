/** A capture passed with the wrong option must not be read as a matching peer. */
import { describe, expect, test } from 'vitest';
import { CLIENT, runCheck, SERVER } from './check-run.js';

describe('check capture kind', () => {
  test('server capture passed as --client', async () => {
    const run = await runCheck({ 'server.txt': SERVER }, [
      '--server',
      'server.txt',
      '--client',
      'server.txt',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['client-not-ipsec-policy']);
    expect(run.stderr).toContain('server.txt:4:36:');
  });
});

describe('check server custom policy', () => {
  test('CustomPolicy False with crypto values', async () => {
    const server = SERVER.replace(/^CustomPolicy( *): True$/m, 'CustomPolicy$1: False');
    const run = await runCheck({ 'server.txt': server, 'client.txt': CLIENT }, [
      '--server',
      'server.txt',
      '--client',
      'client.txt',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['server-custom-policy-conflict']);
    expect(run.stderr).toContain('server.txt:4:36:');
  });
});
