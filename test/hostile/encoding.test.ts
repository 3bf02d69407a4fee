/** Baselines and EAP files in encodings other than UTF-8 and UTF-16. */
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { REPO_ROOT, SAMPLE_EAP, validBaseline, writeBaseline } from '../helpers/baselines.js';
import { runCommand } from '../helpers/cli.js';
import { readFileSync, writeFileSync } from 'node:fs';

/** Encodes text as Windows-1252 for the characters used here (ASCII plus ü). */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(
    Array.from(text, (character) => (character === 'ü' ? 0xfc : character.charCodeAt(0))),
  );
}

describe('text encoding', () => {
  test('Windows-1252 baseline is an input error', async () => {
    const baseline = validBaseline();
    baseline.connections[1]!.name = 'Zürich VPN';
    const text = stringify(baseline);
    const path = writeBaseline('');
    writeFileSync(path, windows1252(text));
    const loaded = loadBaselineFile(path);
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes('Zürich')) + 1;
    expect(loaded.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['file-unreadable']);
    expect(loaded.diagnostics[0]?.position?.line).toBe(line);
    expect(loaded.diagnostics[0]?.position?.column).toBe(lines[line - 1]!.indexOf('ü') + 1);
    const run = await runCommand(['validate', path], REPO_ROOT);
    expect(run.exitCode).toBe(2);
  });

  test('U+FFFD written in UTF-8 is accepted', () => {
    const baseline = validBaseline();
    baseline.description = 'replacement \uFFFD character';
    const loaded = loadBaselineFile(writeBaseline(baseline));
    expect(loaded.diagnostics).toEqual([]);
  });

  test('Windows-1252 EAP file is rejected', () => {
    const eap = readFileSync(SAMPLE_EAP, 'utf8').replace('nps.corp', 'nps-zürich.corp');
    const path = writeBaseline(validBaseline(), 'baseline.yaml', { 'eap.xml': windows1252(eap) });
    const loaded = loadBaselineFile(path);
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'user-tunnel-eap');
    expect(diagnostic?.message).toContain('not valid UTF-8 at line');
  });
});
