/**
 * IKEv2 proposals as sets of transforms, parsed from strongSwan keyword strings
 * (`aes128gcm16-prfsha256-modp2048`) and from charon log text
 * (`IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/MODP_2048`), and written back as keywords.
 */
import {
  buildUnknownTransform,
  findTransformByKeyword,
  findTransformByLogName,
  isAead,
  keywordOf,
  logNameOf,
  type Transform,
  type TransformType,
} from './transforms.js';

export type Protocol = 'IKE' | 'ESP';

/** One proposal: for each transform type, the transforms it accepts, in order. */
export interface Proposal {
  protocol: Protocol;
  transforms: Transform[];
}

/** A proposal string that could not be parsed, with the offending word. */
export interface ProposalError {
  text: string;
  word: string;
  reason: string;
}

export type ParsedProposal = { proposal: Proposal } | { error: ProposalError };

const PRF_FOR_INTEGRITY: Readonly<Record<number, number>> = { 1: 1, 2: 2, 12: 5, 13: 6, 14: 7 };

/** Returns the transforms of one type in a proposal. */
export function transformsOfType(proposal: Proposal, type: TransformType): Transform[] {
  return proposal.transforms.filter((transform) => transform.type === type);
}

/**
 * Parses one strongSwan proposal such as `aes128-sha256-modp2048` for IKE or ESP.
 * Like charon, an IKE proposal without a PRF keyword takes its PRFs from the integrity
 * keywords, and an AEAD proposal keeps no integrity transform.
 */
export function parseKeywordProposal(text: string, protocol: Protocol): ParsedProposal {
  const transforms: Transform[] = [];
  for (const word of text.trim().split('-')) {
    const transform = findTransformByKeyword(word);
    if (transform === undefined) {
      return { error: { text, word, reason: 'not a strongSwan proposal keyword' } };
    }
    transforms.push(transform);
  }
  return completeProposal({ protocol, transforms }, text);
}

function completeProposal(proposal: Proposal, text: string): ParsedProposal {
  const ciphers = transformsOfType(proposal, 'ENCR');
  if (ciphers.length === 0) {
    return { error: { text, word: text, reason: 'the proposal has no encryption algorithm' } };
  }
  const aead = ciphers.some(isAead);
  if (aead && ciphers.some((cipher) => !isAead(cipher))) {
    return {
      error: {
        text,
        word: text,
        reason: 'AEAD and non-AEAD ciphers must be in separate proposals',
      },
    };
  }
  if (proposal.protocol === 'IKE' && transformsOfType(proposal, 'PRF').length === 0) {
    for (const integrity of transformsOfType(proposal, 'INTEG')) {
      const prf = PRF_FOR_INTEGRITY[integrity.id];
      if (prf !== undefined) {
        proposal.transforms.push({ type: 'PRF', id: prf });
      }
    }
  }
  if (aead) {
    proposal.transforms = proposal.transforms.filter((transform) => transform.type !== 'INTEG');
  }
  return { proposal };
}

/** Parses a comma-separated list of strongSwan proposals, as in `proposals = a, b`. */
export function parseKeywordProposalList(text: string, protocol: Protocol): ParsedProposal[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((item) => parseKeywordProposal(item, protocol));
}

/** Parses one proposal as charon logs it, such as `ESP:AES_GCM_16_128/NO_EXT_SEQ`. */
export function parseLoggedProposal(text: string): ParsedProposal {
  const match = /^(IKE|ESP):(.+)$/.exec(text.trim());
  if (match === null) {
    return { error: { text, word: text, reason: 'expected IKE:... or ESP:...' } };
  }
  const transforms: Transform[] = [];
  for (const name of match[2]!.split('/')) {
    if (!/^[A-Z0-9_]+$/.test(name)) {
      return { error: { text, word: name, reason: 'not a transform name charon logs' } };
    }
    transforms.push(findTransformByLogName(name) ?? buildUnknownTransform(name));
  }
  return { proposal: { protocol: match[1] as Protocol, transforms } };
}

/** Writes a proposal as a strongSwan keyword string, PRF named explicitly for IKE. */
export function formatKeywordProposal(proposal: Proposal): string {
  const order: TransformType[] = ['ENCR', 'INTEG', 'PRF', 'KE', 'ESN'];
  return order
    .flatMap((type) => transformsOfType(proposal, type))
    .filter((transform) => !(transform.type === 'KE' && transform.id === 0))
    .filter((transform) => !(transform.type === 'ESN' && transform.id === 0))
    .map(keywordOf)
    .join('-');
}

/** Writes a proposal the way charon logs it, for messages. */
export function formatLoggedProposal(proposal: Proposal): string {
  const order: TransformType[] = ['ENCR', 'INTEG', 'PRF', 'KE', 'ESN'];
  const names = order.flatMap((type) => transformsOfType(proposal, type)).map(logNameOf);
  return `${proposal.protocol}:${names.join('/')}`;
}
