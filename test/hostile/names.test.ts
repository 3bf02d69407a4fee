/** Hostile connection names and header text: rejected early, or carried into valid XML. */
import { describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { renderBaseline } from '../../src/render/render.js';
import { validBaseline, writeBaseline } from '../helpers/baselines.js';
import { isXmllintAvailable } from '../helpers/xmllint.js';
import { spawnSync } from 'node:child_process';

const invisibleNames = [
  { name: 'NUL', value: 'VPN\u0000', shown: 'U+0000' },
  { name: 'line feed', value: 'VPN\nCorp', shown: 'U+000A' },
  { name: 'escape sequence', value: 'VPN\u001b[2J', shown: 'U+001B' },
  { name: 'C1 next line', value: 'VPN\u0085', shown: 'U+0085' },
  { name: 'right-to-left override', value: 'VPN\u202Elmx.exe', shown: 'U+202E' },
  { name: 'zero-width space', value: 'Contoso\u200BVPN', shown: 'U+200B' },
  { name: 'byte-order mark', value: '\uFEFFContoso VPN', shown: 'U+FEFF' },
  { name: 'noncharacter', value: 'VPN\uFFFF', shown: 'U+FFFF' },
];

describe('connection name characters', () => {
  test.each(invisibleNames)('rejects $name', ({ value, shown }) => {
    const baseline = validBaseline();
    baseline.connections[1]!.name = value;
    const loaded = loadBaselineFile(writeBaseline(baseline));
    const diagnostic = loaded.diagnostics.find(
      (candidate) => candidate.code === 'connection-name-character',
    );
    expect(diagnostic, JSON.stringify(loaded.diagnostics)).toBeDefined();
    expect(diagnostic?.severity).toBe('error');
    expect(diagnostic?.path).toEqual(['connections', 1, 'name']);
    expect(diagnostic?.message).toContain(shown);
    expect(diagnostic?.message).not.toContain(value);
  });

  test('accepts letters beyond ASCII', () => {
    const baseline = validBaseline();
    baseline.connections[1]!.name = 'Zürich VPN – 東京';
    const loaded = loadBaselineFile(writeBaseline(baseline));
    expect(loaded.diagnostics).toEqual([]);
  });
});

describe('header text in XML comments', () => {
  test.runIf(isXmllintAvailable())('noncharacter in description stays well-formed', () => {
    const baseline = validBaseline();
    baseline.description = 'Contoso \uFFFF\uFFFE baseline';
    const loaded = loadBaselineFile(writeBaseline(baseline));
    const files = renderBaseline(loaded);
    for (const file of files.filter((candidate) => candidate.path.endsWith('.xml'))) {
      const lint = spawnSync('xmllint', ['--noout', '-'], { input: file.content });
      expect(lint.stderr.toString(), file.path).toBe('');
      expect(lint.status, file.path).toBe(0);
    }
  });
});
