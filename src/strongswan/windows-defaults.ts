/**
 * The proposals a Windows IKEv2 client sends without a custom IPsec policy, by the value
 * of HKLM\SYSTEM\CurrentControlSet\Services\Rasman\Parameters\NegotiateDH2048_AES256.
 *
 * Source: strongSwan documentation, "Windows Clients" (docs.strongswan.org, 6.0 interop
 * pages), which lists the IKE proposals of Windows 7 to 11 with the registry value at 0
 * (default) and 2, and the ESP proposal for value 2. Anything else is marked unconfirmed.
 */
import type { Proposal } from './proposals.js';
import type { Transform } from './transforms.js';
import type { ClientOffer } from './windows-client.js';

/** Values of NegotiateDH2048_AES256: 0 (default), 1 (enable), 2 (enforce). Others act as 0. */
export type NegotiateDh2048Aes256 = 0 | 1 | 2;
/** Windows client release: Windows 11 adds an AES-GCM IKE proposal to the defaults. */
export type WindowsRelease = '10' | '11';

const DES: Transform = { type: 'ENCR', id: 2 };
const DES3: Transform = { type: 'ENCR', id: 3 };
const NULL_CIPHER: Transform = { type: 'ENCR', id: 11 };
const AES_CBC_128: Transform = { type: 'ENCR', id: 12, keyLength: 128 };
const AES_CBC_192: Transform = { type: 'ENCR', id: 12, keyLength: 192 };
const AES_CBC_256: Transform = { type: 'ENCR', id: 12, keyLength: 256 };
const AES_GCM_16_128: Transform = { type: 'ENCR', id: 20, keyLength: 128 };
const AES_GCM_16_256: Transform = { type: 'ENCR', id: 20, keyLength: 256 };
const HMAC_SHA1_96: Transform = { type: 'INTEG', id: 2 };
const HMAC_SHA2_256_128: Transform = { type: 'INTEG', id: 12 };
const HMAC_SHA2_384_192: Transform = { type: 'INTEG', id: 13 };
const PRF_SHA1: Transform = { type: 'PRF', id: 2 };
const PRF_SHA2_256: Transform = { type: 'PRF', id: 5 };
const PRF_SHA2_384: Transform = { type: 'PRF', id: 6 };
const MODP_1024: Transform = { type: 'KE', id: 2 };
const MODP_2048: Transform = { type: 'KE', id: 14 };
const NO_ESN: Transform = { type: 'ESN', id: 0 };

const HMACS = [HMAC_SHA1_96, HMAC_SHA2_256_128, HMAC_SHA2_384_192];
const PRFS = [PRF_SHA1, PRF_SHA2_256, PRF_SHA2_384];

const ike = (transforms: Transform[]): Proposal => ({ protocol: 'IKE', transforms });

/** Windows 7 to 11: 3des-aes128-aes192-aes256-sha1-sha256-sha384-modp1024. */
const LEGACY_CBC = ike([DES3, AES_CBC_128, AES_CBC_192, AES_CBC_256, ...HMACS, ...PRFS, MODP_1024]);
/** Windows 11 in addition: aes128gcm16-aes256gcm16 with PRFs SHA1, SHA-256, SHA-384 and modp1024. */
const LEGACY_GCM = ike([AES_GCM_16_128, AES_GCM_16_256, ...PRFS, MODP_1024]);
/** NegotiateDH2048_AES256=2 on Windows 11: aes256-sha1-sha256-sha384-modp2048. */
const AES256_MODP2048 = ike([AES_CBC_256, ...HMACS, ...PRFS, MODP_2048]);

/** aes256-aes128-3des-des-null-sha1, as documented for NegotiateDH2048_AES256=2. */
const DEFAULT_ESP: Proposal = {
  protocol: 'ESP',
  transforms: [AES_CBC_256, AES_CBC_128, DES3, DES, NULL_CIPHER, HMAC_SHA1_96, NO_ESN],
};

function buildIkeProposals(value: NegotiateDh2048Aes256, release: WindowsRelease): Proposal[] {
  const legacy = release === '11' ? [LEGACY_CBC, LEGACY_GCM] : [LEGACY_CBC];
  if (value === 2) {
    return [AES256_MODP2048];
  }
  if (value === 1) {
    return [...legacy, AES256_MODP2048];
  }
  return legacy;
}

function listUnconfirmed(value: NegotiateDh2048Aes256, release: WindowsRelease): string[] {
  const unconfirmed = [
    'The Windows default ESP proposal is documented only for NegotiateDH2048_AES256=2 (aes256-aes128-3des-des-null-sha1); the model assumes the same proposal for 0 and 1, without PFS.',
  ];
  if (value === 1) {
    unconfirmed.push(
      'NegotiateDH2048_AES256=1 is documented only as "enable AES-256-CBC and MODP-2048"; the model assumes the defaults plus aes256-sha1-sha256-sha384-modp2048.',
    );
  }
  if (value === 2 && release === '10') {
    unconfirmed.push(
      'NegotiateDH2048_AES256=2 is documented for Windows 11; the model assumes Windows 10 sends the same aes256-sha1-sha256-sha384-modp2048 proposal.',
    );
  }
  return unconfirmed;
}

/** Models a Windows client without a custom policy (Set-VpnConnectionIPsecConfiguration -RevertToDefault). */
export function buildDefaultOffer(
  value: NegotiateDh2048Aes256,
  release: WindowsRelease = '11',
): ClientOffer {
  return {
    label: `Windows ${release} default proposals (NegotiateDH2048_AES256=${value})`,
    ike: buildIkeProposals(value, release),
    esp: [DEFAULT_ESP],
    unconfirmed: listUnconfirmed(value, release),
  };
}
