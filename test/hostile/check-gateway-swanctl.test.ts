/** swanctl.conf gateways with connections a Windows IKEv2 client never uses. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/baselines.js';
import { runCheck } from './check-run.js';

const BASELINE = join(REPO_ROOT, 'baselines/contoso.yaml');

const SWANCTL = `connections {
  aovpn {
    version = 2
    proposals = aes128gcm16-prfsha256-modp2048
    children {
      net {
        esp_proposals = aes128gcm16-ecp256
      }
    }
  }
  legacy-site {
    version = 1
    proposals = aes256-sha1-modp1024
    children {
      s2s {
        esp_proposals = aes256-sha1
      }
    }
  }
}
`;

describe('check gateway swanctl.conf', () => {
  test('IKEv1 connection beside the IKEv2 one', async () => {
    const run = await runCheck({ 'swanctl.conf': SWANCTL }, [
      BASELINE,
      '--gateway',
      'swanctl.conf',
    ]);
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(run.stdout).findings).toEqual([]);
  });

  test('only an IKEv1 connection', async () => {
    const text = SWANCTL.replace('version = 2', 'version = 1');
    const run = await runCheck({ 'swanctl.conf': text }, [BASELINE, '--gateway', 'swanctl.conf']);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['gateway-no-connection']);
  });
});
