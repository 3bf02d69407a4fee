/**
 * Proposals: what one side of an IKEv2 negotiation offers or accepts. A Windows custom
 * policy is one proposal with one value per field; Windows' defaults and a gateway
 * such as strongSwan offer several. Every peer is reduced to a ProposalSet, so a new
 * kind of peer only needs a reader that produces one (see docs/check.md).
 */
import { PFS_GROUP_OF_DH_GROUP, type CryptoFieldKey } from '../../crypto/vocabulary.js';

export const IKE_FIELDS = ['ike.encryption', 'ike.integrity', 'ike.dhGroup'] as const;
export const ESP_FIELDS = ['esp.cipher', 'esp.integrity', 'esp.pfsGroup'] as const;

/** One proposal: the values accepted for each field, in PowerShell spelling. */
export type Proposal<K extends CryptoFieldKey> = Readonly<Record<K, readonly string[]>>;

export interface ProposalSet {
  /** Name of the peer in messages, such as `Windows default proposals (NegotiateDH2048_AES256 = 0)`. */
  label: string;
  ike: ReadonlyArray<Proposal<(typeof IKE_FIELDS)[number]>>;
  /** Empty when the child SA proposals are unknown; the ESP fields are then not compared. */
  esp: ReadonlyArray<Proposal<(typeof ESP_FIELDS)[number]>>;
}

/**
 * Builds the single proposal of a custom policy. PfsGroup PFSMM is resolved to the PFS
 * value of the policy's own DHGroup, the group it puts on the wire at a rekey.
 */
export function customPolicyProposals(
  label: string,
  values: Readonly<Record<CryptoFieldKey, string>>,
): ProposalSet {
  const one = (key: CryptoFieldKey): string[] => [values[key]];
  return {
    label,
    ike: [
      {
        'ike.encryption': one('ike.encryption'),
        'ike.integrity': one('ike.integrity'),
        'ike.dhGroup': one('ike.dhGroup'),
      },
    ],
    esp: [
      {
        'esp.cipher': one('esp.cipher'),
        'esp.integrity': one('esp.integrity'),
        'esp.pfsGroup': effectivePfsGroup(values['esp.pfsGroup'], values['ike.dhGroup']),
      },
    ],
  };
}

function effectivePfsGroup(pfsGroup: string, dhGroup: string): string[] {
  return [pfsGroup === 'PFSMM' ? (PFS_GROUP_OF_DH_GROUP[dhGroup] ?? pfsGroup) : pfsGroup];
}

/** A field for which no value is offered by both peers. */
export interface FieldGap {
  field: CryptoFieldKey;
  initiator: string[];
  responder: string[];
}

/**
 * Compares what an initiator offers with what a responder accepts. Returns the fields
 * with no common value, or `combination` when every field has a common value but no
 * pair of proposals agrees on all of them at once.
 */
export function findProposalGaps(
  initiator: ProposalSet,
  responder: ProposalSet,
): { gaps: FieldGap[]; combination: Array<'ike' | 'esp'> } {
  const gaps: FieldGap[] = [];
  const combination: Array<'ike' | 'esp'> = [];
  const groups = [
    { name: 'ike' as const, fields: IKE_FIELDS, left: initiator.ike, right: responder.ike },
    { name: 'esp' as const, fields: ESP_FIELDS, left: initiator.esp, right: responder.esp },
  ];
  for (const group of groups) {
    if (group.left.length === 0 || group.right.length === 0) {
      continue;
    }
    const left = group.left as ReadonlyArray<Record<string, readonly string[]>>;
    const right = group.right as ReadonlyArray<Record<string, readonly string[]>>;
    const groupGaps = group.fields
      .map((field) => ({ field, initiator: union(left, field), responder: union(right, field) }))
      .filter((gap) => !gap.initiator.some((value) => gap.responder.includes(value)));
    gaps.push(...groupGaps);
    const anyPairAgrees = left.some((mine) =>
      right.some((theirs) =>
        group.fields.every((field) => mine[field]!.some((value) => theirs[field]!.includes(value))),
      ),
    );
    if (groupGaps.length === 0 && !anyPairAgrees) {
      combination.push(group.name);
    }
  }
  return { gaps, combination };
}

function union(
  proposals: ReadonlyArray<Record<string, readonly string[]>>,
  field: string,
): string[] {
  return [...new Set(proposals.flatMap((proposal) => proposal[field] ?? []))];
}
