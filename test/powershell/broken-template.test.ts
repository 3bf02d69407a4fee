/**
 * Breaks a template on purpose and checks that the suites fail with a message naming
 * the generated script, the template and the template line to fix.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useTemplateFolder } from '../../src/render/templates.js';
import { REPO_ROOT } from '../helpers/baselines.js';
import { removeRenderedScripts, renderScripts, type GeneratedScript } from './generate.js';
import { formatFindings, inspectScripts, type InspectResult } from './inspect.js';
import { describeFailures, runPester } from './pester.js';
import { TEMPLATE_FOLDER } from './template-lines.js';
import { describePowerShell } from './tools.js';

const TEMPLATE = 'powershell/rras.ps1.hbs';
const BASELINE = join(REPO_ROOT, 'baselines/contoso.yaml');

interface Breakage {
  case: string;
  /** Text of the template line to break, and what it becomes. */
  find: string;
  replace: string;
  /** Which check must report it. */
  check: 'parseErrors' | 'ps51' | 'binding';
}

const BREAKAGES: readonly Breakage[] = [
  {
    case: 'unclosed quote',
    find: "$ErrorActionPreference = 'Stop'",
    replace: "$ErrorActionPreference = 'Stop",
    check: 'parseErrors',
  },
  {
    case: 'misspelled parameter',
    find: "Restart-Service -Name 'RemoteAccess'",
    replace: "Restart-Service -Nmae 'RemoteAccess'",
    check: 'binding',
  },
  {
    case: 'value outside an enum',
    find: '-{{parameter}} {{ps value}}{{#unless @last}}',
    replace: "-{{parameter}} 'GCMAES192'{{#unless @last}}",
    check: 'binding',
  },
  {
    case: 'ternary operator',
    find: "$ErrorActionPreference = 'Stop'",
    replace: "$ErrorActionPreference = $true ? 'Stop' : 'Continue'",
    check: 'ps51',
  },
];

/** Copies templates/ to a temporary folder with one line of TEMPLATE changed; returns the folder and line. */
function breakTemplate(breakage: Breakage): { folder: string; line: number } {
  const folder = join(mkdtempSync(join(tmpdir(), 'aovpn-broken-')), 'templates');
  cpSync(TEMPLATE_FOLDER, folder, { recursive: true });
  const path = join(folder, TEMPLATE);
  const lines = readFileSync(path, 'utf8').split('\n');
  const index = lines.findIndex((text) => text.includes(breakage.find));
  if (index < 0) {
    throw new Error(`${TEMPLATE} has no line containing ${breakage.find}; update this test`);
  }
  lines[index] = lines[index]!.replace(breakage.find, breakage.replace);
  writeFileSync(path, lines.join('\n'));
  return { folder, line: index + 1 };
}

/** Renders the baseline's rras script from a broken copy of the templates. */
function renderBroken(breakage: Breakage): {
  script: GeneratedScript;
  folder: string;
  line: number;
} {
  const { folder, line } = breakTemplate(breakage);
  const restore = useTemplateFolder(pathToFileURL(`${folder}/`));
  try {
    const script = renderScripts(BASELINE).find((candidate) => candidate.target === 'rras')!;
    return { script, folder, line };
  } finally {
    restore();
  }
}

describePowerShell('broken templates', (tools) => {
  const broken = BREAKAGES.map((breakage) => ({ breakage, ...renderBroken(breakage) }));
  let results: Map<string, InspectResult>;

  beforeAll(() => {
    results = inspectScripts(
      tools,
      broken.map(({ script }) => script.path),
    );
  });

  afterAll(() => {
    useTemplateFolder(pathToFileURL(`${TEMPLATE_FOLDER}/`))();
    removeRenderedScripts();
  });

  it.each(broken)('reports $breakage.case with template and line', (entry) => {
    const findings = results.get(entry.script.path)![entry.breakage.check];
    const messages = formatFindings(entry.script, findings, entry.folder);
    expect(messages.length, `no ${entry.breakage.check} finding`).toBeGreaterThan(0);
    expect(messages.join('\n')).toContain(`templates/${TEMPLATE} line ${entry.line}`);
    expect(messages.join('\n')).toContain(entry.script.path);
  });

  it('fails Pester with the template line of a misspelled parameter', () => {
    const entry = broken.find(({ breakage }) => breakage.case === 'misspelled parameter')!;
    const summary = runPester(tools, [{ pester: 'Rras.Tests.ps1', scripts: [entry.script] }]);
    const failures = describeFailures(summary.tests, [entry.script], entry.folder);
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.join('\n')).toContain(`templates/${TEMPLATE} line ${entry.line}`);
  });
});
