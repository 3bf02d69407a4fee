/** Plain-text rendering of a baseline diff, for terminals and logs. */
import type { BaselineDiff, CryptoFieldChange, FindingChange, SpelledValue } from './model.js';

/**
 * Shown where a target writes no value: ProfileXML and Graph have no None member, and
 * strongSwan implies GCM integrity in the cipher keyword and omits PfsGroup None.
 */
const NO_VALUE = '(not written)';

/** Formats one target's spelling of a change as "OLD -> NEW". */
export function describeSpelling(
  old: SpelledValue,
  next: SpelledValue,
  target: keyof SpelledValue,
): string {
  return `${old[target] ?? NO_VALUE} -> ${next[target] ?? NO_VALUE}`;
}

function formatCryptoChange(change: CryptoFieldChange): string[] {
  return [
    `  ${change.key} (${change.parameter}, ${change.sa}): ${change.old.baseline} -> ${change.new.baseline}  [${change.verdict}]`,
    `    PowerShell: ${describeSpelling(change.old, change.new, 'baseline')}; ProfileXML: ${describeSpelling(change.old, change.new, 'profileXml')}; strongSwan: ${describeSpelling(change.old, change.new, 'strongSwan')}; Graph: ${describeSpelling(change.old, change.new, 'graph')}`,
    `    Why: ${change.reason}`,
  ];
}

function formatFinding(sign: string, finding: FindingChange): string {
  const waived = finding.waived ? ' (waived)' : '';
  return `  ${sign} ${finding.severity} ${finding.code} at ${finding.path}${waived}: ${finding.message}`;
}

function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ['', title, ...lines];
}

/** Warns when the new version has unwaived rule errors, which validate and render reject. */
export function describeInvalidNewVersion(diff: BaselineDiff): string | undefined {
  if (diff.errorCounts.new === 0) {
    return undefined;
  }
  return `Warning: ${diff.new.file} has ${diff.errorCounts.new} unwaived rule error(s), so validate and render reject it; run validate for file and line.`;
}

/** Counts verdicts, such as "1 weaker, 2 equivalent". */
export function summarizeVerdicts(diff: BaselineDiff): string {
  const counts = (['stronger', 'weaker', 'equivalent'] as const)
    .map((verdict) => ({
      verdict,
      count: diff.crypto.filter((change) => change.verdict === verdict).length,
    }))
    .filter(({ count }) => count > 0)
    .map(({ verdict, count }) => `${count} ${verdict}`);
  return counts.length === 0 ? 'no crypto change' : counts.join(', ');
}

export function formatDiffText(diff: BaselineDiff): string {
  const lines = [`aovpn-baseline diff: ${diff.old.file} -> ${diff.new.file}`];
  const invalid = describeInvalidNewVersion(diff);
  if (invalid !== undefined) {
    lines.push('', invalid);
  }
  lines.push(
    ...section(
      `Crypto changes (${summarizeVerdicts(diff)}):`,
      diff.crypto.flatMap(formatCryptoChange),
    ),
    ...section(
      'Other changes:',
      diff.settings.flatMap((change) => [
        `  - ${change.summary}`,
        ...(change.explanation === undefined ? [] : [`    ${change.explanation}`]),
      ]),
    ),
    ...section(
      'Findings added:',
      diff.findings.added.map((finding) => formatFinding('+', finding)),
    ),
    ...section(
      'Findings removed:',
      diff.findings.removed.map((finding) => formatFinding('-', finding)),
    ),
    ...section(
      'Minimum Windows builds:',
      diff.builds.map(
        (build) =>
          `  ${build.side}: values need ${build.requiredOld} -> ${build.requiredNew}${build.requiredReason === '' ? '' : ` (${build.requiredReason})`}; declared windows.min${build.side === 'client' ? 'Client' : 'Server'}Build ${build.declaredOld} -> ${build.declaredNew}`,
      ),
    ),
    ...section(
      'Redeploy:',
      diff.redeploy.map(
        (item) =>
          `  - ${item.target}: ${item.artifact} (because of ${item.because.join(', ')})${item.afterDeploy === undefined ? '' : `; then ${item.afterDeploy}`}`,
      ),
    ),
  );
  if (diff.rollout !== undefined) {
    lines.push(
      '',
      'Rollout warning: an RRAS server holds exactly one custom IKEv2 policy and a Windows client offers exactly one custom proposal, so once either side changes, every client still on the other policy fails until both agree.',
      ...diff.rollout.failures.map((failure) => `  - ${failure}`),
      'Order of steps:',
      ...diff.rollout.steps.map((step, index) => `  ${index + 1}. ${step}`),
    );
  }
  if (diff.crypto.length === 0 && diff.settings.length === 0 && diff.builds.length === 0) {
    lines.push('', 'No changes.');
  }
  return `${lines.join('\n')}\n`;
}
