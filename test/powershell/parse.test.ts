import { basename } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { caseNames, NAME_CASES, writeNameCaseBaseline } from './edge-cases.js';
import {
  removeRenderedScripts,
  renderScripts,
  SHIPPED_BASELINES,
  type GeneratedScript,
} from './generate.js';
import { formatFindings, inspectScripts, type InspectResult } from './inspect.js';
import { SCRIPT_FAMILIES } from './script-families.js';
import { describePowerShell } from './tools.js';

const shipped = SHIPPED_BASELINES.flatMap((file) => renderScripts(file));
const edgeCases = NAME_CASES.map((nameCase) => ({
  nameCase,
  scripts: renderScripts(writeNameCaseBaseline(nameCase), true),
}));
const allScripts: GeneratedScript[] = [...shipped, ...edgeCases.flatMap(({ scripts }) => scripts)];

/** Names a script must carry as string literals: its connections, or the network policy. */
function namesIn(script: GeneratedScript, names: ReturnType<typeof caseNames>): string[] {
  if (script.target === 'nps') {
    return [names.policy];
  }
  if (script.target === 'client') {
    return /DeviceTunnel/.test(script.relativePath) ? [names.device] : [names.user];
  }
  return [];
}

describePowerShell('generated scripts under PowerShell', (tools) => {
  let results: Map<string, InspectResult>;

  beforeAll(() => {
    results = inspectScripts(
      tools,
      allScripts.map((script) => script.path),
    );
    process.stdout.write(
      `PowerShell parser: ${allScripts.length} scripts from ${SHIPPED_BASELINES.length} shipped and ${NAME_CASES.length} edge-case baselines\n`,
    );
  });

  afterAll(() => {
    removeRenderedScripts();
  });

  const resultOf = (script: GeneratedScript): InspectResult => results.get(script.path)!;

  it.each(SCRIPT_FAMILIES)('renders $target scripts', ({ target }) => {
    expect(shipped.filter((script) => script.target === target).length).toBeGreaterThan(0);
    for (const { nameCase, scripts } of edgeCases) {
      const targets = scripts.map((script) => script.target);
      expect(targets, `edge case ${nameCase.case} renders no ${target} script`).toContain(target);
    }
  });

  it.each(
    allScripts.map((script) => ({
      script,
      label: `${script.relativePath} ${basename(script.baseline)}`,
    })),
  )('parses $label', ({ script }) => {
    expect(formatFindings(script, resultOf(script).parseErrors)).toEqual([]);
  });

  it.each(
    allScripts.map((script) => ({
      script,
      label: `${script.relativePath} ${basename(script.baseline)}`,
    })),
  )('runs on Windows PowerShell 5.1: $label', ({ script }) => {
    expect(formatFindings(script, resultOf(script).ps51)).toEqual([]);
  });

  it.each(
    allScripts.map((script) => ({
      script,
      label: `${script.relativePath} ${basename(script.baseline)}`,
    })),
  )('binds stand-in calls: $label', ({ script }) => {
    expect(formatFindings(script, resultOf(script).binding)).toEqual([]);
  });

  it.each(edgeCases)('keeps names with $nameCase.case intact', ({ nameCase, scripts }) => {
    const names = caseNames(nameCase);
    for (const script of scripts) {
      const literals = resultOf(script)
        .strings.filter((literal) => !literal.expandable)
        .map((literal) => literal.value);
      for (const name of namesIn(script, names)) {
        expect(
          literals,
          `${script.relativePath} lacks the literal ${JSON.stringify(name)}`,
        ).toContain(name);
      }
    }
  });
});
