/**
 * IKEv2 transforms by their IANA ids, and the names strongSwan gives them.
 *
 * Ids come from the IANA "Internet Key Exchange Version 2 (IKEv2) Parameters" registry
 * (RFC 7296 section 3.3.2 and its updates). Keywords are strongSwan's proposal keywords
 * (proposal_keywords_static.txt), and log names are how charon prints a transform in
 * "received proposals" and "configured proposals" lines (strongSwan 5.9).
 */

/** Transform types of RFC 7296 section 3.3.2. KE is called D-H in RFC 7296. */
export type TransformType = 'ENCR' | 'PRF' | 'INTEG' | 'KE' | 'ESN';

export interface Transform {
  type: TransformType;
  /** IANA transform id within its type. */
  id: number;
  /** Key Length attribute in bits, only for ciphers with a variable key (AES). */
  keyLength?: number;
  /**
   * Charon's log name of a transform this table lacks. Such a transform matches only
   * itself, which is right for a Windows client because it never offers one.
   */
  unknownName?: string;
}

/** One row of the keyword table: a transform with its strongSwan names. */
interface KnownTransform extends Transform {
  /** strongSwan keywords, the preferred one first. */
  keywords: readonly string[];
  /** Name charon prints in proposal log lines. */
  logName: string;
  /** Whether the cipher is AEAD, which then carries no INTEG transform. */
  aead?: boolean;
}

function aes(id: number, bits: number, keywords: string[], logName: string): KnownTransform {
  return { type: 'ENCR', id, keyLength: bits, keywords, logName, aead: id === 20 || id === 21 };
}

function aesFamily(id: number, keyword: (bits: number) => string[], log: string, aead: boolean) {
  return [128, 192, 256].map((bits) => ({
    type: 'ENCR' as const,
    id,
    keyLength: bits,
    keywords: keyword(bits),
    logName: `${log}_${bits}`,
    aead,
  }));
}

/**
 * ENCR ids: 2 DES, 3 3DES, 11 NULL, 12 AES-CBC, 13 AES-CTR, 14/15/16 AES-CCM with 8/12/16
 * octet ICV, 18/19/20 AES-GCM with 8/12/16 octet ICV, 21 AES-GMAC, 23 Camellia-CBC,
 * 28 ChaCha20-Poly1305.
 */
const ENCRYPTION: readonly KnownTransform[] = [
  { type: 'ENCR', id: 2, keywords: ['des'], logName: 'DES_CBC' },
  { type: 'ENCR', id: 3, keywords: ['3des'], logName: '3DES_CBC' },
  { type: 'ENCR', id: 11, keywords: ['null'], logName: 'NULL' },
  aes(12, 128, ['aes128', 'aes'], 'AES_CBC_128'),
  aes(12, 192, ['aes192'], 'AES_CBC_192'),
  aes(12, 256, ['aes256'], 'AES_CBC_256'),
  aes(20, 128, ['aes128gcm16', 'aes128gcm128', 'aes128gcm'], 'AES_GCM_16_128'),
  aes(20, 192, ['aes192gcm16', 'aes192gcm128', 'aes192gcm'], 'AES_GCM_16_192'),
  aes(20, 256, ['aes256gcm16', 'aes256gcm128', 'aes256gcm'], 'AES_GCM_16_256'),
  aes(21, 128, ['aes128gmac'], 'NULL_AES_GMAC_128'),
  aes(21, 192, ['aes192gmac'], 'NULL_AES_GMAC_192'),
  aes(21, 256, ['aes256gmac'], 'NULL_AES_GMAC_256'),
  ...aesFamily(13, (bits) => [`aes${bits}ctr`], 'AES_CTR', false),
  ...aesFamily(14, (bits) => [`aes${bits}ccm8`, `aes${bits}ccm64`], 'AES_CCM_8', true),
  ...aesFamily(15, (bits) => [`aes${bits}ccm12`, `aes${bits}ccm96`], 'AES_CCM_12', true),
  ...aesFamily(16, (bits) => [`aes${bits}ccm16`, `aes${bits}ccm128`], 'AES_CCM_16', true),
  ...aesFamily(18, (bits) => [`aes${bits}gcm8`, `aes${bits}gcm64`], 'AES_GCM_8', true),
  ...aesFamily(19, (bits) => [`aes${bits}gcm12`, `aes${bits}gcm96`], 'AES_GCM_12', true),
  ...aesFamily(23, (bits) => [`camellia${bits}`], 'CAMELLIA_CBC', false),
  {
    type: 'ENCR',
    id: 28,
    keywords: ['chacha20poly1305'],
    logName: 'CHACHA20_POLY1305',
    aead: true,
  },
];

