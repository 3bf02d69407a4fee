/** Sentences shared by the text and Markdown reports. */
import type { CheckReport } from '../findings.js';

export function describeMode(report: CheckReport): string {
  const inputs = report.inputs.map((input) => `${input.artifact} (${input.kind})`).join(', ');
  const mode =
    report.mode === 'drift'
      ? `Machines against baseline ${report.baseline}`
      : 'Clients against the server, without a baseline';
  return `${mode}. Inputs: ${inputs === '' ? 'none' : inputs}.`;
}

export function summarizeVerdict(report: CheckReport): string {
  const count = (severity: string): number =>
    report.findings.filter((finding) => finding.severity === severity).length;
  const warnings = count('warning');
  const warningText = warnings === 0 ? '' : `, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  switch (report.verdict) {
    case 'agreement':
      return `Result: agreement${warningText}.`;
    case 'mismatch':
      return `Result: mismatch: ${count('mismatch')} field(s) differ between client and server${count('drift') > 0 ? `, ${count('drift')} drift` : ''}${warningText}.`;
    case 'drift':
      return `Result: drift: ${count('drift')} field(s) differ from the baseline${warningText}.`;
  }
}
