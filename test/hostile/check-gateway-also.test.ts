/** ipsec.conf gateways: conns that take their proposals from another conn through `also=`, and include lines. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/baselines.js';
import { runCheck } from './check-run.js';

const BASELINE = join(REPO_ROOT, 'baselines/contoso.yaml');

/** Writes `conn aovpn` with `also=aovpn-crypto`, the crypto conn after it as in the docs. */
function ipsecConf(ike: string, esp: string): string {
  return [
    'conn aovpn',
    '    keyexchange=ikev2',
    '    also=aovpn-crypto',
    '    auto=add',
    '',
    'conn aovpn-crypto',
    `    ike=${ike}!`,
    `    esp=${esp}!`,
    '',
  ].join('\n');
}

async function runGateway(text: string) {
  const run = await runCheck({ 'ipsec.conf': text }, [BASELINE, '--gateway', 'ipsec.conf']);
  const report = run.exitCode === 2 ? undefined : JSON.parse(run.stdout);
  return { ...run, report };
}

describe('check gateway also=', () => {
  test('matching proposals through also=', async () => {
    const run = await runGateway(ipsecConf('aes128gcm16-prfsha256-modp2048', 'aes128gcm16-ecp256'));
    expect(run.exitCode).toBe(0);
    expect(run.report.findings).toEqual([]);
  });

  test('mismatch through also= is not a warning', async () => {
    const run = await runGateway(ipsecConf('aes256-sha1-modp1024', 'aes256-sha1'));
    const aovpn = run.report.findings.filter((finding: { setting: string }) =>
      finding.setting.includes('conn aovpn)'),
    );
    expect(run.exitCode).toBe(1);
    expect(aovpn.length).toBeGreaterThan(0);
    expect(aovpn.map((finding: { severity: string }) => finding.severity)).not.toContain('warning');
  });

  test('also= naming a conn not in the file', async () => {
    const text = ipsecConf('aes128gcm16-prfsha256-modp2048', 'aes128gcm16-ecp256');
    const run = await runGateway(text.replace('also=aovpn-crypto', 'also=elsewhere'));
    expect(run.exitCode).toBe(2);
    expect(run.codes).toContain('gateway-also-missing');
    expect(run.stderr).toContain('ipsec.conf:3:');
  });

  test('also= that includes itself', async () => {
    const text = ipsecConf('aes128gcm16-prfsha256-modp2048', 'aes128gcm16-ecp256');
    const run = await runGateway(`${text}    also=aovpn\n`);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toContain('gateway-also-circular');
    expect(run.stderr).toContain('ipsec.conf:9:');
  });
});

describe('check gateway ipsec.conf include', () => {
  test('include line is reported', async () => {
    const text = `include /etc/ipsec.d/*.conf\n\n${ipsecConf('aes128gcm16-prfsha256-modp2048', 'aes128gcm16-ecp256')}`;
    const run = await runGateway(text);
    const notes = run.report.notes.map((note: { code: string }) => note.code);
    expect(run.exitCode).toBe(0);
    expect(notes).toContain('gateway-include-ignored');
  });
});
