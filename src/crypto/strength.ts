/**
 * The strength model `diff` uses to call a crypto change stronger, weaker or equivalent.
 *
 * Each value gets a rank: the security strength in bits where NIST gives one, so two
 * values compare by number. Sources:
 * - NIST SP 800-57 Part 1, Table 2 "Comparable strengths" (as reproduced from
 *   Revision 3): 80 bits = 2TDEA, FFC L=1024 N=160, ECC f=160-223; 112 = 3TDEA,
 *   L=2048 N=224, f=224-255; 128 = AES-128, L=3072 N=256, f=256-383; 192 = AES-192,
 *   L=7680, f=384-511; 256 = AES-256, L=15360, f=512+. The same revision's HMAC row
 *   allows HMAC-SHA-1 up to 128 bits and HMAC-SHA-256/384 up to 256 bits.
 * - Group sizes: the IANA group numbers as strongSwan's key_exchange.h lists them
 *   (MODP_768_BIT = 1, MODP_1024_BIT = 2, MODP_2048_BIT = 14, MODP_2048_256 = 24,
 *   ECP_256_BIT = 19, ECP_384_BIT = 20). RFC 5903 defines the two ECP groups.
 * - Integrity tag lengths: RFC 2403 and RFC 2404 (HMAC-MD5-96, HMAC-SHA1-96),
 *   RFC 4868 (HMAC-SHA2-256-128, HMAC-SHA2-384-192), RFC 4106 (ESP AES-GCM).
 *
 * Integrity ranks are the smaller of the HMAC strength and the tag length in bits,
 * because a forger needs about 2^tag attempts whatever the hash. With a GCM
 * EncryptionMethod, IntegrityCheckMethod presumably serves only as the IKE PRF; the
 * order MD5 < SHA1 < SHA256 < SHA384 holds for a PRF too. MD5 gets rank 1: NIST
 * does not approve it and Windows offers it for backward compatibility only.
 *
 * AES-GCM against AES-CBC with the same key size: the key gives the same comparable
 * strength, so the cipher change is equivalent. GCM is an AEAD mode (one transform for
 * encryption and integrity, RFC 4106) and avoids CBC's separate MAC; that is a design
 * advantage, not extra strength. The paired integrity change (SHA256128 to GCMAES128)
 * keeps a 128-bit tag, so it is equivalent too.
 */
import type { CryptoFieldKey } from './vocabulary.js';

export interface StrengthEntry {
  /** Comparison key: security bits where NIST gives them; 0 for none, 1 for below every table row. */
  rank: number;
  /** Strength as shown to the reader, such as "128-bit". */
  strength: string;
  /** Reason for the strength, naming the source. */
  basis: string;
}

type StrengthTable = Readonly<Record<CryptoFieldKey, Readonly<Record<string, StrengthEntry>>>>;

const TABLE_2 = 'NIST SP 800-57 Part 1 Table 2';

function entry(rank: number, strength: string, basis: string): StrengthEntry {
  return { rank, strength, basis };
}

const CIPHERS: Readonly<Record<string, StrengthEntry>> = {
  DES: entry(1, 'below 80-bit', `56-bit key, below the lowest row of ${TABLE_2}`),
  DES3: entry(112, '112-bit', `3TDEA row of ${TABLE_2}`),
  AES128: entry(128, '128-bit', `AES-128 row of ${TABLE_2}, CBC mode`),
  AES192: entry(192, '192-bit', `AES-192 row of ${TABLE_2}, CBC mode`),
  AES256: entry(256, '256-bit', `AES-256 row of ${TABLE_2}, CBC mode`),
  GCMAES128: entry(128, '128-bit', `AES-128 row of ${TABLE_2}, GCM (AEAD) mode`),
  GCMAES192: entry(192, '192-bit', `AES-192 row of ${TABLE_2}, GCM (AEAD) mode`),
  GCMAES256: entry(256, '256-bit', `AES-256 row of ${TABLE_2}, GCM (AEAD) mode`),
};

function withoutKey(
  table: Readonly<Record<string, StrengthEntry>>,
  omitted: string,
): Record<string, StrengthEntry> {
  return Object.fromEntries(Object.entries(table).filter(([value]) => value !== omitted));
}

const NO_ENCRYPTION = entry(0, 'none', 'no encryption');

const DH_GROUPS: Readonly<Record<string, StrengthEntry>> = {
  Group1: entry(
    1,
    'below 80-bit',
    `768-bit MODP (IANA group 1), below the lowest row of ${TABLE_2}`,
  ),
  Group2: entry(80, '80-bit', `1024-bit MODP (IANA group 2), FFC L=1024 row of ${TABLE_2}`),
  Group14: entry(112, '112-bit', `2048-bit MODP (IANA group 14), FFC L=2048 row of ${TABLE_2}`),
  Group24: entry(
    112,
    '112-bit',
    `2048-bit MODP with 256-bit subgroup (IANA group 24), FFC L=2048 row of ${TABLE_2}`,
  ),
  ECP256: entry(128, '128-bit', `256-bit ECP group (RFC 5903), ECC f=256-383 row of ${TABLE_2}`),
  ECP384: entry(192, '192-bit', `384-bit ECP group (RFC 5903), ECC f=384-511 row of ${TABLE_2}`),
};

