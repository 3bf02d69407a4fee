/** Findings a change adds or removes, compared by rule code and baseline path. */
import { formatPath, type Diagnostic } from '../diagnostics.js';
import type { FindingChange } from './model.js';

const findingKey = (diagnostic: Diagnostic): string =>
  `${diagnostic.code} ${formatPath(diagnostic.path)}`;

function toFindingChange(diagnostic: Diagnostic): FindingChange {
  return {
    code: diagnostic.code,
    severity: diagnostic.severity,
    path: formatPath(diagnostic.path),
    message: diagnostic.message,
    waived: diagnostic.waiver !== undefined,
  };
}

/**
 * Lists findings present only in the new version (added) or only in the old one
 * (removed). A finding that stays but becomes waived or unwaived counts as removed
 * and added, so the waiver change shows in the output.
 */
export function diffFindings(
  old: readonly Diagnostic[],
  next: readonly Diagnostic[],
): { added: FindingChange[]; removed: FindingChange[] } {
  const keyWithWaiver = (diagnostic: Diagnostic) =>
    `${findingKey(diagnostic)} ${diagnostic.waiver === undefined ? '' : 'waived'}`;
  const oldKeys = new Set(old.map(keyWithWaiver));
  const newKeys = new Set(next.map(keyWithWaiver));
  return {
    added: next
      .filter((diagnostic) => !oldKeys.has(keyWithWaiver(diagnostic)))
      .map(toFindingChange),
    removed: old
      .filter((diagnostic) => !newKeys.has(keyWithWaiver(diagnostic)))
      .map(toFindingChange),
  };
}
