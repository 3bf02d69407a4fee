/** Markdown rendering of a baseline diff, for pull request comments. */
import { describeInvalidNewVersion, describeSpelling, summarizeVerdicts } from './format-text.js';
import type { BaselineDiff, CryptoFieldChange, FindingChange } from './model.js';

/** Escapes text for a Markdown table cell: pipes split cells and line breaks end rows. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly string[][]): string[] {
  return [row(header), row(header.map(() => '---')), ...rows.map(row)];
}

const VERDICT_LABEL = { stronger: 'stronger', weaker: '**weaker**', equivalent: 'equivalent' };

function cryptoRow(change: CryptoFieldChange): string[] {
  return [
    `${change.key} (${change.parameter})`,
    describeSpelling(change.old, change.new, 'baseline'),
    describeSpelling(change.old, change.new, 'profileXml'),
    describeSpelling(change.old, change.new, 'strongSwan'),
    describeSpelling(change.old, change.new, 'graph'),
    VERDICT_LABEL[change.verdict],
    change.reason,
  ];
}

function findingRow(change: string, finding: FindingChange): string[] {
  return [
    change,
    `${finding.severity}${finding.waived ? ' (waived)' : ''}`,
    `\`${finding.code}\``,
    finding.path,
    finding.message,
  ];
}

function heading(title: string, body: string[]): string[] {
  return body.length === 0 ? [] : ['', `### ${title}`, '', ...body];
}

export function formatDiffMarkdown(diff: BaselineDiff): string {
  const lines = [
    `## aovpn-baseline diff: \`${diff.old.file}\` -> \`${diff.new.file}\``,
    '',
    `Crypto: ${summarizeVerdicts(diff)}.`,
  ];
  const invalid = describeInvalidNewVersion(diff);
  if (invalid !== undefined) {
    lines.push('', `> **${invalid}**`);
  }
  const cryptoTable =
    diff.crypto.length === 0
      ? []
      : table(
          [
            'Field',
            'PowerShell (baseline)',
            'ProfileXML',
            'strongSwan',
            'Graph',
            'Strength',
            'Why',
          ],
          diff.crypto.map(cryptoRow),
        );
  const findings = [
    ...diff.findings.added.map((finding) => findingRow('added', finding)),
    ...diff.findings.removed.map((finding) => findingRow('removed', finding)),
  ];
  lines.push(
    ...heading('Crypto changes', cryptoTable),
    ...heading(
      'Other changes',
      diff.settings.map(
        (change) =>
          `- ${change.summary}${change.explanation === undefined ? '' : `  \n  ${change.explanation}`}`,
      ),
    ),
    ...heading(
      'Findings',
      findings.length === 0
        ? []
        : table(['Change', 'Severity', 'Code', 'Path', 'Message'], findings),
    ),
    ...heading(
      'Minimum Windows builds',
      diff.builds.length === 0
        ? []
        : table(
            ['Side', 'Values need', 'Declared', 'Reason'],
            diff.builds.map((build) => [
              build.side,
              `${build.requiredOld} -> ${build.requiredNew}`,
              `${build.declaredOld} -> ${build.declaredNew}`,
              build.requiredReason,
            ]),
          ),
    ),
    ...heading(
      'Redeploy',
      diff.redeploy.map(
        (item) =>
          `- **${item.target}**: ${item.artifact} (because of ${item.because.map((path) => `\`${path}\``).join(', ')})${item.afterDeploy === undefined ? '' : `; then ${item.afterDeploy}`}`,
      ),
    ),
  );
  if (diff.crypto.length === 0 && diff.settings.length === 0 && diff.builds.length === 0) {
    lines.push('', 'No changes.');
  }
  if (diff.rollout !== undefined) {
    lines.push(
      '',
      '### Rollout warning',
      '',
      'An RRAS server holds exactly one custom IKEv2 policy and a Windows client offers exactly one custom proposal, so once either side changes, every client still on the other policy fails until both agree.',
      '',
      ...diff.rollout.failures.map((failure) => `- ${failure}`),
      '',
      ...diff.rollout.steps.map((step, index) => `${index + 1}. ${step}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
