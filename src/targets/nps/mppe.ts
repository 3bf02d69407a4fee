/**
 * MPPE encryption levels of an NPS network policy, as the two profile attributes NPS
 * stores them in.
 *
 * Sources:
 * - Attribute ids: the NPS SDK ATTRIBUTEID enumeration (Microsoft Learn, sdoias.h):
 *   RAS_ATTRIBUTE_ENCRYPTION_TYPE = 0xFFFFFFA6, RAS_ATTRIBUTE_ENCRYPTION_POLICY = 0xFFFFFFA7.
 * - Policy values 1 (encryption allowed) and 2 (encryption required): RFC 2548 section
 *   2.4.4, MS-MPPE-Encryption-Policy.
 * - Bits 0x2 (40-bit) and 0x4 (128-bit): RFC 2548 section 2.4.5, MS-MPPE-Encryption-Types.
 * - Bit 0x8 (56-bit, "Strong"): the RAS_ET_STRONG define of Windows' RAS snap-in sources
 *   as published in public repositories. NOTE: no Microsoft page confirms 0x8.
 */
import type { MppeLevel } from '../../baseline/types.js';

export const ENCRYPTION_POLICY_ATTRIBUTE = '0xffffffa7';
export const ENCRYPTION_TYPES_ATTRIBUTE = '0xffffffa6';

export const ENCRYPTION_POLICY_ALLOWED = 1;
export const ENCRYPTION_POLICY_REQUIRED = 2;

/** Bit of each MPPE level in the encryption types mask; `none` has no bit, it sets the policy to allowed. */
export const MPPE_LEVEL_BITS: Readonly<Record<MppeLevel, number>> = {
  none: 0x0,
  basic: 0x2, // MPPE 40-bit
  strongest: 0x4, // MPPE 128-bit
  strong: 0x8, // MPPE 56-bit
};

export interface MppeAttributes {
  /** Value of 0xffffffa7: 1 allowed when `none` is listed, 2 required otherwise. */
  encryptionPolicy: number;
  /** Value of 0xffffffa6: the OR of the listed levels' bits. */
  encryptionTypes: number;
}

/** Computes both attribute values from the levels a baseline allows. */
export function computeMppeAttributes(levels: readonly MppeLevel[]): MppeAttributes {
  const encryptionPolicy = levels.includes('none')
    ? ENCRYPTION_POLICY_ALLOWED
    : ENCRYPTION_POLICY_REQUIRED;
  const encryptionTypes = levels.reduce((mask, level) => mask | MPPE_LEVEL_BITS[level], 0);
  return { encryptionPolicy, encryptionTypes };
}

/** Formats a value as netsh profiledata, in 0x hex as public deployment scripts write it. */
export function formatProfileData(value: number): string {
  return `0x${value.toString(16)}`;
}
