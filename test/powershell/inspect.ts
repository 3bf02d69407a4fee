/** Runs PowerShell's parser over generated scripts and turns its findings into messages. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { REPO_ROOT } from '../helpers/baselines.js';
import type { GeneratedScript } from './generate.js';
import { describeTemplateLine, loadTemplatePatterns, TEMPLATE_FOLDER } from './template-lines.js';
import { runPowerShellFile, type PowerShellTools } from './tools.js';

export interface Finding {
  line: number;
  column: number;
  message: string;
  rule?: string;
}

export interface InspectResult {
  path: string;
  parseErrors: Finding[];
  strings: Array<{ value: string; expandable: boolean; line: number }>;
  ps51: Finding[];
  binding: Finding[];
}

/** Parses every path in one pwsh process and returns the results keyed by path. */
export function inspectScripts(
  tools: PowerShellTools,
  paths: readonly string[],
): Map<string, InspectResult> {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-inspect-'));
  const input = join(folder, 'paths.json');
  const output = join(folder, 'results.json');
  writeFileSync(input, JSON.stringify(paths));
  runPowerShellFile(tools, 'Inspect-Scripts.ps1', ['-InputPath', input, '-OutputPath', output]);
  const results = JSON.parse(
    readFileSync(output, 'utf8').replace(/^\uFEFF/, ''),
  ) as InspectResult[];
  return new Map(results.map((result) => [result.path, result]));
}

/**
 * Formats findings as "script line L:C (from template line N): message", so a failure
 * names the generated file, its baseline and the template line to fix.
 */
export function formatFindings(
  script: GeneratedScript,
  findings: readonly Finding[],
  templateFolder = TEMPLATE_FOLDER,
): string[] {
  if (findings.length === 0) {
    return [];
  }
  const text = readFileSync(script.path, 'utf8');
  const patterns = loadTemplatePatterns(templateFolder);
  const baseline = relative(REPO_ROOT, script.baseline);
  const baselineLabel =
    baseline.startsWith('..') || isAbsolute(baseline) ? script.baseline : baseline;
  return findings.map((finding) => {
    const origin = describeTemplateLine(text, finding.line, patterns, script.target);
    const rule = finding.rule === undefined ? '' : ` [${finding.rule}]`;
    return `${script.path} line ${finding.line}:${finding.column} (${origin}; baseline ${baselineLabel})${rule}: ${finding.message}`;
  });
}
