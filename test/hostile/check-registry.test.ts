/** reg query captures with more than one result, as `>>` appends them. */
import { describe, expect, test } from 'vitest';
import { runCheck, SERVER } from './check-run.js';

const HEADER = 'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\Rasman\\Parameters';
const VALUE_2 = '    NegotiateDH2048_AES256    REG_DWORD    0x2';
const VALUE_0 = '    NegotiateDH2048_AES256    REG_DWORD    0x0';
const NOT_FOUND = 'ERROR: The system was unable to find the specified registry key or value.';

describe('check registry capture', () => {
  test.each([
    ['two values', ['', HEADER, VALUE_2, '', '', HEADER, VALUE_0, '', ''], 7],
    ['value and not found', ['', HEADER, VALUE_2, '', NOT_FOUND, ''], 5],
    ['not found and value', [NOT_FOUND, '', HEADER, VALUE_2, '', ''], 4],
  ])('%s', async (_name, lines, line) => {
    const run = await runCheck(
      { 'server.txt': SERVER, 'client.txt': '', 'reg.txt': lines.join('\r\n') },
      ['--server', 'server.txt', '--client', 'client.txt', '--registry', 'reg.txt'],
    );
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['registry-several-results']);
    expect(run.stderr).toContain(`reg.txt:${line}:1:`);
  });
});
