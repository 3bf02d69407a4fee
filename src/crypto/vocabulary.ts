/**
 * The six IKEv2 crypto settings and their spelling in every target.
 *
 * The baseline spells each value exactly as the Windows PowerShell cmdlets do
 * (`Set-VpnConnectionIPsecConfiguration`, `Set-VpnServerConfiguration`). Every other
 * spelling in this project comes from the tables below, and templates never translate
 * names themselves.
 *
 * Sources for the value lists:
 * - PowerShell: "Accepted values" of Set-VpnConnectionIPsecConfiguration and
 *   Set-VpnServerConfiguration (Microsoft Learn, Windows Server 2016 to 2025 docsets).
 * - ProfileXML: the ENUM allowed values in the VPNv2 CSP DDF file (Microsoft Learn,
 *   "VPNv2 DDF file", 2024).
 * - strongSwan: proposal keywords in strongSwan's proposal_keywords_static.txt and the
 *   IANA transform ids in RFC 7296 and the IKEv2 IANA registry.
 */

export type CryptoFieldKey =
  | 'ike.encryption'
  | 'ike.integrity'
  | 'ike.dhGroup'
  | 'esp.cipher'
  | 'esp.integrity'
  | 'esp.pfsGroup';

/** One of the six crypto settings, with the names each target gives it. */
export interface CryptoField {
  key: CryptoFieldKey;
  /** Path in the baseline document. */
  path: readonly ['ike' | 'esp', string];
  /** Parameter of the PowerShell cmdlets and element of the ProfileXML CryptographySuite. */
  parameter: string;
  /** The SA the setting governs, in RFC 7296 terms. */
  sa: 'IKE SA' | 'child SA';
  summary: string;
  /** Values the PowerShell cmdlets accept, in Microsoft's documented order. */
  values: readonly string[];
}

export const CRYPTO_FIELDS: readonly CryptoField[] = [
  {
    key: 'ike.encryption',
    path: ['ike', 'encryption'],
    parameter: 'EncryptionMethod',
    sa: 'IKE SA',
    summary: 'Encryption of the IKE SA (IKEv2 main mode), -EncryptionMethod.',
    values: ['DES', 'DES3', 'AES128', 'AES192', 'AES256', 'GCMAES128', 'GCMAES256'],
  },
  {
    key: 'ike.integrity',
    path: ['ike', 'integrity'],
    parameter: 'IntegrityCheckMethod',
    sa: 'IKE SA',
    summary: 'Integrity (and PRF) of the IKE SA, -IntegrityCheckMethod.',
    values: ['MD5', 'SHA1', 'SHA256', 'SHA384'],
  },
  {
    key: 'ike.dhGroup',
    path: ['ike', 'dhGroup'],
    parameter: 'DHGroup',
    sa: 'IKE SA',
    summary: 'Diffie-Hellman group of the IKE SA key exchange, -DHGroup.',
    values: ['None', 'Group1', 'Group2', 'Group14', 'ECP256', 'ECP384', 'Group24'],
  },
  {
    key: 'esp.cipher',
    path: ['esp', 'cipher'],
    parameter: 'CipherTransformConstants',
    sa: 'child SA',
    summary: 'ESP encryption of the child SA (quick mode), -CipherTransformConstants.',
    values: [
      'DES',
      'DES3',
      'AES128',
      'AES192',
      'AES256',
      'GCMAES128',
      'GCMAES192',
      'GCMAES256',
      'None',
    ],
  },
  {
    key: 'esp.integrity',
    path: ['esp', 'integrity'],
    parameter: 'AuthenticationTransformConstants',
    sa: 'child SA',
    summary: 'ESP integrity of the child SA, -AuthenticationTransformConstants.',
    values: ['MD596', 'SHA196', 'SHA256128', 'GCMAES128', 'GCMAES192', 'GCMAES256', 'None'],
  },
  {
    key: 'esp.pfsGroup',
    path: ['esp', 'pfsGroup'],
    parameter: 'PfsGroup',
    sa: 'child SA',
    summary: 'Perfect forward secrecy group for child SA rekeys, -PfsGroup.',
    values: ['None', 'PFS1', 'PFS2', 'PFS2048', 'ECP256', 'ECP384', 'PFSMM', 'PFS24'],
  },
];

