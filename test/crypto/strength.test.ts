import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareStrength, STRENGTH, strengthOf } from '../../src/crypto/strength.js';
import { CRYPTO_FIELDS, type CryptoFieldKey } from '../../src/crypto/vocabulary.js';
import { REPO_ROOT } from '../helpers/baselines.js';

describe('STRENGTH table', () => {
  test.each(CRYPTO_FIELDS.map((field) => [field.key, field] as const))(
    '%s covers every value',
    (key, field) => {
      const covered = Object.keys(STRENGTH[key]);
      const expected = field.values.filter((value) => value !== 'PFSMM');
      expect(covered.sort()).toEqual([...expected].sort());
    },
  );
});

describe('compareStrength', () => {
  const cases: Array<{
    key: CryptoFieldKey;
    from: string;
    to: string;
    verdict: string;
    fromGroup?: string;
    toGroup?: string;
  }> = [
    { key: 'ike.encryption', from: 'AES128', to: 'AES256', verdict: 'stronger' },
    { key: 'ike.encryption', from: 'AES256', to: 'DES3', verdict: 'weaker' },
    { key: 'ike.encryption', from: 'DES3', to: 'DES', verdict: 'weaker' },
    { key: 'ike.encryption', from: 'AES128', to: 'GCMAES128', verdict: 'equivalent' },
    { key: 'ike.encryption', from: 'GCMAES256', to: 'AES256', verdict: 'equivalent' },
    { key: 'ike.encryption', from: 'GCMAES256', to: 'AES128', verdict: 'weaker' },
    { key: 'esp.cipher', from: 'AES192', to: 'GCMAES192', verdict: 'equivalent' },
    { key: 'esp.cipher', from: 'AES128', to: 'None', verdict: 'weaker' },
    { key: 'ike.integrity', from: 'SHA1', to: 'SHA256', verdict: 'stronger' },
    { key: 'ike.integrity', from: 'SHA384', to: 'SHA256', verdict: 'weaker' },
    { key: 'ike.integrity', from: 'SHA1', to: 'MD5', verdict: 'weaker' },
    { key: 'esp.integrity', from: 'SHA256128', to: 'GCMAES128', verdict: 'equivalent' },
    { key: 'esp.integrity', from: 'SHA196', to: 'GCMAES256', verdict: 'stronger' },
    { key: 'esp.integrity', from: 'MD596', to: 'SHA196', verdict: 'stronger' },
    { key: 'ike.dhGroup', from: 'Group2', to: 'Group14', verdict: 'stronger' },
    { key: 'ike.dhGroup', from: 'Group14', to: 'Group24', verdict: 'equivalent' },
    { key: 'ike.dhGroup', from: 'Group14', to: 'ECP256', verdict: 'stronger' },
    { key: 'ike.dhGroup', from: 'ECP384', to: 'ECP256', verdict: 'weaker' },
    { key: 'ike.dhGroup', from: 'Group2', to: 'Group1', verdict: 'weaker' },
    { key: 'esp.pfsGroup', from: 'PFS1', to: 'None', verdict: 'weaker' },
    { key: 'esp.pfsGroup', from: 'None', to: 'PFS1', verdict: 'stronger' },
    { key: 'esp.pfsGroup', from: 'PFS2048', to: 'ECP384', verdict: 'stronger' },
    {
      key: 'esp.pfsGroup',
      from: 'ECP256',
      to: 'PFSMM',
      verdict: 'weaker',
      fromGroup: 'Group14',
      toGroup: 'Group14',
    },
    {
      key: 'esp.pfsGroup',
      from: 'PFS2048',
      to: 'PFSMM',
      verdict: 'equivalent',
      fromGroup: 'Group14',
      toGroup: 'Group14',
    },
    {
      key: 'esp.pfsGroup',
      from: 'PFSMM',
      to: 'ECP256',
      verdict: 'stronger',
      fromGroup: 'Group2',
      toGroup: 'Group2',
    },
  ];

  test.each(cases)('$key $from -> $to is $verdict', (row) => {
    const result = compareStrength(
      row.key,
      { value: row.from, ikeDhGroup: row.fromGroup ?? 'Group14' },
      { value: row.to, ikeDhGroup: row.toGroup ?? 'Group14' },
    );
    expect(result.verdict).toBe(row.verdict);
    expect(result.reason).toContain(row.from);
    expect(result.reason).toContain(row.to);
  });

  test('GCM against CBC explains the mode', () => {
    const result = compareStrength(
      'esp.cipher',
      { value: 'AES128', ikeDhGroup: 'Group14' },
      { value: 'GCMAES128', ikeDhGroup: 'Group14' },
    );
    expect(result.reason).toMatch(/AEAD/);
  });

  test('PFSMM takes the IKE group strength', () => {
    expect(strengthOf('esp.pfsGroup', 'PFSMM', 'ECP384').rank).toBe(192);
    expect(strengthOf('esp.pfsGroup', 'PFSMM', 'ECP384').basis).toMatch(/^PFSMM repeats/);
  });

  test('PFS None is weaker than every group', () => {
    const none = strengthOf('esp.pfsGroup', 'None', 'Group14').rank;
    for (const value of ['PFS1', 'PFS2', 'PFS2048', 'PFS24', 'ECP256', 'ECP384']) {
      expect(strengthOf('esp.pfsGroup', value, 'Group14').rank).toBeGreaterThan(none);
    }
  });
});

describe('strength table in docs/diff.md', () => {
  const LOOKUP_ORDER: CryptoFieldKey[] = [
    'esp.cipher',
    'ike.encryption',
    'ike.dhGroup',
    'esp.pfsGroup',
    'ike.integrity',
    'esp.integrity',
  ];
  const text = readFileSync(join(REPO_ROOT, 'docs/diff.md'), 'utf8');
  const table = text.split('| Value | Rank | Basis |')[1]!.split('\n\n')[0]!;
  const rows = table
    .split('\n')
    .slice(2)
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .filter((cells) => /^\d+$/.test(cells[2] ?? ''))
    .flatMap((cells) =>
      cells[1]!
        .split(/, | \/ /)
        .filter((value) => /^[A-Z]\w*$/.test(value))
        .map((value) => [value, Number(cells[2])] as const),
    );

  test('lists documented values', () => {
    expect(rows.length).toBeGreaterThan(15);
  });

  test.each(rows)('%s has rank %d', (value, rank) => {
    const key = LOOKUP_ORDER.find((candidate) => value in STRENGTH[candidate])!;
    expect(key).toBeDefined();
    expect(STRENGTH[key][value]!.rank).toBe(rank);
  });
});
