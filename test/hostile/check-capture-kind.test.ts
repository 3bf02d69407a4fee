/** Captures and options that check could misread as a peer that agrees, or fix with the wrong name. */
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

describe('check --connection-name', () => {
  test.each(['', '   '])('empty name %j', async (name) => {
    const client = CLIENT.replace('ECP256', 'PFS2048');
    const run = await runCheck({ 'server.txt': SERVER, 'client.txt': client }, [
      '--server',
      'server.txt',
      '--client',
      'client.txt',
      '--connection-name',
      name,
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--connection-name');
  });
});
