import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../../src/baseline/load.js';
import type { Baseline } from '../../../src/baseline/types.js';
import { runCli } from '../../../src/cli/main.js';
import { hasBlockingDiagnostics } from '../../../src/diagnostics.js';
import { renderBaseline } from '../../../src/render/render.js';
import { profileXmlTarget } from '../../../src/targets/profile-xml/index.js';
import { validBaseline, writeBaseline } from '../../helpers/baselines.js';

function suiteOf(xml: string): Record<string, string> {
  const suite = /<CryptographySuite>([\s\S]*?)<\/CryptographySuite>/.exec(xml)?.[1] ?? '';
  return Object.fromEntries(
    Array.from(suite.matchAll(/<(\w+)>([^<]*)<\/\1>/g), (match) => [match[1]!, match[2]!]),
  );
}

function renderProfiles(baseline: Baseline): string[] {
  const loaded = loadBaselineFile(writeBaseline(baseline));
  expect(hasBlockingDiagnostics(loaded.diagnostics), JSON.stringify(loaded.diagnostics)).toBe(
    false,
  );
  return renderBaseline(loaded, [profileXmlTarget])
    .filter((file) => file.path.endsWith('.xml'))
    .map((file) => file.content);
}

describe('profile-xml through load and render', () => {
  test('compatible suite is carried unchanged', () => {
    const baseline: Baseline = {
      ...validBaseline(),
      ike: { encryption: 'AES128', integrity: 'SHA256', dhGroup: 'Group14' },
      esp: { cipher: 'AES128', integrity: 'SHA256128', pfsGroup: 'PFS2048' },
    };
    for (const xml of renderProfiles(baseline)) {
      expect(suiteOf(xml)).toEqual({
        AuthenticationTransformConstants: 'SHA256128',
        CipherTransformConstants: 'AES128',
        PfsGroup: 'PFS2048',
        DHGroup: 'Group14',
        IntegrityCheckMethod: 'SHA256',
        EncryptionMethod: 'AES128',
      });
    }
  });

  test('GCMAES256 with waived SHA1 uses CSP spellings', () => {
    const baseline: Baseline = {
      ...validBaseline(),
      ike: { encryption: 'GCMAES256', integrity: 'SHA1', dhGroup: 'ECP384' },
      esp: { cipher: 'GCMAES256', integrity: 'GCMAES256', pfsGroup: 'ECP384' },
      waivers: [{ rule: 'weak-ike-integrity', reason: 'legacy gateway until the June cutover' }],
    };
    const profiles = renderProfiles(baseline);

    expect(profiles).toHaveLength(2);
    for (const xml of profiles) {
      expect(suiteOf(xml).EncryptionMethod).toBe('AES_GCM_256');
      expect(suiteOf(xml).IntegrityCheckMethod).toBe('SHA196');
      expect(suiteOf(xml).CipherTransformConstants).toBe('GCMAES256');
      expect(suiteOf(xml).AuthenticationTransformConstants).toBe('GCMAES256');
      expect(xml).toContain(
        '<!-- Waived weak-ike-integrity: legacy gateway until the June cutover -->',
      );
    }
  });
});

describe('render command with profile-xml', () => {
  test('writes profiles and OMA-URI files', async () => {
    const file = writeBaseline(validBaseline());
    const out = join(mkdtempSync(join(tmpdir(), 'aovpn-profile-xml-')), 'out');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const io = {
      stdout: (text: string) => stdout.push(text),
      stderr: (text: string) => stderr.push(text),
      cwd: dirname(file),
    };

    const exitCode = await runCli(['render', file, '--target', 'profile-xml', '--out', out], io);

    expect(stderr.join('')).toBe('');
    expect(exitCode).toBe(0);
    expect(readdirSync(join(out, 'profile-xml')).sort()).toEqual([
      'Device Tunnel.oma-uri.txt',
      'Device Tunnel.xml',
      'User Tunnel.oma-uri.txt',
      'User Tunnel.xml',
    ]);
    expect(readFileSync(join(out, 'profile-xml/User Tunnel.xml'), 'utf8')).toContain(
      '<UserMethod>Eap</UserMethod>',
    );
  });

  test('slash in a name writes nothing', async () => {
    const baseline = validBaseline();
    baseline.connections[1]!.name = 'Contoso/VPN';
    const file = writeBaseline(baseline);
    const out = join(mkdtempSync(join(tmpdir(), 'aovpn-profile-xml-')), 'out');
    const stderr: string[] = [];
    const io = { stdout: () => undefined, stderr: (text: string) => stderr.push(text), cwd: '/' };

    const exitCode = await runCli(['render', file, '--out', out], io);

    expect(exitCode).toBe(1);
    expect(stderr.join('')).toContain('connection-name-slash');
    expect(() => readdirSync(out)).toThrow(/ENOENT/);
  });
});
