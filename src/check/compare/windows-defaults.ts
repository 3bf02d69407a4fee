/**
 * Windows' default proposals for a connection without a custom IPsec policy, by the
 * value of NegotiateDH2048_AES256 (strongSwan documentation "Windows Clients", which
 * lists what Windows 7 to 11 propose, in strongSwan notation).
 */
import type { Proposal, ProposalSet } from './proposals.js';

type IkeProposal = Proposal<'ike.encryption' | 'ike.integrity' | 'ike.dhGroup'>;
type EspProposal = Proposal<'esp.cipher' | 'esp.integrity' | 'esp.pfsGroup'>;

const DEFAULT_INTEGRITY = ['SHA1', 'SHA256', 'SHA384'];

/** 3des-aes128-aes192-aes256-sha1-sha256-sha384-modp1024: the default (value 0). */
const CLASSIC_PROPOSAL: IkeProposal = {
  'ike.encryption': ['DES3', 'AES128', 'AES192', 'AES256'],
  'ike.integrity': DEFAULT_INTEGRITY,
  'ike.dhGroup': ['Group2'],
};

/** aes128gcm16-aes256gcm16-sha1-sha256-sha384-modp1024: the additional Windows 11 proposal. */
const WINDOWS_11_GCM_PROPOSAL: IkeProposal = {
  'ike.encryption': ['GCMAES128', 'GCMAES256'],
  'ike.integrity': DEFAULT_INTEGRITY,
  'ike.dhGroup': ['Group2'],
};

/** aes256-sha1-sha256-sha384-modp2048: what value 2 enforces. */
const AES256_MODP2048_PROPOSAL: IkeProposal = {
  'ike.encryption': ['AES256'],
  'ike.integrity': DEFAULT_INTEGRITY,
  'ike.dhGroup': ['Group14'],
};

/**
 * esp = aes256-aes128-3des-des-null-sha1, published for value 2 only.
 * NOTE: the ESP proposals for values 0 and 1, and whether the default proposals carry a
 * PFS group, are not documented; this list is used for all values and PfsGroup is not
 * compared (every value is accepted).
 */
const DEFAULT_ESP_PROPOSAL: EspProposal = {
  'esp.cipher': ['AES256', 'AES128', 'DES3', 'DES', 'None'],
  'esp.integrity': ['SHA196'],
  'esp.pfsGroup': ['None', 'PFS1', 'PFS2', 'PFS2048', 'ECP256', 'ECP384', 'PFSMM', 'PFS24'],
};

export const WINDOWS_11_FIRST_BUILD = 22000;

/**
 * The default proposals of a client. `osBuild` is the third part of the Windows version
 * (22631 for 10.0.22631); when unknown, the Windows 10 proposals are used.
 */
export function windowsDefaultProposals(registryValue: 0 | 1 | 2, osBuild?: number): ProposalSet {
  const isWindows11 = osBuild !== undefined && osBuild >= WINDOWS_11_FIRST_BUILD;
  let ike: IkeProposal[];
  if (registryValue === 2) {
    ike = [AES256_MODP2048_PROPOSAL];
  } else {
    ike = isWindows11 ? [CLASSIC_PROPOSAL, WINDOWS_11_GCM_PROPOSAL] : [CLASSIC_PROPOSAL];
    if (registryValue === 1) {
      // NOTE: value 1 is documented only as "Enable AES-256-CBC and MODP-2048"; it is
      // modelled as the value 2 proposal offered in addition to the default ones.
      ike.push(AES256_MODP2048_PROPOSAL);
    }
  }
  let system = 'Windows';
  if (osBuild !== undefined) {
    system = isWindows11 ? 'Windows 11' : 'Windows 10';
  }
  return {
    label: `${system} default proposals (NegotiateDH2048_AES256 = ${registryValue})`,
    ike,
    esp: [DEFAULT_ESP_PROPOSAL],
  };
}

/** The build number of a version such as `10.0.22631`, or undefined. */
export function parseOsBuild(version: string | undefined): number | undefined {
  const build = version?.split('.')[2];
  return build !== undefined && /^\d+$/.test(build) ? Number(build) : undefined;
}
