import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { REPO_ROOT, validBaseline } from '../helpers/baselines.js';
import { formatClientCapture, runCheckGateway } from '../helpers/check-gateway-cli.js';

function swanctl(ike: string, esp: string): string {
  return `connections {\n  rw {\n    proposals = ${ike}\n    children {\n      rw {\n        esp_proposals = ${esp}\n      }\n    }\n  }\n}\n`;
}

async function check(args: string[], files: Record<string, string>) {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-check-gateway-test-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(folder, name), text);
  }
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: (text: string) => void (stdout += text),
    stderr: (text: string) => void (stderr += text),
    cwd: folder,
  };
  const exitCode = await runCli(args, io);
  return { exitCode, stdout, stderr };
}

describe('check --gateway with a client', () => {
  const { ike, esp } = validBaseline();
  const rows = [
    {
      name: 'matching',
      gateway: swanctl('aes128gcm16-prfsha256-modp2048', 'aes128gcm16-ecp256'),
      exit: 0,
      failed: null,
    },
    {
      name: 'IKE group',
      gateway: swanctl('aes128gcm16-prfsha256-ecp384', 'aes128gcm16-ecp256'),
      exit: 1,
      failed: 'IKE_SA_INIT',
    },
    {
      name: 'ESP cipher',
      gateway: swanctl('aes128gcm16-prfsha256-modp2048', 'aes256gcm16-ecp256'),
      exit: 1,
      failed: 'IKE_AUTH',
    },
    {
      name: 'PFS group',
      gateway: swanctl('aes128gcm16-prfsha256-modp2048', 'aes128gcm16-ecp384'),
      exit: 1,
      failed: 'CHILD_SA_REKEY',
    },
    {
      name: 'ipsec.conf',
      gateway: 'conn rw\n  ike=aes128gcm16-prfsha256-modp2048!\n  esp=aes128gcm16!\n',
      exit: 1,
      failed: 'CHILD_SA_REKEY',
    },
    {
      name: 'charon log',
      gateway:
        '05[CFG] <1> configured proposals: IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048\n',
      exit: 1,
      failed: 'IKE_SA_INIT',
    },
  ] as const;

  test.each(rows)('$name', async ({ gateway, exit, failed }) => {
    const result = await runCheckGateway(gateway, ike, esp);

    expect(result.exitCode).toBe(exit);
    expect(result.failedExchange).toBe(failed);
  });
});

describe('check --gateway with a baseline', () => {
  test('rendered gateway agrees', async () => {
    const baseline = join(REPO_ROOT, 'test/golden/strongswan/contoso.swanctl.conf');
    const result = await check(
      ['check', join(REPO_ROOT, 'baselines/contoso.yaml'), '--gateway', baseline],
      {},
    );

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('agreement');
  });

  test('mismatch names the fix line', async () => {
    const result = await check(
      ['check', join(REPO_ROOT, 'baselines/contoso.yaml'), '--gateway', 'gw.conf', '--json'],
      { 'gw.conf': swanctl('aes256-sha256-modp2048', 'aes128gcm16-ecp256') },
    );
    const report = JSON.parse(result.stdout) as {
      findings: Array<{ code: string; field: string; fix: string; position: { line: number } }>;
    };

    expect(result.exitCode).toBe(1);
    expect(report.findings.map((finding) => [finding.code, finding.field])).toEqual([
      ['gateway-ike-sa-init-fails', 'ike.encryption'],
    ]);
    expect(report.findings[0]!.fix).toBe('proposals = aes128gcm16-prfsha256-modp2048');
    expect(report.findings[0]!.position.line).toBe(2);
  });
});

describe('check --gateway input errors', () => {
  const rows = [
    {
      name: 'unknown keyword',
      files: { 'gw.conf': swanctl('aes128-sha256-modp9999', 'aes128') },
      code: 'gateway-invalid-proposal',
    },
    { name: 'no connection', files: { 'gw.conf': 'charon {\n}\n' }, code: 'gateway-no-connection' },
  ];

  test.each(rows)('$name', async ({ files, code }) => {
    const result = await check(
      ['check', join(REPO_ROOT, 'baselines/contoso.yaml'), '--gateway', 'gw.conf'],
      files,
    );

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(code);
    expect(result.stderr).toContain('gw.conf:');
  });

  test('gateway without client', async () => {
    const result = await check(['check', '--gateway', 'gw.conf'], {
      'gw.conf': swanctl('aes128', 'aes128'),
    });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('gateway-needs-client');
  });
});

