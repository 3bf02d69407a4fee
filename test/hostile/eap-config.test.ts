/** Hostile eapConfig paths and EAP files: each must be a diagnostic at eapConfig, never a hang. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { SAMPLE_EAP, validBaseline, writeBaseline } from '../helpers/baselines.js';
import { runCommand } from '../helpers/cli.js';

const NAMESPACE = 'http://www.microsoft.com/provisioning/EapHostConfig';

/** Line of eapConfig in the YAML that validBaseline() stringifies to. */
function eapConfigLine(path: string): number {
  const lines = readFileSync(path, 'utf8').split('\n');
  return lines.findIndex((line) => line.includes('eapConfig:')) + 1;
}

function loadWithEap(eapConfig: string, prepare: (folder: string) => void = () => {}) {
  const baseline = validBaseline();
  baseline.connections[1]!.eapConfig = eapConfig;
  const path = writeBaseline(baseline);
  prepare(dirname(path));
  return { path, loaded: loadBaselineFile(path) };
}

function expectEapDiagnostic(
  path: string,
  loaded: ReturnType<typeof loadBaselineFile>,
  text: string,
) {
  const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'user-tunnel-eap');
  expect(diagnostic, JSON.stringify(loaded.diagnostics)).toBeDefined();
  expect(diagnostic?.position?.line).toBe(eapConfigLine(path));
  expect(diagnostic?.message).toContain(text);
}

describe('eapConfig path', () => {
  test('symlink to /dev/zero is rejected', () => {
    const { path, loaded } = loadWithEap('zero.xml', (folder) =>
      symlinkSync('/dev/zero', join(folder, 'zero.xml')),
    );
    expectEapDiagnostic(path, loaded, 'is not a regular file');
  });

  test('FIFO is rejected', () => {
    const { path, loaded } = loadWithEap('pipe.xml', (folder) => {
      const made = spawnSync('mkfifo', [join(folder, 'pipe.xml')]);
      expect(made.status).toBe(0);
    });
    expectEapDiagnostic(path, loaded, 'is not a regular file');
  });

  test('folder is rejected', () => {
    const { path, loaded } = loadWithEap('eap', (folder) => mkdirSync(join(folder, 'eap')));
    expectEapDiagnostic(path, loaded, 'is a folder');
  });

  test('oversized file is rejected', () => {
    const padding = ' '.repeat(2 * 1024 * 1024);
    const { path, loaded } = loadWithEap('big.xml', (folder) =>
      writeFileSync(join(folder, 'big.xml'), readFileSync(SAMPLE_EAP, 'utf8') + padding),
    );
    expectEapDiagnostic(path, loaded, 'is larger than');
  });

  test.each([SAMPLE_EAP, 'C:\\eap\\peap.xml', '\\\\server\\share\\peap.xml'])(
    'absolute path is rejected: %s',
    (eapConfig) => {
      const { path, loaded } = loadWithEap(eapConfig);
      expectEapDiagnostic(path, loaded, 'is an absolute path');
    },
  );

  test('backslash separator is rejected', () => {
    const { path, loaded } = loadWithEap('eap\\peap.xml', (folder) => {
      mkdirSync(join(folder, 'eap'));
      writeFileSync(join(folder, 'eap', 'peap.xml'), readFileSync(SAMPLE_EAP));
    });
    expectEapDiagnostic(path, loaded, 'contains a backslash');
  });
});

describe('EAP file content', () => {
  const root = (inner: string) => `<EapHostConfig xmlns="${NAMESPACE}">${inner}</EapHostConfig>`;
  const cases = [
    { name: 'mismatched tags', xml: root('<a></b>'), problem: 'end tag </b>' },
    { name: 'CDATA end in text', xml: root('<a>]]></a>'), problem: '"]]>"' },
    { name: 'double hyphen comment', xml: root('<!-- a -- b -->'), problem: '"--"' },
    { name: 'undefined entity', xml: root('&bogus;'), problem: 'an &' },
    { name: 'duplicate attribute', xml: root('<a b="1" b="2"/>'), problem: 'appears twice' },
    { name: 'control character', xml: root('\u0001'), problem: 'U+0001' },
    { name: 'inner declaration', xml: root('<?xml version="1.0"?>'), problem: 'declaration' },
    { name: 'inner DOCTYPE', xml: root('\n<!DOCTYPE x>\n'), problem: 'line 2, column 1' },
    { name: 'second root', xml: root('') + root(''), problem: 'second root' },
    {
      name: 'markup injection',
      xml: `${root('')}</Configuration></Eap></Authentication><Injected/><Authentication><Eap><Configuration>${root('')}`,
      problem: 'end tag </Configuration>',
    },
  ];

  test.each(cases)('validate rejects $name', ({ xml, problem }) => {
    const baseline = validBaseline();
    const path = writeBaseline(baseline, 'baseline.yaml', { 'eap.xml': xml });
    const loaded = loadBaselineFile(path);
    expectEapDiagnostic(path, loaded, problem);
  });

  test.each(cases)('render writes nothing: $name', async ({ xml }) => {
    const path = writeBaseline(validBaseline(), 'baseline.yaml', { 'eap.xml': xml });
    const out = join(dirname(path), 'out');
    const run = await runCommand(['render', path, '--out', out], dirname(path));
    expect(run.exitCode).toBe(1);
    expect(readdirSync(dirname(path))).not.toContain('out');
  });

  test('well-formed export with CDATA is accepted', () => {
    const xml = `<?xml version="1.0"?>\n<!-- export -->\n${root('<a x="&amp;"><![CDATA[<b>]]></a>&#65;')}\n`;
    const path = writeBaseline(validBaseline(), 'baseline.yaml', { 'eap.xml': xml });
    const loaded = loadBaselineFile(path);
    expect(loaded.diagnostics).toEqual([]);
  });
});
