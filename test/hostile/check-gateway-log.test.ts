/** Charon logs whose `configured proposals` lines come from more than one configuration. */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/baselines.js';
import { runCheck } from './check-run.js';

const BASELINE = join(REPO_ROOT, 'baselines/contoso.yaml');
const PREFIX = 'Dec  4 09:00:01 gw charon: 05[CFG] <aovpn|7>';
const MATCHING_IKE = 'IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/MODP_2048';
const MATCHING_ESP = 'ESP:AES_GCM_16_128/ECP_256/NO_EXT_SEQ';

function log(lines: ReadonlyArray<[string, string]>): string {
  return lines.map(([kind, list]) => `${PREFIX} ${kind} proposals: ${list}\n`).join('');
}

describe('check gateway charon log', () => {
  test('same configured lists repeated', async () => {
    const text = log([
      ['configured', MATCHING_IKE],
      ['configured', MATCHING_ESP],
      ['configured', MATCHING_IKE],
    ]);
    const run = await runCheck({ 'gateway.log': text }, [BASELINE, '--gateway', 'gateway.log']);
    expect(run.exitCode).toBe(0);
  });

  test.each([
    [
      'IKE lists before and after a reload',
      MATCHING_IKE,
      'IKE:AES_CBC_256/HMAC_SHA2_384_192/PRF_HMAC_SHA2_384/ECP_384',
    ],
    ['ESP lists of two connections', MATCHING_ESP, 'ESP:AES_CBC_256/HMAC_SHA2_256_128/NO_EXT_SEQ'],
  ])('%s', async (_name, first, second) => {
    const text = log([
      ['configured', MATCHING_IKE],
      ['configured', MATCHING_ESP],
      ['configured', first],
      ['configured', second],
    ]);
    const run = await runCheck({ 'gateway.log': text }, [BASELINE, '--gateway', 'gateway.log']);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['gateway-log-several-configurations']);
    expect(run.stderr).toContain('gateway.log:4:');
  });
});
