/**
 * Predicts which IKEv2 exchange fails between a Windows client and a gateway, from their
 * proposals alone.
 *
 * RFC 7296: IKE_SA_INIT negotiates the IKE SA proposal. IKE_AUTH creates the first child
 * SA, whose keys come from the IKE SA, so its KE transforms are not negotiated there
 * (strongSwan ignores them). Only the CREATE_CHILD_SA exchange that rekeys the child SA
 * negotiates the PFS group. A proposal matches when every
 * transform type has a transform in common, where a missing KE transform stands for KE
 * NONE (section 3.3.3) and a missing ESN transform for "no ESN", as strongSwan treats it.
 */
import { transformsOfType, type Proposal } from './proposals.js';
import { transformKey, type Transform, type TransformType } from './transforms.js';

/** Exchange that fails, named as in RFC 7296. CHILD_SA_REKEY is the CREATE_CHILD_SA exchange of a rekey. */
export type FailedExchange = 'IKE_SA_INIT' | 'IKE_AUTH' | 'CHILD_SA_REKEY';

export interface Prediction {
  /** The first exchange that fails, or null when the IKE SA, the child SA and its rekey all succeed. */
  failedExchange: FailedExchange | null;
  /** Transform types without a common transform, for the failing exchange's closest proposal pair. */
  mismatchedTypes: TransformType[];
}

/** Both sides' proposals, in the order each side prefers. */
export interface ProposalSets {
  ike: Proposal[];
  esp: Proposal[];
}

const TYPES: readonly TransformType[] = ['ENCR', 'INTEG', 'PRF', 'KE', 'ESN'];

function normalizedKeys(proposal: Proposal, type: TransformType): Set<string> {
  const transforms = transformsOfType(proposal, type);
  if (transforms.length > 0) {
    return new Set(transforms.map(transformKey));
  }
  const none: Transform = { type, id: 0 };
  return new Set([transformKey(none)]);
}

/** Transform types on which two proposals have nothing in common. */
function findMismatchedTypes(
  client: Proposal,
  gateway: Proposal,
  ignored: readonly TransformType[],
): TransformType[] {
  return TYPES.filter((type) => {
    if (ignored.includes(type)) {
      return false;
    }
    const gatewayKeys = normalizedKeys(gateway, type);
    return ![...normalizedKeys(client, type)].some((key) => gatewayKeys.has(key));
  });
}

/**
 * Finds the proposal pair with the fewest mismatched types and returns those types, so
 * an empty list means some pair matches. With no proposals on a side, every type counts.
 */
function closestMismatch(
  client: readonly Proposal[],
  gateway: readonly Proposal[],
  ignored: readonly TransformType[] = [],
): TransformType[] {
  let closest: TransformType[] | undefined;
  for (const clientProposal of client) {
    for (const gatewayProposal of gateway) {
      const mismatched = findMismatchedTypes(clientProposal, gatewayProposal, ignored);
      if (closest === undefined || mismatched.length < closest.length) {
        closest = mismatched;
      }
    }
  }
  return closest ?? TYPES.filter((type) => !ignored.includes(type));
}

/** Predicts the first failing exchange between a client offer and a gateway configuration. */
export function predictOutcome(client: ProposalSets, gateway: ProposalSets): Prediction {
  const ikeMismatch = closestMismatch(client.ike, gateway.ike);
  if (ikeMismatch.length > 0) {
    return { failedExchange: 'IKE_SA_INIT', mismatchedTypes: ikeMismatch };
  }

  const childMismatch = closestMismatch(client.esp, gateway.esp, ['KE']);
  if (childMismatch.length > 0) {
    return { failedExchange: 'IKE_AUTH', mismatchedTypes: childMismatch };
  }

  const rekeyMismatch = closestMismatch(client.esp, gateway.esp);
  if (rekeyMismatch.length > 0) {
    return { failedExchange: 'CHILD_SA_REKEY', mismatchedTypes: rekeyMismatch };
  }
  return { failedExchange: null, mismatchedTypes: [] };
}