/** PRF ids: 1 HMAC-MD5, 2 HMAC-SHA1, 5 HMAC-SHA2-256, 6 HMAC-SHA2-384, 7 HMAC-SHA2-512. */
const PSEUDO_RANDOM_FUNCTIONS: readonly KnownTransform[] = [
  { type: 'PRF', id: 1, keywords: ['prfmd5'], logName: 'PRF_HMAC_MD5' },
  { type: 'PRF', id: 2, keywords: ['prfsha1'], logName: 'PRF_HMAC_SHA1' },
  { type: 'PRF', id: 5, keywords: ['prfsha256'], logName: 'PRF_HMAC_SHA2_256' },
  { type: 'PRF', id: 6, keywords: ['prfsha384'], logName: 'PRF_HMAC_SHA2_384' },
  { type: 'PRF', id: 7, keywords: ['prfsha512'], logName: 'PRF_HMAC_SHA2_512' },
  { type: 'PRF', id: 4, keywords: ['prfaesxcbc'], logName: 'PRF_AES128_XCBC' },
  { type: 'PRF', id: 8, keywords: ['prfaescmac'], logName: 'PRF_AES128_CMAC' },
];

/** INTEG ids: 1 HMAC-MD5-96, 2 HMAC-SHA1-96, 12 HMAC-SHA2-256-128, 13 -384-192, 14 -512-256. */
const INTEGRITY: readonly KnownTransform[] = [
  { type: 'INTEG', id: 1, keywords: ['md5'], logName: 'HMAC_MD5_96' },
  { type: 'INTEG', id: 2, keywords: ['sha1', 'sha'], logName: 'HMAC_SHA1_96' },
  { type: 'INTEG', id: 12, keywords: ['sha256', 'sha2_256'], logName: 'HMAC_SHA2_256_128' },
  { type: 'INTEG', id: 13, keywords: ['sha384', 'sha2_384'], logName: 'HMAC_SHA2_384_192' },
  { type: 'INTEG', id: 14, keywords: ['sha512', 'sha2_512'], logName: 'HMAC_SHA2_512_256' },
  { type: 'INTEG', id: 5, keywords: ['aesxcbc'], logName: 'AES_XCBC_96' },
  { type: 'INTEG', id: 8, keywords: ['aescmac'], logName: 'AES_CMAC_96' },
];

/**
 * KE (D-H) group ids: 0 NONE; 1, 2, 14 to 18 MODP; 19, 20, 21 ECP; 24 MODP-2048 with
 * 256-bit subgroup; 28 to 30 Brainpool; 31 Curve25519; 32 Curve448.
 */
const KEY_EXCHANGE: readonly KnownTransform[] = [
  { type: 'KE', id: 0, keywords: ['modpnone'], logName: 'KE_NONE' },
  { type: 'KE', id: 1, keywords: ['modp768'], logName: 'MODP_768' },
  { type: 'KE', id: 2, keywords: ['modp1024'], logName: 'MODP_1024' },
  { type: 'KE', id: 14, keywords: ['modp2048'], logName: 'MODP_2048' },
  { type: 'KE', id: 15, keywords: ['modp3072'], logName: 'MODP_3072' },
  { type: 'KE', id: 16, keywords: ['modp4096'], logName: 'MODP_4096' },
  { type: 'KE', id: 17, keywords: ['modp6144'], logName: 'MODP_6144' },
  { type: 'KE', id: 18, keywords: ['modp8192'], logName: 'MODP_8192' },
  { type: 'KE', id: 28, keywords: ['ecp256bp'], logName: 'ECP_256_BP' },
  { type: 'KE', id: 29, keywords: ['ecp384bp'], logName: 'ECP_384_BP' },
  { type: 'KE', id: 30, keywords: ['ecp512bp'], logName: 'ECP_512_BP' },
  { type: 'KE', id: 32, keywords: ['curve448', 'x448'], logName: 'CURVE_448' },
  { type: 'KE', id: 19, keywords: ['ecp256'], logName: 'ECP_256' },
  { type: 'KE', id: 20, keywords: ['ecp384'], logName: 'ECP_384' },
  { type: 'KE', id: 21, keywords: ['ecp521'], logName: 'ECP_521' },
  { type: 'KE', id: 24, keywords: ['modp2048s256'], logName: 'MODP_2048_256' },
  { type: 'KE', id: 31, keywords: ['curve25519', 'x25519'], logName: 'CURVE_25519' },
];

