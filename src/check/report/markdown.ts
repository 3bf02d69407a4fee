/** Markdown report, for tickets and pull requests. */
import { formatDiagnostic } from '../../diagnostics.js';
import type { CheckReport } from '../findings.js';
import { describeMode, summarizeVerdict } from './summary.js';

/** Escapes text for a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.replace(/\|/g, '\\|')}${fence}`;
}

export function formatMarkdownReport(report: CheckReport): string {
  const lines = [
    '# aovpn-baseline check',
    '',
    describeMode(report),
    '',
    `**${summarizeVerdict(report)}**`,
    '',
  ];
  if (report.findings.length > 0) {
    lines.push('| Severity | Artifact | Setting | Expected | Actual | Fix on | Effect |');
    lines.push('|---|---|---|---|---|---|---|');
    for (const finding of report.findings) {
      lines.push(
        `| ${finding.severity} | ${cell(finding.artifact)} | ${cell(finding.setting)} (\`${finding.field}\`) | ${code(finding.expected)} | ${code(finding.actual)} | ${finding.sideToFix} | ${cell(finding.message)} |`,
      );
    }
    lines.push('', '## Fixes', '');
    const seen = new Set<string>();
    for (const { sideToFix, fix } of report.findings) {
      if (seen.has(`${sideToFix}\n${fix}`)) {
        continue;
      }
      seen.add(`${sideToFix}\n${fix}`);
      lines.push(`- ${sideToFix}:`, '', '  ```', `  ${fix}`, '  ```', '');
    }
  }
  if (report.notes.length > 0) {
    lines.push('## Notes', '');
    for (const note of report.notes) {
      lines.push(`- ${cell(formatDiagnostic(note))}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