const SHA1_HMAC = 'HMAC-SHA-1 is rated at most 128-bit in NIST SP 800-57 Part 1';
const MD5_BASIS =
  'MD5 is not approved by NIST and Windows offers it for backward compatibility only';

/** Strength of every baseline value, by field. PfsGroup PFSMM is resolved by {@link strengthOf}. */
export const STRENGTH: StrengthTable = {
  // Windows offers no 192-bit GCM for the IKE SA (IKEEXT_CIPHER_TYPE).
  'ike.encryption': withoutKey(CIPHERS, 'GCMAES192'),
  'esp.cipher': { ...CIPHERS, None: NO_ENCRYPTION },
  'ike.integrity': {
    MD5: entry(1, 'not approved', `${MD5_BASIS} (HMAC-MD5-96)`),
    SHA1: entry(96, '96-bit', `HMAC-SHA1-96 tag of 96 bits (RFC 2404); ${SHA1_HMAC}`),
    SHA256: entry(128, '128-bit', 'HMAC-SHA2-256-128 tag of 128 bits (RFC 4868)'),
    SHA384: entry(192, '192-bit', 'HMAC-SHA2-384-192 tag of 192 bits (RFC 4868)'),
  },
  'esp.integrity': {
    MD596: entry(1, 'not approved', `${MD5_BASIS} (HMAC-MD5-96, RFC 2403)`),
    SHA196: entry(96, '96-bit', `HMAC-SHA1-96 tag of 96 bits (RFC 2404); ${SHA1_HMAC}`),
    SHA256128: entry(128, '128-bit', 'HMAC-SHA2-256-128 tag of 128 bits (RFC 4868)'),
    // NOTE: Windows' ESP GCM ICV length is undocumented; 16 octets is assumed, as
    // strongSwan's default and Windows' IKE GCM cipher (AES_GCM_*_16ICV) use.
    GCMAES128: entry(128, '128-bit', 'AES-GCM 16-octet tag (RFC 4106), part of the AEAD'),
    GCMAES192: entry(128, '128-bit', 'AES-GCM 16-octet tag (RFC 4106), part of the AEAD'),
    GCMAES256: entry(128, '128-bit', 'AES-GCM 16-octet tag (RFC 4106), part of the AEAD'),
    None: entry(0, 'none', 'no integrity protection'),
  },
  'ike.dhGroup': { ...DH_GROUPS, None: entry(0, 'none', 'no key exchange') },
  'esp.pfsGroup': {
    PFS1: DH_GROUPS.Group1!,
    PFS2: DH_GROUPS.Group2!,
    PFS2048: DH_GROUPS.Group14!,
    PFS24: DH_GROUPS.Group24!,
    ECP256: DH_GROUPS.ECP256!,
    ECP384: DH_GROUPS.ECP384!,
    None: entry(
      0,
      'none',
      'no perfect forward secrecy: child SA rekeys reuse IKE SA keying material, weaker than any group',
    ),
  },
};

/**
 * Returns the strength of `value` in field `key`. PfsGroup PFSMM ("use the same Diffie-Hellman
 * group as main mode", IPSEC_PFS_GROUP) takes the strength of `ikeDhGroup`.
 */
export function strengthOf(key: CryptoFieldKey, value: string, ikeDhGroup: string): StrengthEntry {
  if (key === 'esp.pfsGroup' && value === 'PFSMM') {
    const group = strengthOf('ike.dhGroup', ikeDhGroup, ikeDhGroup);
    return { ...group, basis: `PFSMM repeats the IKE group ${ikeDhGroup}: ${group.basis}` };
  }
  const found = STRENGTH[key][value];
  if (found === undefined) {
    throw new Error(`no strength for ${key} value ${value}`);
  }
  return found;
}

export type StrengthVerdict = 'stronger' | 'weaker' | 'equivalent';

export interface StrengthComparison {
  verdict: StrengthVerdict;
  reason: string;
}

/** Compares two values of one field; the IKE groups resolve PFSMM on each side. */
export function compareStrength(
  key: CryptoFieldKey,
  before: { value: string; ikeDhGroup: string },
  after: { value: string; ikeDhGroup: string },
): StrengthComparison {
  const old = strengthOf(key, before.value, before.ikeDhGroup);
  const next = strengthOf(key, after.value, after.ikeDhGroup);
  let verdict: StrengthVerdict = 'equivalent';
  if (next.rank > old.rank) {
    verdict = 'stronger';
  } else if (next.rank < old.rank) {
    verdict = 'weaker';
  }
  const reason = `${before.value} is ${old.strength} (${old.basis}); ${after.value} is ${next.strength} (${next.basis})`;
  return { verdict, reason: `${reason}${modeNote(key, before.value, after.value, verdict)}` };
}

/** Explains an equivalent change between AES-CBC and AES-GCM of the same key size. */
function modeNote(key: CryptoFieldKey, before: string, after: string, verdict: string): string {
  const isGcm = (value: string) => value.startsWith('GCMAES');
  if (verdict !== 'equivalent' || isGcm(before) === isGcm(after)) {
    return '';
  }
  if (key === 'esp.integrity') {
    return '. Both carry a 128-bit tag; with GCM the integrity comes from the AEAD cipher';
  }
  return '. Same key size, so the same strength: GCM (AEAD) replaces CBC plus a separate HMAC, a design advantage rather than a stronger key';
}
