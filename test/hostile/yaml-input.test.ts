/** Hostile and malformed YAML baselines: each must end in a diagnostic, never a crash. */
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { loadBaselineText } from '../../src/baseline/load.js';
import { REPO_ROOT, validBaseline, writeBaseline } from '../helpers/baselines.js';
import { runCommand } from '../helpers/cli.js';

/** Nine levels of nine aliases each: 9^9 strings once expanded ("billion laughs"). */
function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 10; level++) {
    const aliases = Array.from({ length: 9 }, () => `*a${level - 1}`).join(', ');
    lines.push(`a${level}: &a${level} [${aliases}]`);
  }
  return `${lines.join('\n')}\n`;
}

describe('hostile YAML', () => {
  test('alias bomb is a diagnostic', () => {
    const loaded = loadBaselineText('bomb.yaml', aliasBomb() + stringify(validBaseline()));
    const codes = loaded.diagnostics.map((diagnostic) => diagnostic.code);
    expect(codes).toEqual(['yaml-alias-limit']);
    expect(loaded.diagnostics[0]?.position).toEqual({ file: 'bomb.yaml', line: 2, column: 10 });
    expect(loaded.baseline).toBeUndefined();
  });

  const parseErrors = [
    { name: 'alias bomb', yaml: aliasBomb() },
    { name: 'unclosed flow', yaml: 'name: [\n' },
    { name: 'duplicate key', yaml: 'name: a\nname: b\n' },
    { name: 'two documents', yaml: 'name: a\n---\nname: b\n' },
    { name: 'list as a key', yaml: 'name: a\n? [a, b]\n: 1\n' },
  ];

  test('list as a key is a positioned error', () => {
    const loaded = loadBaselineText('key.yaml', 'name: a\n? [a, b]\n: 1\n');
    expect(loaded.diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      'yaml-collection-key',
    ]);
    expect(loaded.diagnostics[0]?.position).toEqual({ file: 'key.yaml', line: 2, column: 3 });
  });

  test('list as a key prints no process warning', async () => {
    const warnings: string[] = [];
    const listener = (warning: Error) => warnings.push(warning.message);
    process.on('warning', listener);
    await runCommand(['validate', writeBaseline('name: a\n? [a, b]\n: 1\n')], REPO_ROOT);
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', listener);
    expect(warnings).toEqual([]);
  });

  test.each(parseErrors)('validate exits 2: $name', async ({ yaml }) => {
    const run = await runCommand(['validate', writeBaseline(yaml)], REPO_ROOT);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/baseline\.yaml:\d+:\d+: error /);
  });

  test.each(parseErrors)('render exits 2: $name', async ({ yaml }) => {
    const run = await runCommand(['render', writeBaseline(yaml)], REPO_ROOT);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toBe('');
  });

  test('two documents hint names the separator', () => {
    const loaded = loadBaselineText('two.yaml', 'name: a\n---\nname: b\n');
    const diagnostic = loaded.diagnostics[0];
    expect(diagnostic?.code).toBe('yaml-syntax');
    expect(diagnostic?.position).toEqual({ file: 'two.yaml', line: 2, column: 1 });
    expect(diagnostic?.message).not.toContain('parseAllDocuments');
  });

  const tags = [
    { name: 'binary', tag: '!!binary dGVzdA==', column: 7 },
    { name: 'timestamp', tag: '!!timestamp 2001-12-14', column: 7 },
    { name: 'set', tag: '!!set {a, b}', column: 7 },
    { name: 'JavaScript function', tag: '!!js/function "f"', column: 7 },
    { name: 'custom', tag: '!vault secret', column: 7 },
  ];

  test.each(tags)('tag is an error: $name', ({ tag, column }) => {
    const text = stringify(validBaseline()).replace('name: test-baseline', `name: ${tag}`);
    const loaded = loadBaselineText('tag.yaml', text);
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'yaml-tag');
    expect(diagnostic, JSON.stringify(loaded.diagnostics)).toBeDefined();
    expect(diagnostic?.severity).toBe('error');
    expect(diagnostic?.position).toEqual({ file: 'tag.yaml', line: 1, column });
    expect(loaded.baseline).toBeUndefined();
  });

  const oddKeys = [
    { name: 'boolean', key: 'true: x' },
    { name: 'null', key: 'null: x' },
    { name: 'tilde', key: '~: x' },
    { name: 'number', key: '17: x' },
  ];

  test.each(oddKeys)('unknown key position: $name', ({ key }) => {
    const text = `${stringify(validBaseline())}${key}\n`;
    const line = text.split('\n').length - key.split('\n').length;
    const loaded = loadBaselineText('key.yaml', text);
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'unknown-key');
    expect(diagnostic?.position).toEqual({
      file: 'key.yaml',
      line,
      column: 1,
    });
  });

  const wrongTypes = [
    {
      name: 'quoted number',
      from: 'saLifetimeSeconds: 28800',
      to: 'saLifetimeSeconds: "28800"',
      hint: 'whole number without quotes',
    },
    {
      name: 'yes for a boolean',
      from: 'name: Device Tunnel',
      to: 'name: Device Tunnel\n    alwaysOn: yes',
      hint: 'true or false',
    },
    { name: 'number for a name', from: 'name: test-baseline', to: 'name: 1809', hint: 'in quotes' },
  ];

  test.each(wrongTypes)('type error hint says what to write: $name', ({ from, to, hint }) => {
    const text = stringify(validBaseline()).replace(from, to);
    const loaded = loadBaselineText('type.yaml', text);
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'wrong-type');
    expect(diagnostic, JSON.stringify(loaded.diagnostics)).toBeDefined();
    expect(diagnostic?.hint).toContain(hint);
  });

  const unrepresentable = [
    { name: 'overflow', value: '1e400', shown: '1e400' },
    { name: 'infinity', value: '.inf', shown: '.inf' },
    { name: 'not a number', value: '.nan', shown: '.nan' },
  ];

  test.each(unrepresentable)('number shown as written: $name', ({ value, shown }) => {
    const text = stringify(validBaseline()).replace(
      'saLifetimeSeconds: 28800',
      `saLifetimeSeconds: ${value}`,
    );
    const loaded = loadBaselineText('number.yaml', text);
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'wrong-type');
    expect(diagnostic?.message).toContain(`is ${shown},`);
    expect(diagnostic?.message).not.toContain('null');
  });
});
