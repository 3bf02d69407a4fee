/** JSON report: the CheckReport as data, for scripts and dashboards. */
import type { CheckReport } from '../findings.js';

export const REPORT_FORMAT_VERSION = 1;

export function formatJsonReport(report: CheckReport): string {
  return `${JSON.stringify({ formatVersion: REPORT_FORMAT_VERSION, ...report }, null, 2)}\n`;
}
