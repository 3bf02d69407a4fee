/** Builders for baseline documents in tests. */
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Baseline } from '../../src/baseline/types.js';

export const REPO_ROOT = new URL('../..', import.meta.url).pathname;
export const SAMPLE_EAP = join(REPO_ROOT, 'baselines/eap/contoso-peap.xml');

/** A valid baseline with one device and one user tunnel, modern crypto, no findings. */
export function validBaseline(): Baseline {
  return {
    name: 'test-baseline',
    description: 'Test baseline',
    windows: { minClientBuild: '10.0.17763', minServerBuild: '10.0.20348' },
    ike: { encryption: 'GCMAES128', integrity: 'SHA256', dhGroup: 'Group14' },
    esp: { cipher: 'GCMAES128', integrity: 'GCMAES128', pfsGroup: 'ECP256' },
    server: { saLifetimeSeconds: 28800, mmSaLifetimeSeconds: 86400, saDataSizeKilobytes: 1024000 },
    connections: [
      {
        name: 'Device Tunnel',
        tunnel: 'device',
        servers: ['vpn.example.com'],
        routes: [{ prefix: '10.0.0.0/8' }],
      },
      {
        name: 'User Tunnel',
        tunnel: 'user',
        servers: ['vpn.example.com'],
        routes: [{ prefix: '10.0.0.0/8' }],
        eapConfig: 'eap.xml',
      },
    ],
    nps: { networkPolicy: 'Always On VPN', encryption: ['strong', 'strongest'] },
  };
}

/**
 * Writes a baseline (object or YAML text) into a new temporary folder beside a copy of
 * the sample EAP XML named eap.xml, and returns the baseline's path. `extraFiles` maps
 * more file names in that folder to their content.
 */
export function writeBaseline(
  baseline: unknown,
  fileName = 'baseline.yaml',
  extraFiles: Record<string, string | Uint8Array> = {},
): string {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-baseline-test-'));
  mkdirSync(folder, { recursive: true });
  copyFileSync(SAMPLE_EAP, join(folder, 'eap.xml'));
  for (const [name, content] of Object.entries(extraFiles)) {
    writeFileSync(join(folder, name), content);
  }
  const text = typeof baseline === 'string' ? baseline : stringify(baseline);
  const path = join(folder, fileName);
  writeFileSync(path, text);
  return path;
}
