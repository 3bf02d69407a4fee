/** Runs the Pester suites in one pwsh process and reads back its summary. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { GeneratedScript } from './generate.js';
import { describeTemplateLine, loadTemplatePatterns, TEMPLATE_FOLDER } from './template-lines.js';
import { runPowerShellFile, type PowerShellTools } from './tools.js';

export interface PesterSuite {
  /** Pester file under test/powershell/pester. */
  pester: string;
  scripts: readonly GeneratedScript[];
  /** Extra container data, seen as $Data in the Pester file. */
  data?: unknown;
}

export interface PesterTest {
  name: string;
  file: string;
  result: 'Passed' | 'Failed' | 'Skipped' | 'NotRun' | string;
  message: string;
}

export interface PesterSummary {
  version: string;
  total: number;
  passed: number;
  failed: number;
  skipped: number;
  notRun: number;
  containerErrors: string[];
  tests: PesterTest[];
}

/** Runs every suite in one Invoke-Pester call. */
export function runPester(tools: PowerShellTools, suites: readonly PesterSuite[]): PesterSummary {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-pester-'));
  const manifestPath = join(folder, 'manifest.json');
  const resultPath = join(folder, 'result.json');
  const manifest = {
    suites: suites.map((suite) => ({
      pester: suite.pester,
      data: suite.data ?? {},
      scripts: suite.scripts.map((script) => ({
        ...script,
        baselineName: basename(script.baseline),
      })),
    })),
  };
  writeFileSync(manifestPath, JSON.stringify(manifest));
  runPowerShellFile(tools, 'Run-Pester.ps1', [
    '-ManifestPath',
    manifestPath,
    '-PesterPath',
    tools.pester,
    '-ResultPath',
    resultPath,
  ]);
  return JSON.parse(readFileSync(resultPath, 'utf8').replace(/^\uFEFF/, '')) as PesterSummary;
}

/** Formats the summary as one line, such as "Pester 5.7.1: 12 scripts, 80 tests: 78 passed, 2 failed, 0 skipped". */
export function describeSummary(summary: PesterSummary, scriptCount: number): string {
  return `Pester ${summary.version}: ${scriptCount} scripts, ${summary.total} tests: ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped + summary.notRun} skipped`;
}

/**
 * Adds the template line to every "<script>.ps1 line N" in a Pester failure message, so
 * it names the template to fix.
 */
export function annotateWithTemplates(
  message: string,
  scripts: readonly GeneratedScript[],
  templateFolder = TEMPLATE_FOLDER,
): string {
  const patterns = loadTemplatePatterns(templateFolder);
  return message.replace(/(\S+\.ps1) line (\d+)/g, (match, path: string, line: string) => {
    const script = scripts.find((candidate) => candidate.path === path);
    if (script === undefined) {
      return match;
    }
    const text = readFileSync(path, 'utf8');
    return `${match} (${describeTemplateLine(text, Number(line), patterns, script.target)})`;
  });
}

/** Failure messages of the failed tests, each with its test name and template lines. */
export function describeFailures(
  tests: readonly PesterTest[],
  scripts: readonly GeneratedScript[],
  templateFolder = TEMPLATE_FOLDER,
): string[] {
  return tests
    .filter((test) => test.result === 'Failed')
    .map(
      (test) =>
        `${test.file}: ${test.name}\n  ${annotateWithTemplates(test.message, scripts, templateFolder)}`,
    );
}
