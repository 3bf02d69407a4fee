/** Changes to the six crypto values, spelled for every target and classified by strength. */
import type { Baseline } from '../baseline/types.js';
import { compareStrength } from '../crypto/strength.js';
import {
  CRYPTO_FIELDS,
  GRAPH_SPELLING,
  PROFILE_XML_SPELLING,
  spell,
  STRONGSWAN_SPELLING,
  type CryptoField,
} from '../crypto/vocabulary.js';
import type { CryptoFieldChange, SpelledValue } from './model.js';

function valueOf(baseline: Baseline, field: CryptoField): string {
  const section = baseline[field.path[0]] as unknown as Record<string, string>;
  return section[field.path[1]]!;
}

/** Spells a value for each target. strongSwan writes PFSMM as the IKE group's keyword. */
export function spellValue(field: CryptoField, value: string, baseline: Baseline): SpelledValue {
  const strongSwan =
    field.key === 'esp.pfsGroup' && value === 'PFSMM'
      ? spell(STRONGSWAN_SPELLING, 'ike.dhGroup', baseline.ike.dhGroup)
      : spell(STRONGSWAN_SPELLING, field.key, value);
  return {
    baseline: value,
    profileXml: spell(PROFILE_XML_SPELLING, field.key, value),
    strongSwan,
    graph: spell(GRAPH_SPELLING, field.key, value),
  };
}

/**
 * Lists the crypto fields whose value differs, in CRYPTO_FIELDS order. A PfsGroup of
 * PFSMM is compared as the IKE group it repeats.
 */
export function diffCryptoFields(old: Baseline, next: Baseline): CryptoFieldChange[] {
  const changes: CryptoFieldChange[] = [];
  for (const field of CRYPTO_FIELDS) {
    const before = valueOf(old, field);
    const after = valueOf(next, field);
    if (before === after) {
      continue;
    }
    const comparison = compareStrength(
      field.key,
      { value: before, ikeDhGroup: old.ike.dhGroup },
      { value: after, ikeDhGroup: next.ike.dhGroup },
    );
    changes.push({
      key: field.key,
      parameter: field.parameter,
      sa: field.sa,
      old: spellValue(field, before, old),
      new: spellValue(field, after, next),
      verdict: comparison.verdict,
      reason: comparison.reason,
    });
  }
  return changes;
}

/**
 * Notes the effective PFS change when esp.pfsGroup stays PFSMM while ike.dhGroup
 * changes, because the child SA rekeys then change group too.
 */
export function describePfsFollowingIkeGroup(old: Baseline, next: Baseline): string | undefined {
  if (
    old.esp.pfsGroup !== 'PFSMM' ||
    next.esp.pfsGroup !== 'PFSMM' ||
    old.ike.dhGroup === next.ike.dhGroup
  ) {
    return undefined;
  }
  return `esp.pfsGroup stays PFSMM, so child SA rekeys change from ${old.ike.dhGroup} to ${next.ike.dhGroup} along with ike.dhGroup`;
}
