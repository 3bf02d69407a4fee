import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { renderBaseline } from '../../src/render/render.js';
import { strongswanTarget } from '../../src/targets/strongswan/index.js';
import { buildStrongswanProposals } from '../../src/targets/strongswan/strongswan-view.js';
import { REPO_ROOT, validBaseline } from '../helpers/baselines.js';

const GOLDEN = join(REPO_ROOT, 'test/golden/strongswan');

function renderContoso() {
  const file = join(REPO_ROOT, 'baselines/contoso.yaml');
  return renderBaseline(loadBaselineFile(file, REPO_ROOT), [strongswanTarget]);
}

describe('strongswan target', () => {
  test('contoso golden files', () => {
    const files = renderContoso();

    expect(files.map((file) => file.path)).toEqual([
      'strongswan/ipsec.conf',
      'strongswan/swanctl.conf',
    ]);
    for (const file of files) {
      const name = file.path.replace('strongswan/', 'contoso.');
      expect(file.content, name).toBe(readFileSync(join(GOLDEN, name), 'utf8'));
    }
  });

  test('output is deterministic', () => {
    expect(renderContoso()).toEqual(renderContoso());
  });
});

describe('buildStrongswanProposals', () => {
  const rows = [
    {
      name: 'GCM names the PRF',
      ike: { encryption: 'GCMAES256', integrity: 'SHA384', dhGroup: 'ECP384' },
      esp: { cipher: 'GCMAES256', integrity: 'GCMAES256', pfsGroup: 'ECP384' },
      expected: { ike: 'aes256gcm16-prfsha384-ecp384', esp: 'aes256gcm16-ecp384' },
    },
    {
      name: 'CBC derives the PRF',
      ike: { encryption: 'AES128', integrity: 'SHA256', dhGroup: 'Group14' },
      esp: { cipher: 'AES128', integrity: 'SHA256128', pfsGroup: 'PFS2048' },
      expected: { ike: 'aes128-sha256-modp2048', esp: 'aes128-sha256-modp2048' },
    },
    {
      name: 'PFSMM repeats the IKE group',
      ike: { encryption: 'AES256', integrity: 'SHA256', dhGroup: 'Group24' },
      esp: { cipher: 'AES256', integrity: 'SHA256128', pfsGroup: 'PFSMM' },
      expected: { ike: 'aes256-sha256-modp2048s256', esp: 'aes256-sha256-modp2048s256' },
    },
    {
      name: 'PfsGroup None omits KE',
      ike: { encryption: 'AES256', integrity: 'SHA1', dhGroup: 'ECP256' },
      esp: { cipher: 'DES3', integrity: 'SHA196', pfsGroup: 'None' },
      expected: { ike: 'aes256-sha1-ecp256', esp: '3des-sha1' },
    },
  ];

  test.each(rows)('$name', ({ ike, esp, expected }) => {
    expect(buildStrongswanProposals({ ...validBaseline(), ike, esp })).toEqual(expected);
  });

  test('esp.cipher None throws', () => {
    const esp = { cipher: 'None', integrity: 'GCMAES128', pfsGroup: 'None' };

    expect(() => buildStrongswanProposals({ ...validBaseline(), esp })).toThrow(/esp.cipher None/);
  });
});
