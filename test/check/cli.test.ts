/** check's command line: usage errors, output formats, exit codes. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { FIXTURE_ROOT } from '../helpers/check-fixtures.js';
import { writeBaseline } from '../helpers/baselines.js';

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: join(FIXTURE_ROOT, 'source'),
  });
  return { code, stdout, stderr };
}

const MISMATCH = ['--server', 'server-custom.txt', '--client', 'client-13868.txt'];

describe('check cli', () => {
  const usage: Array<{ name: string; args: string[]; message: RegExp }> = [
    { name: 'no inputs', args: [], message: /no inputs/ },
    {
      name: 'two formats',
      args: [...MISMATCH, '--json', '--markdown'],
      message: /one of --json and --markdown/,
    },
    {
      name: 'invalid baseline',
      args: [writeBaseline('name: [unclosed'), ...MISMATCH],
      message: /not valid/,
    },
  ];
  for (const row of usage) {
    it(row.name, async () => {
      const result = await check(row.args);
      expect(result.stderr).toMatch(row.message);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(2);
    });
  }

  it('markdown report', async () => {
    const result = await check([...MISMATCH, '--markdown', '--connection-name', 'Contoso VPN']);
    expect(result.stdout).toContain(
      '| Severity | Artifact | Setting | Expected | Actual | Fix on | Effect |',
    );
    expect(result.stdout).toContain(
      '| mismatch | client-13868.txt | DHGroup (`ike.dhGroup`) | `Group14` | `ECP384` | client |',
    );
    expect(result.stdout.match(/Set-VpnConnectionIPsecConfiguration/g)?.length).toBe(1);
    expect(result.code).toBe(1);
  });

  it('json report', async () => {
    const result = await check([...MISMATCH, '--json']);
    const report = JSON.parse(result.stdout);
    expect(report.formatVersion).toBe(1);
    expect(report.mode).toBe('negotiation');
    expect(report.verdict).toBe('mismatch');
    expect(report.findings[0].position).toEqual({ file: 'client-13868.txt', line: 7, column: 36 });
  });

  it('text agreement', async () => {
    const result = await check(['--server', 'server-custom.txt', '--client', 'client-match.txt']);
    expect(result.stdout).toMatch(/Result: agreement\.\n$/);
    expect(result.code).toBe(0);
  });

  it('help lists exit codes', async () => {
    const result = await check(['--help']);
    expect(result.stdout).toContain(
      '2  no verdict: a usage error, an input file that cannot be read',
    );
    expect(result.code).toBe(0);
  });
});
