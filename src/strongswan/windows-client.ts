/**
 * What a Windows IKEv2 client offers, as IANA transforms.
 *
 * This table maps Windows values straight to IANA transform ids and is kept apart from
 * STRONGSWAN_SPELLING on purpose. The strongSwan target renders the gateway from that
 * table and the end-to-end test makes the initiator offer this model's proposals, so a
 * wrong entry in either one breaks a real handshake.
 *
 * Windows names and their WFP constants: Set-VpnConnectionIPsecConfiguration (Microsoft
 * Learn) and the IKEEXT_CIPHER_TYPE, IKEEXT_DH_GROUP and IPSEC_PFS_GROUP enumerations
 * (Windows SDK docs). Ids: IANA IKEv2 Parameters registry (RFC 7296 section 3.3.2).
 */
import type { EspSettings, IkeSettings } from '../baseline/types.js';
import type { Proposal } from './proposals.js';
import type { Transform } from './transforms.js';

const ENCR_DES = 2;
const ENCR_3DES = 3;
const ENCR_NULL = 11;
const ENCR_AES_CBC = 12;
const ENCR_AES_GCM_16 = 20;

const cbc = (keyLength: number): Transform => ({ type: 'ENCR', id: ENCR_AES_CBC, keyLength });
const gcm = (keyLength: number): Transform => ({ type: 'ENCR', id: ENCR_AES_GCM_16, keyLength });
const group = (id: number): Transform => ({ type: 'KE', id });

/**
 * -EncryptionMethod. IKEEXT_CIPHER_AES_GCM_128_16ICV and _256_16ICV carry a 16-octet
 * ICV, so they are ENCR_AES_GCM_16.
 */
const IKE_ENCRYPTION: Readonly<Record<string, Transform>> = {
  DES: { type: 'ENCR', id: ENCR_DES },
  DES3: { type: 'ENCR', id: ENCR_3DES },
  AES128: cbc(128),
  AES192: cbc(192),
  AES256: cbc(256),
  GCMAES128: gcm(128),
  GCMAES256: gcm(256),
};

/** -IntegrityCheckMethod: the HMAC used for integrity and, in IKEv2, as the PRF. */
const IKE_INTEGRITY: Readonly<Record<string, { integ: Transform; prf: Transform }>> = {
  MD5: { integ: { type: 'INTEG', id: 1 }, prf: { type: 'PRF', id: 1 } },
  SHA1: { integ: { type: 'INTEG', id: 2 }, prf: { type: 'PRF', id: 2 } },
  SHA256: { integ: { type: 'INTEG', id: 12 }, prf: { type: 'PRF', id: 5 } },
  SHA384: { integ: { type: 'INTEG', id: 13 }, prf: { type: 'PRF', id: 6 } },
};

/** -DHGroup. None has no IKE group: IKE_SA_INIT always needs one, so it offers nothing. */
const IKE_GROUP: Readonly<Record<string, Transform | null>> = {
  None: null,
  Group1: group(1),
  Group2: group(2),
  Group14: group(14),
  ECP256: group(19),
  ECP384: group(20),
  Group24: group(24),
};

/** -CipherTransformConstants. None is ENCR_NULL. */
const ESP_CIPHER: Readonly<Record<string, Transform>> = {
  DES: { type: 'ENCR', id: ENCR_DES },
  DES3: { type: 'ENCR', id: ENCR_3DES },
  AES128: cbc(128),
  AES192: cbc(192),
  AES256: cbc(256),
  GCMAES128: gcm(128),
  GCMAES192: gcm(192),
  GCMAES256: gcm(256),
  None: { type: 'ENCR', id: ENCR_NULL },
};

/** -AuthenticationTransformConstants for a non-GCM cipher. GCM values are handled with the cipher. */
const ESP_INTEGRITY: Readonly<Record<string, Transform | null>> = {
  MD596: { type: 'INTEG', id: 1 },
  SHA196: { type: 'INTEG', id: 2 },
  SHA256128: { type: 'INTEG', id: 12 },
  None: null,
};

/** -PfsGroup. IPSEC_PFS_2048 is DH group 14; PFSMM ("same as main mode") is resolved by the caller. */
const PFS_GROUP: Readonly<Record<string, Transform | null>> = {
  None: null,
  PFS1: group(1),
  PFS2: group(2),
  PFS2048: group(14),
  ECP256: group(19),
  ECP384: group(20),
  PFS24: group(24),
};

