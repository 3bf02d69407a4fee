/**
 * The strongSwan gateway proposals for a baseline, spelled from STRONGSWAN_SPELLING.
 *
 * Each list contains exactly one proposal because a Windows client with a custom policy
 * offers exactly one IKE and one ESP proposal.
 */
import type { Baseline } from '../../baseline/types.js';
import {
  spell,
  STRONGSWAN_PRF_SPELLING,
  STRONGSWAN_SPELLING,
  type CryptoFieldKey,
} from '../../crypto/vocabulary.js';
import { headerLines, type RenderContext } from '../../render/context.js';

export interface StrongswanProposals {
  /** swanctl.conf `proposals`, ipsec.conf `ike=` without the trailing `!`. */
  ike: string;
  /** swanctl.conf `esp_proposals`, ipsec.conf `esp=` without the trailing `!`. */
  esp: string;
}

function spellRequired(key: CryptoFieldKey, value: string): string {
  const keyword = spell(STRONGSWAN_SPELLING, key, value);
  if (keyword === null) {
    throw new Error(
      `${key} ${value} has no strongSwan keyword; validation should have rejected it`,
    );
  }
  return keyword;
}

function buildIkeProposal(ike: Baseline['ike']): string {
  const keywords = [spellRequired('ike.encryption', ike.encryption)];
  if (ike.encryption.startsWith('GCM')) {
    // NOTE: Microsoft does not document which PRF Windows pairs with an AES-GCM IKE
    // cipher; this assumes ike.integrity. The strongSwan end-to-end test checks that a
    // strongSwan initiator offering the modelled Windows proposal connects.
    const prf = STRONGSWAN_PRF_SPELLING[ike.integrity];
    if (prf === undefined) {
      throw new Error(`ike.integrity ${ike.integrity} has no strongSwan PRF keyword`);
    }
    keywords.push(prf);
  } else {
    keywords.push(spellRequired('ike.integrity', ike.integrity));
  }
  keywords.push(spellRequired('ike.dhGroup', ike.dhGroup));
  return keywords.join('-');
}

function spellPfsGroup(baseline: Baseline): string | null {
  if (baseline.esp.pfsGroup === 'PFSMM') {
    // PFSMM is "the same Diffie-Hellman group as main mode" (IPSEC_PFS_GROUP docs).
    return spellRequired('ike.dhGroup', baseline.ike.dhGroup);
  }
  return spell(STRONGSWAN_SPELLING, 'esp.pfsGroup', baseline.esp.pfsGroup);
}

function buildEspProposal(baseline: Baseline): string {
  const { cipher, integrity } = baseline.esp;
  if (cipher === 'None') {
    throw new Error(
      'esp.cipher None has no strongSwan proposal; validation should have rejected it',
    );
  }
  const keywords = [spellRequired('esp.cipher', cipher)];
  const integrityKeyword = spell(STRONGSWAN_SPELLING, 'esp.integrity', integrity);
  if (integrityKeyword !== null) {
    keywords.push(integrityKeyword);
  }
  const pfs = spellPfsGroup(baseline);
  if (pfs !== null) {
    keywords.push(pfs);
  }
  return keywords.join('-');
}

/** Builds the gateway proposals for a baseline. */
export function buildStrongswanProposals(baseline: Baseline): StrongswanProposals {
  return { ike: buildIkeProposal(baseline.ike), esp: buildEspProposal(baseline) };
}

/** Connection name for both files: the baseline name, with dots (swanctl.conf path separators) as dashes. */
export function buildConnectionName(baseline: Baseline): string {
  return baseline.name.replace(/\./g, '-');
}

/** Everything the two strongSwan templates read. */
export function buildStrongswanView(context: RenderContext) {
  const { baseline } = context;
  return {
    header: headerLines(context),
    connection: buildConnectionName(baseline),
    proposals: buildStrongswanProposals(baseline),
    ike: baseline.ike,
    esp: baseline.esp,
  };
}
