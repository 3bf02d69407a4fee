/** Captures that name one property twice: `check` cannot know which value is real (exit 2). */
import { describe, expect, test } from 'vitest';
import { CLIENT, runCheck, SERVER } from './check-run.js';

describe('check json capture', () => {
  test.each([
    ['same key twice', '"DHGroup":  "ECP384",\n    "DHGroup":  "Group14"'],
    ['key twice in other case', '"DHGroup":  "ECP384",\n    "dhgroup":  "Group14"'],
  ])('%s', async (_name, entries) => {
    const client = [
      '{',
      '    "AuthenticationTransformConstants":  "GCMAES128",',
      '    "CipherTransformConstants":  "GCMAES128",',
      `    ${entries},`,
      '    "IntegrityCheckMethod":  "SHA256",',
      '    "PfsGroup":  "ECP256",',
      '    "EncryptionMethod":  "GCMAES128"',
      '}',
      '',
    ].join('\n');
    const run = await runCheck({ 'server.txt': SERVER, 'client.json': client }, [
      '--server',
      'server.txt',
      '--client',
      'client.json',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['json-syntax']);
    expect(run.stderr).toContain('client.json:5:5:');
  });
});

describe('check format-list capture', () => {
  test('label twice in other case', async () => {
    const client = CLIENT.replace(/^(DHGroup .*)$/m, 'DHGroup : ECP384\ndhgroup : Group14');
    const run = await runCheck({ 'server.txt': SERVER, 'client.txt': client }, [
      '--server',
      'server.txt',
      '--client',
      'client.txt',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['format-list-duplicate']);
    expect(run.stderr).toContain('client.txt:5:1:');
  });

  test('label with and without unit', async () => {
    const server = SERVER.replace(/^(SALifeTime\(s\) .*)$/m, '$1\nSALifeTime : 3600');
    const run = await runCheck({ 'server.txt': server }, ['--server', 'server.txt']);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['format-list-duplicate']);
    expect(run.stderr).toContain('server.txt:14:1:');
  });
});
