/** Rules on the six crypto values themselves. */
import { CRYPTO_FIELDS, type CryptoFieldKey } from '../crypto/vocabulary.js';
import type { Baseline } from '../baseline/types.js';
import type { Finding, Rule } from './rule.js';

function valueOf(baseline: Baseline, key: CryptoFieldKey): string {
  const field = CRYPTO_FIELDS.find((candidate) => candidate.key === key)!;
  const section = baseline[field.path[0]] as unknown as Record<string, string>;
  return section[field.path[1]]!;
}

function pathOf(key: CryptoFieldKey): [string, string] {
  const field = CRYPTO_FIELDS.find((candidate) => candidate.key === key)!;
  return [field.path[0], field.path[1]];
}

const GCM_PATTERN = /^GCMAES(128|192|256)$/;

const espGcmUnpaired: Rule = {
  code: 'esp-gcm-unpaired',
  severity: 'error',
  waivable: false,
  summary: 'ESP GCM must be used for both esp.cipher and esp.integrity, with the same key size.',
  check(baseline) {
    const { cipher, integrity } = baseline.esp;
    const cipherIsGcm = GCM_PATTERN.test(cipher);
    const integrityIsGcm = GCM_PATTERN.test(integrity);
    if (!cipherIsGcm && !integrityIsGcm) {
      return [];
    }
    if (cipher === integrity) {
      return [];
    }
    // Windows' netsh advfirewall help: "If aesgcm128, aesgcm192, or aesgcm256 is specified,
    // it must be used for both ESP integrity and encryption."
    const gcmValue = cipherIsGcm ? cipher : integrity;
    const offending: CryptoFieldKey = cipherIsGcm ? 'esp.integrity' : 'esp.cipher';
    return [
      {
        path: pathOf(offending),
        message: `esp.cipher is ${cipher} and esp.integrity is ${integrity}, but Windows requires an ESP GCM transform on both sides with the same key size`,
        hint: `Set both esp.cipher and esp.integrity to ${gcmValue}, or choose a non-GCM cipher with SHA256128.`,
      },
    ];
  },
};

const espNoConfidentiality: Rule = {
  code: 'esp-no-confidentiality',
  severity: 'error',
  waivable: false,
  summary: 'esp.cipher None sends tunnel traffic unencrypted.',
  check(baseline) {
    if (baseline.esp.cipher !== 'None') {
      return [];
    }
    return [
      {
        path: pathOf('esp.cipher'),
        message:
          'esp.cipher is None, so ESP carries tunnel traffic without encryption (with a GCM integrity value it is GMAC, integrity only)',
        hint: 'Choose an encryption transform, such as GCMAES128 for both esp.cipher and esp.integrity.',
      },
    ];
  },
};

const espNoIntegrity: Rule = {
  code: 'esp-no-integrity',
  severity: 'error',
  waivable: false,
  summary: 'esp.integrity None leaves a non-GCM cipher without integrity protection.',
  check(baseline) {
    if (baseline.esp.integrity !== 'None') {
      return [];
    }
    return [
      {
        path: pathOf('esp.integrity'),
        message:
          'esp.integrity is None, so ESP packets are not integrity-protected, and ProfileXML has no None value for AuthenticationTransformConstants',
        hint: 'Use SHA256128 with an AES-CBC cipher, or the same GCMAESnnn value as esp.cipher.',
      },
    ];
  },
};

const ikeNoDhGroup: Rule = {
  code: 'ike-no-dh-group',
  severity: 'error',
  waivable: false,
  summary: 'ike.dhGroup None: the IKE SA needs a Diffie-Hellman exchange.',
  check(baseline) {
    if (baseline.ike.dhGroup !== 'None') {
      return [];
    }
    return [
      {
        path: pathOf('ike.dhGroup'),
        message:
          'ike.dhGroup is None, but IKE_SA_INIT always carries a key exchange (RFC 7296 section 1.2), so no peer can agree on it',
        hint: 'Choose Group14, ECP256 or ECP384.',
      },
    ];
  },
};

interface WeakValue {
  value: string;
  reason: string;
}

const DES_REASON = 'DES has a 56-bit key; Windows offers it for backward compatibility only';
const DES3_REASON =
  'Triple DES has a 64-bit block, and strongSwan 5.6.1 dropped it from its default proposals in line with RFC 8221 and RFC 8247';
const MD5_REASON =
  'MD5 is broken for collision resistance and Windows offers it for backward compatibility only';
const SHA1_REASON =
  'HMAC-SHA1-96 offers less than 128-bit security strength, as strongSwan classifies it';
