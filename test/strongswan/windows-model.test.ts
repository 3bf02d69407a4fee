import { describe, expect, test } from 'vitest';
import { getCryptoField } from '../../src/crypto/vocabulary.js';
import type { Baseline } from '../../src/baseline/types.js';
import { buildStrongswanProposals } from '../../src/targets/strongswan/strongswan-view.js';
import { parseKeywordProposal, type Proposal } from '../../src/strongswan/proposals.js';
import { transformKey } from '../../src/strongswan/transforms.js';
import { buildCustomPolicyOffer } from '../../src/strongswan/windows-client.js';
import { buildDefaultOffer } from '../../src/strongswan/windows-defaults.js';
import { formatKeywordProposal } from '../../src/strongswan/proposals.js';
import { validBaseline } from '../helpers/baselines.js';

function keys(proposal: Proposal): string[] {
  // ESN off is implied by strongSwan when the keyword is absent.
  return proposal.transforms
    .filter((transform) => !(transform.type === 'ESN' && transform.id === 0))
    .map(transformKey)
    .sort();
}

function parsed(text: string, protocol: 'IKE' | 'ESP'): Proposal {
  const result = parseKeywordProposal(text, protocol);
  if ('error' in result) {
    throw new Error(`${text}: ${result.error.reason}`);
  }
  return result.proposal;
}

/** Baselines that differ from a valid one in one field value the renderer accepts. */
function baselinesForEveryValue(): Array<{ name: string; baseline: Baseline }> {
  const rows: Array<{ name: string; baseline: Baseline }> = [];
  const base = {
    ...validBaseline(),
    esp: { cipher: 'AES128', integrity: 'SHA256128', pfsGroup: 'ECP256' },
  };
  for (const value of getCryptoField('ike.encryption').values) {
    rows.push({
      name: `ike.encryption ${value}`,
      baseline: { ...base, ike: { ...base.ike, encryption: value } },
    });
  }
  for (const value of getCryptoField('ike.integrity').values) {
    for (const encryption of ['AES128', 'GCMAES128']) {
      rows.push({
        name: `ike.integrity ${value} with ${encryption}`,
        baseline: { ...base, ike: { ...base.ike, encryption, integrity: value } },
      });
    }
  }
  for (const value of getCryptoField('ike.dhGroup').values.filter((v) => v !== 'None')) {
    rows.push({
      name: `ike.dhGroup ${value}`,
      baseline: { ...base, ike: { ...base.ike, dhGroup: value } },
    });
  }
  for (const value of getCryptoField('esp.cipher').values.filter((v) => v !== 'None')) {
    const integrity = value.startsWith('GCM') ? value : 'SHA256128';
    rows.push({
      name: `esp.cipher ${value}`,
      baseline: { ...base, esp: { ...base.esp, cipher: value, integrity } },
    });
  }
  for (const value of ['MD596', 'SHA196', 'SHA256128']) {
    rows.push({
      name: `esp.integrity ${value}`,
      baseline: { ...base, esp: { ...base.esp, integrity: value } },
    });
  }
  for (const value of getCryptoField('esp.pfsGroup').values) {
    for (const dhGroup of ['Group14', 'ECP384']) {
      rows.push({
        name: `esp.pfsGroup ${value} with ${dhGroup}`,
        baseline: { ...base, ike: { ...base.ike, dhGroup }, esp: { ...base.esp, pfsGroup: value } },
      });
    }
  }
  return rows;
}

describe('strongSwan spelling against the Windows model', () => {
  test.each(baselinesForEveryValue())('$name', ({ baseline }) => {
    const rendered = buildStrongswanProposals(baseline);
    const offer = buildCustomPolicyOffer(baseline.ike, baseline.esp);

    expect(keys(parsed(rendered.ike, 'IKE'))).toEqual(keys(offer.ike[0]!));
    expect(keys(parsed(rendered.esp, 'ESP'))).toEqual(keys(offer.esp[0]!));
  });
});

describe('Windows custom policy offer', () => {
  test('one IKE and one ESP proposal', () => {
    const offer = buildCustomPolicyOffer(validBaseline().ike, validBaseline().esp);

    expect(offer.ike).toHaveLength(1);
    expect(offer.esp).toHaveLength(1);
  });

  test('GCM IKE names the PRF and marks it unconfirmed', () => {
    const offer = buildCustomPolicyOffer(validBaseline().ike, validBaseline().esp);

    expect(formatKeywordProposal(offer.ike[0]!)).toBe('aes128gcm16-prfsha256-modp2048');
    expect(offer.unconfirmed.some((text) => text.includes('PRF'))).toBe(true);
  });

  test('PFSMM repeats the IKE group', () => {
    const ike = { encryption: 'AES256', integrity: 'SHA384', dhGroup: 'ECP384' };
    const esp = { cipher: 'AES256', integrity: 'SHA256128', pfsGroup: 'PFSMM' };

    expect(formatKeywordProposal(buildCustomPolicyOffer(ike, esp).esp[0]!)).toBe(
      'aes256-sha256-ecp384',
    );
  });

  test('PfsGroup None omits the KE transform', () => {
    const ike = { encryption: 'AES256', integrity: 'SHA384', dhGroup: 'ECP384' };
    const esp = { cipher: 'AES256', integrity: 'SHA256128', pfsGroup: 'None' };

    expect(formatKeywordProposal(buildCustomPolicyOffer(ike, esp).esp[0]!)).toBe('aes256-sha256');
  });
});

describe('Windows default offer', () => {
  const rows = [
    {
      value: 0,
      release: '10',
      ike: ['3des-aes128-aes192-aes256-sha1-sha256-sha384-prfsha1-prfsha256-prfsha384-modp1024'],
    },
    {
      value: 0,
      release: '11',
      ike: [
        '3des-aes128-aes192-aes256-sha1-sha256-sha384-prfsha1-prfsha256-prfsha384-modp1024',
        'aes128gcm16-aes256gcm16-prfsha1-prfsha256-prfsha384-modp1024',
      ],
    },
    {
      value: 1,
      release: '10',
      ike: [
        '3des-aes128-aes192-aes256-sha1-sha256-sha384-prfsha1-prfsha256-prfsha384-modp1024',
        'aes256-sha1-sha256-sha384-prfsha1-prfsha256-prfsha384-modp2048',
      ],
    },
    {
      value: 2,
      release: '11',
      ike: ['aes256-sha1-sha256-sha384-prfsha1-prfsha256-prfsha384-modp2048'],
    },
  ] as const;

  test.each(rows)(
    'NegotiateDH2048_AES256=$value on Windows $release',
    ({ value, release, ike }) => {
      const offer = buildDefaultOffer(value, release);

      expect(offer.ike.map(formatKeywordProposal)).toEqual(ike);
      expect(offer.esp.map(formatKeywordProposal)).toEqual(['aes256-aes128-3des-des-null-sha1']);
      expect(offer.unconfirmed.length).toBeGreaterThan(0);
    },
  );
});
