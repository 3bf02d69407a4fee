import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  deriveBaseFileNames,
  MAX_BASE_NAME_LENGTH,
  sanitizeBaseName,
} from '../../../src/targets/profile-xml/file-names.js';

function hashOf(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
}

describe('sanitizeBaseName', () => {
  const cases: Array<[string, string]> = [
    ['Contoso VPN', 'Contoso VPN'],
    ['a<b>c:d"e/f\\g|h?i*j', 'a_b_c_d_e_f_g_h_i_j'],
    ['tab\there', 'tab_here'],
    ['ends with dot.', 'ends with dot_'],
    ['ends with space ', 'ends with space_'],
    ['  leading spaces', 'leading spaces'],
    ['...', '___'],
    ['CON', 'CON_'],
    ['com1', 'com1_'],
    ['LPT9.txt', 'LPT9.txt_'],
    ['CONSOLE', 'CONSOLE'],
    ['Zürich 東京', 'Zürich 東京'],
  ];
  test.each(cases)('%s', (name, expected) => {
    expect(sanitizeBaseName(name)).toBe(expected);
  });
});

describe('deriveBaseFileNames', () => {
  test('distinct names stay readable', () => {
    expect(deriveBaseFileNames(['Contoso Device Tunnel', 'Contoso VPN'])).toEqual([
      'Contoso Device Tunnel',
      'Contoso VPN',
    ]);
  });

  test('case-insensitive collision gets hashes', () => {
    const names = ['VPN:A', 'vpn?a'];
    expect(deriveBaseFileNames(names)).toEqual([
      `VPN_A~${hashOf('VPN:A')}`,
      `vpn_a~${hashOf('vpn?a')}`,
    ]);
  });

  test('collision result ignores connection order', () => {
    const forward = deriveBaseFileNames(['VPN:A', 'VPN?A']);
    const backward = deriveBaseFileNames(['VPN?A', 'VPN:A']);
    expect(backward).toEqual([forward[1], forward[0]]);
  });

  test('long name is shortened with a hash', () => {
    const name = 'Very Long Connection Name '.repeat(10);
    const [base] = deriveBaseFileNames([name]);
    expect(Array.from(base!).length).toBeLessThanOrEqual(MAX_BASE_NAME_LENGTH);
    expect(base).toMatch(new RegExp(`^Very Long Connection Name .*~${hashOf(name)}$`));
  });

  test('long names sharing a start stay distinct', () => {
    const prefix = 'x'.repeat(100);
    const bases = deriveBaseFileNames([`${prefix}1`, `${prefix}2`]);
    expect(bases[0]).not.toBe(bases[1]);
  });

  test('shortening keeps surrogate pairs whole', () => {
    const [base] = deriveBaseFileNames(['😀'.repeat(100)]);
    expect(base).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(Array.from(base!).length).toBeLessThanOrEqual(MAX_BASE_NAME_LENGTH);
  });

  test('same input gives the same names', () => {
    const names = ['A/B', 'a\\b', 'C'];
    expect(deriveBaseFileNames(names)).toEqual(deriveBaseFileNames(names));
  });
});
