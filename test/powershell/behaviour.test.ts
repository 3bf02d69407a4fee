import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CRYPTO_FIELDS } from '../../src/crypto/vocabulary.js';
import { runCli } from '../../src/cli/main.js';
import { buildBaselineSchema } from '../../src/baseline/schema.js';
import { NAME_CASES, writeNameCaseBaseline } from './edge-cases.js';
import {
  removeRenderedScripts,
  renderScripts,
  SHIPPED_BASELINES,
  type GeneratedScript,
} from './generate.js';
import {
  describeFailures,
  describeSummary,
  runPester,
  type PesterSuite,
  type PesterSummary,
} from './pester.js';
import { SCRIPT_FAMILIES } from './script-families.js';
import { describePowerShell } from './tools.js';

const scripts: GeneratedScript[] = [
  ...SHIPPED_BASELINES.flatMap((file) => renderScripts(file)),
  ...NAME_CASES.flatMap((nameCase) => renderScripts(writeNameCaseBaseline(nameCase), true)),
];

/** Lists every crypto value the baseline schema allows, keyed by cmdlet parameter, read from the schema itself. */
function schemaValues(): Array<{ parameter: string; value: string }> {
  const schema = buildBaselineSchema() as {
    properties: Record<string, { properties: Record<string, { enum: string[] }> }>;
  };
  return CRYPTO_FIELDS.flatMap((field) => {
    const allowed = schema.properties[field.path[0]]!.properties[field.path[1]]!.enum;
    return allowed.map((value) => ({ parameter: field.parameter, value }));
  });
}

const STAND_IN_SUITE = 'StandIns.Tests.ps1';

/** Runs `check BASELINE --collected FILE...` in-process and returns its exit code and output. */
async function checkCollected(
  baseline: string,
  files: string[],
): Promise<{ code: number; output: string }> {
  let output = '';
  const write = (text: string): void => {
    output += text;
  };
  const args = ['check', baseline, ...files.flatMap((file) => ['--collected', file])];
  const code = await runCli(args, { stdout: write, stderr: write, cwd: process.cwd() });
  return { code, output };
}

describePowerShell('generated scripts under Pester', (tools) => {
  let summary: PesterSummary;
  // Folder where Pester files leave output for the tests below: the collected JSON files.
  const outputFolder = mkdtempSync(join(tmpdir(), 'aovpn-pester-out-'));

  beforeAll(() => {
    const suites: PesterSuite[] = SCRIPT_FAMILIES.map((family) => ({
      pester: family.pester,
      data: { outputFolder },
      // Edge-case baselines differ only in names, which the rras script does not carry.
      scripts: scripts.filter(
        (script) =>
          script.target === family.target && !(script.edgeCase && family.target === 'rras'),
      ),
    }));
    suites.push({ pester: STAND_IN_SUITE, scripts: [], data: { schemaValues: schemaValues() } });
    summary = runPester(tools, suites);
    const scriptCount = suites.reduce((count, suite) => count + suite.scripts.length, 0);
    process.stdout.write(`${describeSummary(summary, scriptCount)}\n`);
  });

  afterAll(() => {
    removeRenderedScripts();
    rmSync(outputFolder, { recursive: true, force: true });
  });

  it('loads every Pester file', () => {
    expect(summary.containerErrors).toEqual([]);
    expect(summary.total).toBeGreaterThan(0);
  });

  it.each([...SCRIPT_FAMILIES.map((family) => family.pester), STAND_IN_SUITE])(
    '%s passes',
    (pester) => {
      const tests = summary.tests.filter((test) => test.file === pester);
      expect(tests.length, `${pester} ran no tests`).toBeGreaterThan(0);
      expect(describeFailures(tests, scripts)).toEqual([]);
    },
  );

  it.each(SCRIPT_FAMILIES)('runs $pester on every $target script', ({ target, pester }) => {
    const tested = summary.tests.filter((test) => test.file === pester);
    const covered = scripts.filter(
      (candidate) => candidate.target === target && !(candidate.edgeCase && target === 'rras'),
    );
    expect(covered.length).toBeGreaterThan(0);
    for (const script of covered) {
      const label = `${script.relativePath} (${basename(script.baseline)})`;
      expect(
        tested.some((test) => test.name.includes(label) && test.result === 'Passed'),
        `no passing test for ${label}`,
      ).toBe(true);
    }
  });

  it.each(SHIPPED_BASELINES.map((file) => basename(file)))(
    'check reads collected files of %s',
    async (name) => {
      const folder = join(outputFolder, name);
      const files = readdirSync(folder)
        .sort()
        .map((file) => join(folder, file));
      expect(files.map((file) => basename(file))).toEqual(['client.json', 'server.json']);
      const baseline = SHIPPED_BASELINES.find((file) => basename(file) === name)!;
      const result = await checkCollected(baseline, files);
      expect(result, result.output).toMatchObject({ code: 0 });
    },
  );
});