describe('check --gateway-connection', () => {
  const swanctlTwo =
    'connections {\n' +
    '  rw {\n    proposals = aes128gcm16-prfsha256-modp2048\n' +
    '    children {\n      rw {\n        esp_proposals = aes128gcm16-ecp256\n      }\n    }\n  }\n' +
    '  site {\n    proposals = aes256-sha384-ecp384\n' +
    '    children {\n      net {\n        esp_proposals = aes256-sha384\n      }\n    }\n  }\n' +
    '}\n';
  const ipsecTwo =
    'conn rw\n  ike=aes128gcm16-prfsha256-modp2048!\n  esp=aes128gcm16-ecp256!\n\n' +
    'conn site\n  ike=aes256-sha384-ecp384!\n  esp=aes256-sha384!\n';
  const baseline = join(REPO_ROOT, 'baselines/contoso.yaml');
  const rows = [
    { name: 'swanctl.conf rw', gateway: swanctlTwo, select: ['rw'], exit: 0, hint: false },
    { name: 'swanctl.conf site', gateway: swanctlTwo, select: ['site'], exit: 1, hint: false },
    { name: 'swanctl.conf both', gateway: swanctlTwo, select: [], exit: 1, hint: true },
    { name: 'ipsec.conf rw', gateway: ipsecTwo, select: ['rw'], exit: 0, hint: false },
    { name: 'ipsec.conf site', gateway: ipsecTwo, select: ['site'], exit: 1, hint: false },
    { name: 'ipsec.conf both', gateway: ipsecTwo, select: [], exit: 1, hint: true },
  ];

  test.each(rows)('$name', async ({ gateway, select, exit, hint }) => {
    const option = select.length === 0 ? [] : ['--gateway-connection', ...select];
    const result = await check(['check', baseline, '--gateway', 'gw.conf', ...option, '--json'], {
      'gw.conf': gateway,
    });
    const report = JSON.parse(result.stdout) as {
      findings: Array<{ setting: string }>;
      notes: Array<{ code: string; hint: string }>;
    };
    const hints = report.notes.filter((note) => note.code === 'gateway-several-connections');

    expect(result.exitCode).toBe(exit);
    expect(hints.length).toBe(hint ? 1 : 0);
    for (const finding of report.findings) {
      expect(finding.setting).toContain(select[0] ?? 'site');
    }
  });

  test('hint names the option', async () => {
    const result = await check(['check', baseline, '--gateway', 'gw.conf'], {
      'gw.conf': swanctlTwo,
    });

    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('gateway-several-connections');
    expect(result.stdout).toContain('--gateway-connection');
    expect(result.stdout).toContain('The connections that agree: rw.');
  });

  test('hint without a baseline', async () => {
    const { ike, esp } = validBaseline();
    const result = await check(['check', '--client', 'c.txt', '--gateway', 'gw.conf', '--json'], {
      'gw.conf': ipsecTwo,
      'c.txt': formatClientCapture(ike, esp),
    });
    const report = JSON.parse(result.stdout) as { notes: Array<{ code: string }> };

    expect(result.exitCode).toBe(1);
    expect(report.notes.map((note) => note.code)).toContain('gateway-several-connections');
  });

  test('no hint when all agree', async () => {
    const agreeing = swanctlTwo.replace(/aes256-sha384-ecp384/, 'aes128gcm16-prfsha256-modp2048');
    const result = await check(['check', baseline, '--gateway', 'gw.conf', '--json'], {
      'gw.conf': agreeing.replace(
        'esp_proposals = aes256-sha384',
        'esp_proposals = aes128gcm16-ecp256',
      ),
    });
    const report = JSON.parse(result.stdout) as { notes: Array<{ code: string }> };

    expect(result.exitCode).toBe(0);
    expect(report.notes.map((note) => note.code)).not.toContain('gateway-several-connections');
  });

  test('other connection problems ignored', async () => {
    const broken = swanctlTwo.replace('aes256-sha384-ecp384', 'aes256-sha384-modp9999');
    const selected = await check(
      ['check', baseline, '--gateway', 'gw.conf', '--gateway-connection', 'rw'],
      { 'gw.conf': broken },
    );
    const all = await check(['check', baseline, '--gateway', 'gw.conf'], { 'gw.conf': broken });

    expect(selected.exitCode).toBe(0);
    expect(all.exitCode).toBe(2);
    expect(all.stderr).toContain('gateway-invalid-proposal');
  });

  const errors = [
    {
      name: 'unknown swanctl.conf name',
      gateway: swanctlTwo,
      select: 'vpn',
      code: 'gateway-connection-not-found',
      lists: 'rw, site',
    },
    {
      name: 'unknown ipsec.conf name',
      gateway: ipsecTwo,
      select: 'RW',
      code: 'gateway-connection-not-found',
      lists: 'rw, site',
    },
    {
      name: 'IKEv1 connection',
      gateway: `${ipsecTwo}\nconn old\n  keyexchange=ikev1\n  ike=aes128-sha1-modp2048!\n`,
      select: 'old',
      code: 'gateway-connection-not-found',
      lists: 'IKEv1',
    },
    {
      name: 'charon log',
      gateway: '05[CFG] <1> configured proposals: IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/MODP_2048\n',
      select: 'rw',
      code: 'gateway-connection-not-in-log',
      lists: 'charon log lines',
    },
  ];

  test.each(errors)('$name', async ({ gateway, select, code, lists }) => {
    const result = await check(
      ['check', baseline, '--gateway', 'gw.conf', '--gateway-connection', select],
      { 'gw.conf': gateway },
    );

    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(code);
    expect(result.stderr).toContain(lists);
    expect(result.stderr).toContain('gw.conf:1:1');
  });

  const usage = [
    { name: 'without --gateway', args: ['--client', 'c.txt', '--gateway-connection', 'rw'] },
    { name: 'empty name', args: ['--gateway', 'gw.conf', '--gateway-connection', ' '] },
  ];

  test.each(usage)('$name', async ({ args }) => {
    const result = await check(['check', baseline, ...args], {
      'gw.conf': swanctlTwo,
      'c.txt': '',
    });

    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--gateway-connection');
  });
});

test('help lists --gateway-connection', async () => {
  const result = await check(['check', '--help'], {});

  expect(result.exitCode).toBe(0);
  expect(result.stdout).toContain('--gateway-connection <name>');
});
