import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildReferenceDoc } from '../../src/baseline/reference-doc.js';
import { buildBaselineSchema } from '../../src/baseline/schema.js';
import {
  CRYPTO_FIELDS,
  PROFILE_XML_SPELLING,
  STRONGSWAN_SPELLING,
  findForeignSpelling,
  spell,
} from '../../src/crypto/vocabulary.js';
import { REPO_ROOT } from '../helpers/baselines.js';

describe('ProfileXML spelling', () => {
  // VPNv2 CSP DDF ENUM values, written out so a wrong table entry fails here.
  const expected: Record<string, Record<string, string | null>> = {
    'ike.encryption': {
      DES: 'DES',
      DES3: 'DES3',
      AES128: 'AES128',
      AES192: 'AES192',
      AES256: 'AES256',
      GCMAES128: 'AES_GCM_128',
      GCMAES256: 'AES_GCM_256',
    },
    'ike.integrity': { MD5: 'MD5', SHA1: 'SHA196', SHA256: 'SHA256', SHA384: 'SHA384' },
    'ike.dhGroup': {
      None: 'None',
      Group1: 'Group1',
      Group2: 'Group2',
      Group14: 'Group14',
      ECP256: 'ECP256',
      ECP384: 'ECP384',
      Group24: 'Group24',
    },
    'esp.cipher': {
      DES: 'DES',
      DES3: 'DES3',
      AES128: 'AES128',
      AES192: 'AES192',
      AES256: 'AES256',
      GCMAES128: 'GCMAES128',
      GCMAES192: 'GCMAES192',
      GCMAES256: 'GCMAES256',
      None: null,
    },
    'esp.integrity': {
      MD596: 'MD596',
      SHA196: 'SHA196',
      SHA256128: 'SHA256128',
      GCMAES128: 'GCMAES128',
      GCMAES192: 'GCMAES192',
      GCMAES256: 'GCMAES256',
      None: null,
    },
    'esp.pfsGroup': {
      None: 'None',
      PFS1: 'PFS1',
      PFS2: 'PFS2',
      PFS2048: 'PFS2048',
      ECP256: 'ECP256',
      ECP384: 'ECP384',
      PFSMM: 'PFSMM',
      PFS24: 'PFS24',
    },
  };

  for (const field of CRYPTO_FIELDS) {
    test.each(field.values.map((value) => [value]))(`${field.key} %s`, (value) => {
      expect(spell(PROFILE_XML_SPELLING, field.key, value)).toBe(expected[field.key]![value]);
    });
  }
});

describe('spelling tables', () => {
  test('every table covers exactly the PowerShell values', () => {
    for (const table of [PROFILE_XML_SPELLING, STRONGSWAN_SPELLING]) {
      for (const field of CRYPTO_FIELDS) {
        expect(Object.keys(table[field.key]).sort()).toEqual([...field.values].sort());
      }
    }
  });

  test('strongSwan IKE GCM names the 16-octet ICV', () => {
    expect(spell(STRONGSWAN_SPELLING, 'ike.encryption', 'GCMAES128')).toBe('aes128gcm16');
    expect(spell(STRONGSWAN_SPELLING, 'ike.dhGroup', 'Group24')).toBe('modp2048s256');
  });
});

describe('findForeignSpelling', () => {
  const cases: Array<[string, string, string]> = [
    ['ike.encryption', 'AES_GCM_128', 'GCMAES128'],
    ['ike.encryption', 'AES_GCM_256', 'GCMAES256'],
    ['ike.encryption', 'aes128Gcm', 'GCMAES128'],
    ['ike.encryption', 'tripleDes', 'DES3'],
    ['ike.integrity', 'SHA196', 'SHA1'],
    ['ike.integrity', 'sha2_256', 'SHA256'],
    ['ike.dhGroup', 'DHGroup14', 'Group14'],
    ['ike.dhGroup', 'modp2048', 'Group14'],
    ['esp.integrity', 'SHA256', 'SHA256128'],
    ['esp.integrity', 'sha_256_128', 'SHA256128'],
    ['esp.pfsGroup', 'PFS14', 'PFS2048'],
    ['esp.pfsGroup', 'Group14', 'PFS2048'],
  ];
  test.each(cases)('%s %s becomes %s', (key, written, correct) => {
    expect(findForeignSpelling(key as never, written)?.correct).toBe(correct);
  });

  test('valid values are not foreign', () => {
    for (const field of CRYPTO_FIELDS) {
      for (const value of field.values) {
        expect(findForeignSpelling(field.key, value)).toBeUndefined();
      }
    }
  });
});

test('committed schema equals the schema builder output', () => {
  const committed = JSON.parse(readFileSync(`${REPO_ROOT}schema/baseline.schema.json`, 'utf8'));
  expect(committed).toEqual(buildBaselineSchema());
});

test('committed baseline reference equals the generated one', () => {
  const committed = readFileSync(`${REPO_ROOT}docs/baseline-reference.md`, 'utf8');
  expect(committed).toBe(buildReferenceDoc());
});