export function getCryptoField(key: CryptoFieldKey): CryptoField {
  const field = CRYPTO_FIELDS.find((candidate) => candidate.key === key);
  if (field === undefined) {
    throw new Error(`unknown crypto field ${key}`);
  }
  return field;
}

/** A target's spelling of one field: PowerShell value to target value, or null where the target has none. */
export type SpellingTable = Readonly<
  Record<CryptoFieldKey, Readonly<Record<string, string | null>>>
>;

function identity(values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((value) => [value, value]));
}

const fieldValues = (key: CryptoFieldKey): readonly string[] => getCryptoField(key).values;

/**
 * ProfileXML CryptographySuite spelling (VPNv2 CSP). Only EncryptionMethod uses the
 * underscore form for GCM, and IntegrityCheckMethod spells SHA-1 as SHA196. The two
 * transform elements have no None value, and DHGroup and PfsGroup gained None in the
 * 2024 DDF.
 */
export const PROFILE_XML_SPELLING: SpellingTable = {
  'ike.encryption': {
    ...identity(fieldValues('ike.encryption')),
    GCMAES128: 'AES_GCM_128',
    GCMAES256: 'AES_GCM_256',
  },
  'ike.integrity': { ...identity(fieldValues('ike.integrity')), SHA1: 'SHA196' },
  'ike.dhGroup': identity(fieldValues('ike.dhGroup')),
  'esp.cipher': { ...identity(fieldValues('esp.cipher')), None: null },
  'esp.integrity': { ...identity(fieldValues('esp.integrity')), None: null },
  'esp.pfsGroup': identity(fieldValues('esp.pfsGroup')),
};

/**
 * Microsoft Graph beta `cryptographySuite` enum members (Intune native VPN profile).
 * Graph has no None member. The tool does not render Graph; the table feeds the
 * "wrong spelling" messages and the diff view.
 */
export const GRAPH_SPELLING: SpellingTable = {
  'ike.encryption': {
    DES: 'des',
    DES3: 'tripleDes',
    AES128: 'aes128',
    AES192: 'aes192',
    AES256: 'aes256',
    GCMAES128: 'aes128Gcm',
    GCMAES256: 'aes256Gcm',
  },
  'ike.integrity': { MD5: 'md5', SHA1: 'sha1_96', SHA256: 'sha2_256', SHA384: 'sha2_384' },
  'ike.dhGroup': {
    None: null,
    Group1: 'group1',
    Group2: 'group2',
    Group14: 'group14',
    ECP256: 'ecp256',
    ECP384: 'ecp384',
    Group24: 'group24',
  },
  'esp.cipher': {
    DES: 'des',
    DES3: 'tripleDes',
    AES128: 'aes128',
    AES192: 'aes192',
    AES256: 'aes256',
    GCMAES128: 'aes128Gcm',
    GCMAES192: 'aes192Gcm',
    GCMAES256: 'aes256Gcm',
    None: null,
  },
  'esp.integrity': {
    MD596: 'md5_96',
    SHA196: 'sha1_96',
    SHA256128: 'sha_256_128',
    GCMAES128: 'aes128Gcm',
    GCMAES192: 'aes192Gcm',
    GCMAES256: 'aes256Gcm',
    None: null,
  },
  'esp.pfsGroup': {
    None: null,
    PFS1: 'pfs1',
    PFS2: 'pfs2',
    PFS2048: 'pfs2048',
    ECP256: 'ecp256',
    ECP384: 'ecp384',
    PFSMM: 'pfsMM',
    PFS24: 'pfs24',
  },
};

/**
 * strongSwan proposal keywords for each Windows value. Windows' IKE GCM cipher is
 * IKEEXT_CIPHER_AES_GCM_*_16ICV, so it maps to the 16-octet ICV keyword. ESP GCM
 * keywords stand for the cipher and integrity pair together, so `esp.integrity` GCM
 * values map to null (implied by the cipher keyword). PFSMM repeats the IKE group and
 * PfsGroup None omits the key exchange keyword, so both are resolved by the renderer.
 */
