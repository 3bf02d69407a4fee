import { describe, expect, it } from 'vitest';
import type { MppeLevel } from '../../src/baseline/types.js';
import { computeMppeAttributes, formatProfileData } from '../../src/targets/nps/mppe.js';

describe('computeMppeAttributes', () => {
  const cases: Array<{ levels: MppeLevel[]; policy: number; types: number }> = [
    { levels: ['strongest'], policy: 2, types: 0x4 },
    { levels: ['strong'], policy: 2, types: 0x8 },
    { levels: ['basic'], policy: 2, types: 0x2 },
    { levels: ['strong', 'strongest'], policy: 2, types: 0xc },
    { levels: ['basic', 'strong', 'strongest'], policy: 2, types: 0xe },
    { levels: ['none', 'strongest'], policy: 1, types: 0x4 },
    { levels: ['none', 'basic', 'strong', 'strongest'], policy: 1, types: 0xe },
    { levels: ['none'], policy: 1, types: 0x0 },
  ];

  it.each(cases)('levels $levels', ({ levels, policy, types }) => {
    const attributes = computeMppeAttributes(levels);
    expect(attributes.encryptionPolicy).toBe(policy);
    expect(attributes.encryptionTypes).toBe(types);
  });
});

describe('formatProfileData', () => {
  it.each([
    [1, '0x1'],
    [12, '0xc'],
    [14, '0xe'],
    [0, '0x0'],
  ])('%i as %s', (value, text) => {
    expect(formatProfileData(value)).toBe(text);
  });
});