const GROUP1_REASON = 'DH group 1 (768-bit MODP) is far below current key-exchange strength';
const GROUP2_REASON =
  'DH group 2 (1024-bit MODP) has been deprecated by NIST SP 800-57 Part 3 since 2015';

function weakRule(
  code: string,
  key: CryptoFieldKey,
  weakValues: readonly WeakValue[],
  fix: string,
): Rule {
  return {
    code,
    severity: 'error',
    waivable: true,
    summary: `${key} uses ${weakValues.map((weak) => weak.value).join(', ')}.`,
    check(baseline) {
      const value = valueOf(baseline, key);
      const weak = weakValues.find((candidate) => candidate.value === value);
      if (weak === undefined) {
        return [];
      }
      return [
        {
          path: pathOf(key),
          message: `${key} is ${value}, which is weak: ${weak.reason}`,
          hint: `${fix} If a legacy peer forces it, waive ${code} in waivers: with a written reason.`,
        },
      ];
    },
  };
}

const weakRules: Rule[] = [
  weakRule(
    'weak-ike-encryption',
    'ike.encryption',
    [
      { value: 'DES', reason: DES_REASON },
      { value: 'DES3', reason: DES3_REASON },
    ],
    'Use AES128, AES256, GCMAES128 or GCMAES256.',
  ),
  weakRule(
    'weak-ike-integrity',
    'ike.integrity',
    [
      { value: 'MD5', reason: MD5_REASON },
      { value: 'SHA1', reason: SHA1_REASON },
    ],
    'Use SHA256 or SHA384.',
  ),
  weakRule(
    'weak-dh-group',
    'ike.dhGroup',
    [
      { value: 'Group1', reason: GROUP1_REASON },
      { value: 'Group2', reason: GROUP2_REASON },
    ],
    'Use Group14, ECP256 or ECP384.',
  ),
  weakRule(
    'weak-esp-cipher',
    'esp.cipher',
    [
      { value: 'DES', reason: DES_REASON },
      { value: 'DES3', reason: DES3_REASON },
    ],
    'Use AES128, AES256, or GCMAES128/GCMAES256 on both ESP fields.',
  ),
  weakRule(
    'weak-esp-integrity',
    'esp.integrity',
    [
      { value: 'MD596', reason: MD5_REASON },
      { value: 'SHA196', reason: SHA1_REASON },
    ],
    'Use SHA256128, or GCM on both ESP fields.',
  ),
  weakRule(
    'weak-pfs-group',
    'esp.pfsGroup',
    [
      { value: 'PFS1', reason: GROUP1_REASON },
      { value: 'PFS2', reason: GROUP2_REASON },
    ],
    'Use PFS2048, ECP256 or ECP384.',
  ),
];

const group24NotRecommended: Rule = {
  code: 'group24-not-recommended',
  severity: 'warning',
  waivable: true,
  summary: 'Group24 or PFS24 (RFC 5114 2048-bit MODP with 256-bit subgroup).',
  check(baseline) {
    const findings: Finding[] = [];
    // NOTE: vendors commonly list group 24 as not recommended; the exact RFC 8247 status
    // was not confirmed, so this is a warning rather than an error.
    const reason =
      'group 24 uses RFC 5114 parameters that vendors commonly list as not recommended (status unconfirmed against RFC 8247)';
    if (baseline.ike.dhGroup === 'Group24') {
      findings.push({
        path: pathOf('ike.dhGroup'),
        message: `ike.dhGroup is Group24: ${reason}`,
        hint: 'Prefer Group14, ECP256 or ECP384.',
      });
    }
    if (baseline.esp.pfsGroup === 'PFS24') {
      findings.push({
        path: pathOf('esp.pfsGroup'),
        message: `esp.pfsGroup is PFS24: ${reason}`,
        hint: 'Prefer PFS2048, ECP256 or ECP384.',
      });
    }
    return findings;
  },
};

const pfsNone: Rule = {
  code: 'pfs-none',
  severity: 'warning',
  waivable: true,
  summary: 'esp.pfsGroup None: child SA rekeys reuse IKE SA keying material.',
  check(baseline) {
    if (baseline.esp.pfsGroup !== 'None') {
      return [];
    }
    return [
      {
        path: pathOf('esp.pfsGroup'),
        message:
          'esp.pfsGroup is None, so child SA rekeys derive keys from the IKE SA without a fresh Diffie-Hellman exchange (no perfect forward secrecy)',
        hint: 'Use ECP256, ECP384 or PFS2048.',
      },
    ];
  },
};

export const CRYPTO_RULES: readonly Rule[] = [
  espGcmUnpaired,
  espNoConfidentiality,
  espNoIntegrity,
  ikeNoDhGroup,
  ...weakRules,
  group24NotRecommended,
  pfsNone,
];