export const STRONGSWAN_SPELLING: SpellingTable = {
  'ike.encryption': {
    DES: 'des',
    DES3: '3des',
    AES128: 'aes128',
    AES192: 'aes192',
    AES256: 'aes256',
    GCMAES128: 'aes128gcm16',
    GCMAES256: 'aes256gcm16',
  },
  'ike.integrity': { MD5: 'md5', SHA1: 'sha1', SHA256: 'sha256', SHA384: 'sha384' },
  'ike.dhGroup': {
    None: null,
    Group1: 'modp768',
    Group2: 'modp1024',
    Group14: 'modp2048',
    ECP256: 'ecp256',
    ECP384: 'ecp384',
    Group24: 'modp2048s256',
  },
  'esp.cipher': {
    DES: 'des',
    DES3: '3des',
    AES128: 'aes128',
    AES192: 'aes192',
    AES256: 'aes256',
    GCMAES128: 'aes128gcm16',
    GCMAES192: 'aes192gcm16',
    GCMAES256: 'aes256gcm16',
    None: 'null',
  },
  'esp.integrity': {
    MD596: 'md5',
    SHA196: 'sha1',
    SHA256128: 'sha256',
    GCMAES128: null,
    GCMAES192: null,
    GCMAES256: null,
    None: null,
  },
  'esp.pfsGroup': {
    None: null,
    PFS1: 'modp768',
    PFS2: 'modp1024',
    PFS2048: 'modp2048',
    ECP256: 'ecp256',
    ECP384: 'ecp384',
    PFSMM: null,
    PFS24: 'modp2048s256',
  },
};

/**
 * strongSwan PRF keyword for each ike.integrity value. An AES-GCM IKE proposal has no
 * integrity transform, but the IKE SA still needs a PRF, so the strongSwan target names
 * it explicitly (`aes128gcm16-prfsha256-modp2048`).
 */
export const STRONGSWAN_PRF_SPELLING: Readonly<Record<string, string>> = {
  MD5: 'prfmd5',
  SHA1: 'prfsha1',
  SHA256: 'prfsha256',
  SHA384: 'prfsha384',
};

/**
 * The PfsGroup value that names the same Diffie-Hellman group as each DHGroup value
 * (IPSEC_PFS_GROUP and IKEEXT_DH_GROUP in the Windows Filtering Platform reference:
 * IPSEC_PFS_2048 is DH group 14). PfsGroup PFSMM uses the IKE SA's group, so PFSMM
 * with DHGroup Group14 is the same group as PFS2048.
 */
export const PFS_GROUP_OF_DH_GROUP: Readonly<Record<string, string>> = {
  None: 'None',
  Group1: 'PFS1',
  Group2: 'PFS2',
  Group14: 'PFS2048',
  ECP256: 'ECP256',
  ECP384: 'ECP384',
  Group24: 'PFS24',
};

/** A value spelled the way another target or an outdated document spells it. */
export interface ForeignSpelling {
  /** The value as written in the baseline. */
  written: string;
  /** The PowerShell spelling the baseline needs instead. */
  correct: string;
  /** Origin of the written spelling: the target or document that uses it. */
  origin: string;
  /** Diagnostic code when the value breaks a named rule rather than a spelling. */
  code?: string;
}

const SPELLING_ORIGINS: ReadonlyArray<{ table: SpellingTable; origin: string }> = [
  { table: PROFILE_XML_SPELLING, origin: 'the ProfileXML CryptographySuite (VPNv2 CSP) spelling' },
  { table: GRAPH_SPELLING, origin: 'the Microsoft Graph cryptographySuite (Intune) spelling' },
  { table: STRONGSWAN_SPELLING, origin: 'the strongSwan proposal keyword' },
];

/**
 * Spellings that are valid elsewhere but wrong in this field of the baseline, beyond
 * those derived from the target tables.
 */