/** ESN ids: 0 no extended sequence numbers, 1 extended sequence numbers. */
const EXTENDED_SEQUENCE_NUMBERS: readonly KnownTransform[] = [
  { type: 'ESN', id: 0, keywords: ['noesn'], logName: 'NO_EXT_SEQ' },
  { type: 'ESN', id: 1, keywords: ['esn'], logName: 'EXT_SEQ' },
];

const KNOWN_TRANSFORMS: readonly KnownTransform[] = [
  ...ENCRYPTION,
  ...PSEUDO_RANDOM_FUNCTIONS,
  ...INTEGRITY,
  ...KEY_EXCHANGE,
  ...EXTENDED_SEQUENCE_NUMBERS,
];

/** Returns a stable string for comparing transforms, such as `ENCR:12:128`. */
export function transformKey(transform: Transform): string {
  if (transform.unknownName !== undefined) {
    return `${transform.type}:${transform.unknownName}`;
  }
  const length = transform.keyLength === undefined ? '' : `:${transform.keyLength}`;
  return `${transform.type}:${transform.id}${length}`;
}

function findKnown(transform: Transform): KnownTransform | undefined {
  const key = transformKey(transform);
  return KNOWN_TRANSFORMS.find((known) => transformKey(known) === key);
}

function stripNames(known: KnownTransform): Transform {
  const transform: Transform = { type: known.type, id: known.id };
  if (known.keyLength !== undefined) {
    transform.keyLength = known.keyLength;
  }
  return transform;
}

/** Looks up the transform of a strongSwan keyword; undefined for an unknown keyword. */
export function findTransformByKeyword(keyword: string): Transform | undefined {
  const lower = keyword.toLowerCase();
  const known = KNOWN_TRANSFORMS.find((candidate) => candidate.keywords.includes(lower));
  return known === undefined ? undefined : stripNames(known);
}

/** Looks up the transform of a charon log name, such as `AES_GCM_16_128`. */
export function findTransformByLogName(logName: string): Transform | undefined {
  const known = KNOWN_TRANSFORMS.find((candidate) => candidate.logName === logName);
  return known === undefined ? undefined : stripNames(known);
}

/** Guesses the type of a log name this table lacks from charon's naming, such as `PRF_` or `MODP_`. */
export function buildUnknownTransform(logName: string): Transform {
  return { type: guessTransformType(logName), id: -1, unknownName: logName };
}

function guessTransformType(logName: string): TransformType {
  if (logName.startsWith('PRF_')) {
    return 'PRF';
  }
  if (/^(HMAC_|AES_XCBC|AES_CMAC|AUTH_)/.test(logName)) {
    return 'INTEG';
  }
  if (/^(MODP_|ECP_|CURVE_|KE_|ML_KEM)/.test(logName)) {
    return 'KE';
  }
  return /EXT_SEQ$/.test(logName) ? 'ESN' : 'ENCR';
}

/** Returns the preferred strongSwan keyword of a transform. Throws for a transform not in the table. */
export function keywordOf(transform: Transform): string {
  if (transform.unknownName !== undefined) {
    return transform.unknownName;
  }
  const known = findKnown(transform);
  if (known === undefined) {
    throw new Error(`no strongSwan keyword for transform ${transformKey(transform)}`);
  }
  return known.keywords[0]!;
}

/** Returns the name charon prints for a transform, or its key when the table lacks it. */
export function logNameOf(transform: Transform): string {
  return transform.unknownName ?? findKnown(transform)?.logName ?? transformKey(transform);
}

/** Tells whether a transform is an AEAD cipher (AES-GCM, AES-GMAC). */
export function isAead(transform: Transform): boolean {
  return findKnown(transform)?.aead === true;
}
