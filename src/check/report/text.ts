/** Plain-text report, the default output of `check`. */
import { formatDiagnostic } from '../../diagnostics.js';
import type { CheckFinding, CheckReport } from '../findings.js';
import { describeMode, summarizeVerdict } from './summary.js';

export function formatTextReport(report: CheckReport): string {
  const lines = [describeMode(report), ''];
  for (const finding of report.findings) {
    lines.push(...formatFinding(finding), '');
  }
  if (report.notes.length > 0) {
    lines.push('Notes:');
    for (const note of report.notes) {
      lines.push(
        ...formatDiagnostic(note)
          .split('\n')
          .map((line) => `  ${line}`),
      );
    }
    lines.push('');
  }
  lines.push(summarizeVerdict(report));
  return `${lines.join('\n')}\n`;
}

function formatFinding(finding: CheckFinding): string[] {
  const where =
    finding.position === undefined
      ? ''
      : ` (${finding.position.file}:${finding.position.line}:${finding.position.column})`;
  return [
    `${finding.severity.toUpperCase()} ${finding.code}: ${finding.artifact} ${finding.setting} [${finding.field}]${where}`,
    `  expected: ${finding.expected}`,
    `  actual:   ${finding.actual}`,
    `  effect:   ${finding.message}`,
    `  fix (${finding.sideToFix}): ${finding.fix}`,
  ];
}