const EXTRA_FOREIGN_SPELLINGS: Readonly<Record<CryptoFieldKey, readonly ForeignSpelling[]>> = {
  'ike.encryption': [
    { written: '3DES', correct: 'DES3', origin: 'a common name of Triple DES' },
    {
      written: 'GCMAES192',
      correct: 'GCMAES256',
      origin:
        'the ESP transform list: Windows offers no 192-bit GCM for the IKE SA (IKEEXT_CIPHER_TYPE has only AES-GCM-128 and AES-GCM-256), so choose GCMAES128 or GCMAES256',
      code: 'ike-encryption-gcm192',
    },
  ],
  'ike.integrity': [
    {
      written: 'SHA196',
      correct: 'SHA1',
      origin:
        'the ProfileXML spelling, and copies of the PowerShell documentation from before its 2020 correction',
    },
    {
      written: 'SHA256128',
      correct: 'SHA256',
      origin: 'the ESP integrity (-AuthenticationTransformConstants) spelling',
    },
    {
      written: 'MD596',
      correct: 'MD5',
      origin: 'the ESP integrity (-AuthenticationTransformConstants) spelling',
    },
  ],
  'ike.dhGroup': [
    { written: 'DHGroup14', correct: 'Group14', origin: 'the Azure VPN Gateway spelling' },
    { written: 'DHGroup2048', correct: 'Group14', origin: 'the Azure VPN Gateway spelling' },
    { written: 'DHGroup24', correct: 'Group24', origin: 'the Azure VPN Gateway spelling' },
    { written: 'DHGroup2', correct: 'Group2', origin: 'the Azure VPN Gateway spelling' },
    { written: 'DHGroup1', correct: 'Group1', origin: 'the Azure VPN Gateway spelling' },
    { written: 'PFS2048', correct: 'Group14', origin: 'the -PfsGroup spelling of DH group 14' },
    {
      written: 'ECP521',
      correct: 'ECP384',
      origin: 'other IKEv2 implementations: Windows offers no ECP521 group',
    },
  ],
  'esp.cipher': [{ written: '3DES', correct: 'DES3', origin: 'a common name of Triple DES' }],
  'esp.integrity': [
    {
      written: 'SHA1',
      correct: 'SHA196',
      origin: 'the IKE integrity (-IntegrityCheckMethod) spelling',
    },
    {
      written: 'SHA256',
      correct: 'SHA256128',
      origin: 'the IKE integrity (-IntegrityCheckMethod) spelling',
    },
    {
      written: 'MD5',
      correct: 'MD596',
      origin: 'the IKE integrity (-IntegrityCheckMethod) spelling',
    },
    {
      written: 'AES_GCM_128',
      correct: 'GCMAES128',
      origin: 'the ProfileXML EncryptionMethod spelling',
    },
    {
      written: 'AES_GCM_256',
      correct: 'GCMAES256',
      origin: 'the ProfileXML EncryptionMethod spelling',
    },
  ],
  'esp.pfsGroup': [
    { written: 'PFS14', correct: 'PFS2048', origin: 'the Azure VPN Gateway spelling' },
    { written: 'Group14', correct: 'PFS2048', origin: 'the -DHGroup spelling of DH group 14' },
    { written: 'Group2', correct: 'PFS2', origin: 'the -DHGroup spelling of DH group 2' },
    { written: 'Group1', correct: 'PFS1', origin: 'the -DHGroup spelling of DH group 1' },
    { written: 'Group24', correct: 'PFS24', origin: 'the -DHGroup spelling of DH group 24' },
    { written: 'modp2048', correct: 'PFS2048', origin: 'the strongSwan proposal keyword' },
  ],
};

/**
 * Finds the PowerShell spelling for a value written in another target's spelling.
 * Returns undefined when the value is valid or unknown everywhere.
 */
export function findForeignSpelling(
  key: CryptoFieldKey,
  written: string,
): ForeignSpelling | undefined {
  const field = getCryptoField(key);
  if (field.values.includes(written)) {
    return undefined;
  }
  const extra = EXTRA_FOREIGN_SPELLINGS[key].find((entry) => entry.written === written);
  if (extra !== undefined) {
    return extra;
  }
  for (const { table, origin } of SPELLING_ORIGINS) {
    for (const [correct, spelled] of Object.entries(table[key])) {
      if (spelled !== null && spelled === written && spelled !== correct) {
        return { written, correct, origin };
      }
    }
  }
  return undefined;
}

/** Returns the spelling a target uses for a baseline value, or null where it has none. */
export function spell(table: SpellingTable, key: CryptoFieldKey, value: string): string | null {
  const spelled = table[key][value];
  if (spelled === undefined) {
    throw new Error(`no spelling for ${key} value ${value}`);
  }
  return spelled;
}
