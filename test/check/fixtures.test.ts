/** check against the committed captures: every format, Windows encodings, and damaged files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import type { CheckReport } from '../../src/check/findings.js';
import { REPO_ROOT } from '../helpers/baselines.js';
import { buildCheckFixtures, FIXTURE_ROOT } from '../helpers/check-fixtures.js';

const CONTOSO = join(REPO_ROOT, 'baselines/contoso.yaml');

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['check', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: FIXTURE_ROOT,
  });
  return { code, stdout, stderr };
}

async function report(args: string[]): Promise<{ code: number; report: CheckReport }> {
  const result = await check([...args, '--json']);
  expect(result.stderr).toBe('');
  return { code: result.code, report: JSON.parse(result.stdout) as CheckReport };
}

const findingKeys = (checked: CheckReport): string[] =>
  checked.findings.map((finding) => `${finding.severity} ${finding.code} ${finding.field}`);

describe('check agreement', () => {
  const servers = [
    'source/server-custom.txt',
    'source/server-custom.json',
    'generated/server-custom.crlf.txt',
    'generated/server-custom.utf16le.txt',
    'generated/server-custom.utf16be.txt',
    'generated/server-custom.utf16le.json',
  ];
  const clients = [
    ['--client', 'source/client-match.txt'],
    ['--client', 'source/client-custom.json'],
    ['--client', 'generated/client-match.crlf.txt'],
    ['--client', 'generated/client-match.utf16le.txt'],
    ['--profile-xml', 'source/profile-user.xml'],
    ['--profile-xml', 'generated/profile-user.utf16le.xml'],
    ['--profile-xml', 'generated/profile-exported.utf16le.txt'],
    ['--nps', 'generated/nps.utf16le.txt'],
    ['--registry', 'generated/registry-2.utf16le.txt'],
  ];
  for (const server of servers) {
    it(`baseline and ${server}`, async () => {
      const { code, report: checked } = await report([
        CONTOSO,
        '--server',
        server,
        ...clients.flat(),
      ]);
      expect(findingKeys(checked)).toEqual([]);
      expect(checked.verdict).toBe('agreement');
      expect(code).toBe(0);
    });
    it(`clients and ${server}`, async () => {
      const { code, report: checked } = await report(['--server', server, ...clients.flat()]);
      expect(findingKeys(checked)).toEqual([]);
      expect(code).toBe(0);
    });
  }

  it('collected files', async () => {
    const args = [
      '--collected',
      'generated/collected-server.json',
      '--collected',
      'generated/collected-client.json',
    ];
    const drift = await report([CONTOSO, ...args]);
    expect(findingKeys(drift.report)).toEqual([]);
    expect(drift.code).toBe(0);
    const negotiation = await report(args);
    expect(findingKeys(negotiation.report)).toEqual([]);
    expect(negotiation.report.inputs.length).toBe(6);
  });
});

describe('check findings', () => {
  const cases: Array<{ name: string; args: string[]; findings: string[]; exit: number }> = [
    {
      name: 'client hitting 13868',
      args: ['--server', 'source/server-custom.txt', '--client', 'source/client-13868.txt'],
      findings: [
        'mismatch ike-policy-mismatch ike.encryption',
        'mismatch ike-policy-mismatch ike.dhGroup',
        'mismatch pfs-mismatch-at-rekey esp.pfsGroup',
      ],
      exit: 1,
    },
    {
      name: 'pfs only',
      args: ['--server', 'source/server-custom.txt', '--client', 'source/client-pfs2048.txt'],
      findings: ['mismatch pfs-mismatch-at-rekey esp.pfsGroup'],
      exit: 1,
    },
    {
      name: 'client without custom policy',
      args: ['--server', 'source/server-custom.txt', '--client', 'source/client-empty.txt'],
      findings: [
        'mismatch ike-policy-mismatch ike.encryption',
        'mismatch ike-policy-mismatch ike.dhGroup',
        'mismatch esp-policy-mismatch esp.cipher',
        'mismatch esp-policy-mismatch esp.integrity',
      ],
      exit: 1,
    },
    {
      name: 'server without custom policy',
      args: ['--server', 'source/server-default.txt', '--client', 'source/client-match.txt'],
      findings: [
        'mismatch ike-policy-mismatch ike.encryption',
        'mismatch ike-policy-mismatch ike.dhGroup',
        'mismatch esp-policy-mismatch esp.cipher',
        'mismatch esp-policy-mismatch esp.integrity',
      ],
      exit: 1,
    },
    {
      name: 'ProfileXML PowerShell spelling',
      args: [
        '--server',
        'source/server-custom.txt',
        '--profile-xml',
        'source/profile-powershell-spelling.xml',
      ],
      findings: ['mismatch profile-xml-powershell-spelling ike.encryption'],
      exit: 1,
    },
    {
      name: 'ProfileXML PowerShell spelling, baseline',
      args: [CONTOSO, '--profile-xml', 'source/profile-powershell-spelling.xml'],
      findings: ['drift profile-xml-powershell-spelling ike.encryption'],
      exit: 1,
    },
    {
      name: 'server drift',
      args: [CONTOSO, '--server', 'source/server-default.txt'],
      findings: [
        'drift ike-policy-mismatch ike.encryption',
        'drift ike-policy-mismatch ike.integrity',
        'drift ike-policy-mismatch ike.dhGroup',
        'drift esp-policy-mismatch esp.cipher',
        'drift esp-policy-mismatch esp.integrity',
        'drift pfs-mismatch-at-rekey esp.pfsGroup',
        'drift lifetime-differs server.saDataSizeKilobytes',
      ],
      exit: 1,
    },
    {
      name: 'NPS strongest only, user tunnel',
      args: [
        '--server',
        'source/server-custom.txt',
        '--profile-xml',
        'source/profile-user.xml',
        '--nps',
        'source/nps-strongest-only.txt',
      ],
      findings: ['warning nps-aes128-strongest-only nps.encryption'],
      exit: 0,
    },
    {
      name: 'NPS strongest only, strict',
      args: [
        '--server',
        'source/server-custom.txt',
        '--nps',
        'source/nps-strongest-only.txt',
        '--strict',
      ],
      findings: ['warning nps-aes128-strongest-only nps.encryption'],
      exit: 1,
    },
    {
      name: 'NPS strongest only, device tunnel',
      args: [
        '--server',
        'source/server-custom.txt',
        '--profile-xml',
        'source/profile-powershell-spelling.xml',
        '--nps',
        'source/nps-strongest-only.txt',
      ],
      findings: ['mismatch profile-xml-powershell-spelling ike.encryption'],
      exit: 1,
    },
    {
      name: 'NPS drift',
      args: [CONTOSO, '--nps', 'source/nps-strongest-only.txt'],
      findings: [
        'drift nps-encryption-differs nps.encryption',
        'warning nps-aes128-strongest-only nps.encryption',
      ],
      exit: 1,
    },
  ];
  for (const row of cases) {
    it(row.name, async () => {
      const { code, report: checked } = await report(row.args);
      expect(findingKeys(checked)).toEqual(row.findings);
      expect(code).toBe(row.exit);
    });
  }

  it('misspelled suite element', async () => {
    const { code, report: checked } = await report([
      '--server',
      'source/server-custom.txt',
      '--profile-xml',
      'source/profile-misspelled.xml',
    ]);
    expect(findingKeys(checked)).toEqual(['mismatch profile-xml-element-missing ike.integrity']);
    expect(checked.notes.map((note) => `${note.code} ${note.position?.line}`)).toContain(
      'profile-xml-element-unknown 15',
    );
    expect(code).toBe(1);
  });

  it('PFS rekey time from the server', async () => {
    const { report: checked } = await report([
      '--server',
      'source/server-custom.txt',
      '--client',
      'source/client-pfs2048.txt',
    ]);
    expect(checked.findings[0]!.message).toContain('after 28800 s');
    expect(checked.findings[0]!.message).toContain('1024000 KB');
  });

  it('fix command escapes the name', async () => {
    const { report: checked } = await report([
      '--server',
      'source/server-custom.txt',
      '--client',
      'source/client-pfs2048.txt',
      '--connection-name',
      "O'Brien VPN",
    ]);
    expect(checked.findings[0]!.fix).toBe(
      "Set-VpnConnectionIPsecConfiguration -ConnectionName 'O''Brien VPN' -EncryptionMethod 'GCMAES128' -IntegrityCheckMethod 'SHA256' -DHGroup 'Group14' -CipherTransformConstants 'GCMAES128' -AuthenticationTransformConstants 'GCMAES128' -PfsGroup 'ECP256' -Force",
    );
  });

  it('NPS notes what was not read', async () => {
    const { report: checked } = await report([
      '--server',
      'source/server-custom.txt',
      '--nps',
      'source/nps.txt',
    ]);
    const codes = checked.notes.map((note) => `${note.code} ${note.position?.line}`);
    expect(codes).toContain('nps-format-unconfirmed 1');
    expect(codes).toContain('nps-line-not-read 22');
  });
});

describe('check unreadable input', () => {
  const cases: Array<{ args: string[]; code: string; line: number }> = [
    { args: ['--server', 'source/server-numeric.json'], code: 'json-enum-number', line: 2 },
    { args: ['--server', 'source/server-cut.txt'], code: 'format-list-cut', line: 13 },
    { args: ['--server', 'source/server-garbled.txt'], code: 'format-list-line-invalid', line: 4 },
    { args: ['--server', 'source/server-truncated.txt'], code: 'server-field-missing', line: 2 },
    {
      args: ['--server', 'generated/server-custom.utf16le-cut.txt'],
      code: 'input-truncated',
      line: 5,
    },
    { args: ['--server', 'source/missing.txt'], code: 'input-unreadable', line: 1 },
    {
      args: ['--server', 'source/server-custom.txt', '--client', 'source/client-truncated.txt'],
      code: 'crypto-field-missing',
      line: 2,
    },
    {
      args: ['--server', 'source/server-custom.txt', '--client', 'source/client-truncated.json'],
      code: 'json-syntax',
      line: 4,
    },
    {
      args: [
        '--server',
        'source/server-custom.txt',
        '--client',
        'generated/client-match.utf16le-no-bom.txt',
      ],
      code: 'input-encoding-invalid',
      line: 2,
    },
    {
      args: [
        '--server',
        'source/server-custom.txt',
        '--client',
        'generated/client-match.invalid-utf8.txt',
      ],
      code: 'input-encoding-invalid',
      line: 2,
    },
    {
      args: [
        '--server',
        'source/server-custom.txt',
        '--profile-xml',
        'source/profile-truncated.xml',
      ],
      code: 'profile-xml-malformed',
      line: 15,
    },
    {
      args: ['--server', 'source/server-custom.txt', '--registry', 'source/registry-truncated.txt'],
      code: 'registry-cut',
      line: 3,
    },
    {
      args: ['--server', 'source/server-custom.txt', '--registry', 'source/registry-string.txt'],
      code: 'registry-value-invalid',
      line: 3,
    },
    { args: ['--client', 'source/client-match.txt'], code: 'server-required', line: 1 },
    {
      args: [
        '--server',
        'source/server-custom.txt',
        '--profile-xml',
        'source/profile-duplicate.xml',
      ],
      code: 'profile-xml-element-duplicate',
      line: 15,
    },
    {
      args: ['--server', 'source/server-custom.txt', '--client', 'source/client-connection.txt'],
      code: 'client-not-ipsec-policy',
      line: 2,
    },
  ];
  for (const row of cases) {
    it(`${row.code} in ${row.args[row.args.length - 1]}`, async () => {
      const result = await check(row.args);
      const first = /^([^\n]+):(\d+):(\d+): error ([a-z0-9-]+):/m.exec(result.stderr);
      expect(result.stdout).toBe('');
      expect(first?.[4]).toBe(row.code);
      expect(Number(first?.[2])).toBe(row.line);
      expect(result.code).toBe(2);
    });
  }

  it('every damaged value in a capture', async () => {
    const result = await check(['--server', 'source/server-truncated.txt']);
    expect(result.stderr).toMatch(/server-truncated\.txt:11:36: error enum-value-unknown:/);
    expect(result.stderr).toMatch(/error server-field-missing: .* SALifeTime\(s\)/);
  });
});

describe('check fixtures', () => {
  it('generated files are current', () => {
    for (const [name, bytes] of buildCheckFixtures()) {
      const committed = readFileSync(join(FIXTURE_ROOT, 'generated', name));
      expect(committed.equals(bytes), `${name}: run npx tsx scripts/write-check-fixtures.ts`).toBe(
        true,
      );
    }
  });
});