/** ESP GMAC (integrity only) ids by GCM integrity value, used when the ESP cipher is None. */
const ESP_GMAC: Readonly<Record<string, Transform>> = {
  GCMAES128: { type: 'ENCR', id: 21, keyLength: 128 },
  GCMAES192: { type: 'ENCR', id: 21, keyLength: 192 },
  GCMAES256: { type: 'ENCR', id: 21, keyLength: 256 },
};

/** Proposals a Windows client sends, with the parts of the model that are guesses. */
export interface ClientOffer {
  /** Short description for messages, such as `custom policy` or `default proposals (NegotiateDH2048_AES256=1)`. */
  label: string;
  ike: Proposal[];
  esp: Proposal[];
  /** Parts of the model no primary source confirms. Callers show them as warnings. */
  unconfirmed: string[];
}

function lookup<T>(table: Readonly<Record<string, T>>, field: string, value: string): T {
  const entry = table[value];
  if (entry === undefined) {
    throw new Error(`the Windows client model has no ${field} value ${value}`);
  }
  return entry;
}

/** Builds the single IKE proposal of a custom policy. */
function buildCustomIkeProposal(ike: IkeSettings): Proposal {
  const cipher = lookup(IKE_ENCRYPTION, 'ike.encryption', ike.encryption);
  const { integ, prf } = lookup(IKE_INTEGRITY, 'ike.integrity', ike.integrity);
  const dhGroup = lookup(IKE_GROUP, 'ike.dhGroup', ike.dhGroup);
  const transforms: Transform[] = [cipher];
  if (cipher.id !== ENCR_AES_GCM_16) {
    transforms.push(integ);
  }
  transforms.push(prf);
  if (dhGroup !== null) {
    transforms.push(dhGroup);
  }
  return { protocol: 'IKE', transforms };
}

/** Builds the single ESP proposal of a custom policy, with the PFS group used for rekeys. */
function buildCustomEspProposal(ike: IkeSettings, esp: EspSettings): Proposal {
  const transforms: Transform[] = [];
  const gcmIntegrity = ESP_GMAC[esp.integrity] !== undefined;
  if (esp.cipher === 'None' && gcmIntegrity) {
    transforms.push(ESP_GMAC[esp.integrity]!);
  } else {
    transforms.push(lookup(ESP_CIPHER, 'esp.cipher', esp.cipher));
    const integrity = gcmIntegrity ? null : lookup(ESP_INTEGRITY, 'esp.integrity', esp.integrity);
    if (integrity !== null) {
      transforms.push(integrity);
    }
  }
  const pfs =
    esp.pfsGroup === 'PFSMM'
      ? lookup(IKE_GROUP, 'ike.dhGroup', ike.dhGroup)
      : lookup(PFS_GROUP, 'esp.pfsGroup', esp.pfsGroup);
  if (pfs !== null) {
    transforms.push(pfs);
  }
  transforms.push({ type: 'ESN', id: 0 });
  return { protocol: 'ESP', transforms };
}

/**
 * Models a client with a custom IPsec policy (Set-VpnConnectionIPsecConfiguration or
 * ProfileXML CryptographySuite): exactly one IKE and one ESP proposal.
 */
export function buildCustomPolicyOffer(ike: IkeSettings, esp: EspSettings): ClientOffer {
  const unconfirmed = [
    'Windows offers no extended sequence numbers (ESN) in its ESP proposal; strongSwan gateways accept it without ESN by default.',
  ];
  if (ike.encryption.startsWith('GCM')) {
    unconfirmed.push(
      `With an AES-GCM IKE cipher, Windows is assumed to use ike.integrity (${ike.integrity}) as the PRF; Microsoft does not document it.`,
    );
  }
  if (esp.cipher.startsWith('GCM')) {
    unconfirmed.push('Windows ESP AES-GCM is assumed to use a 16-octet ICV (ENCR_AES_GCM_16).');
  }
  return {
    label: 'custom policy',
    ike: [buildCustomIkeProposal(ike)],
    esp: [buildCustomEspProposal(ike, esp)],
    unconfirmed,
  };
}
