import { describe, expect, test } from 'vitest';
import { parseSettings } from '../../src/strongswan/settings.js';

describe('parseSettings', () => {
  test('nested sections and values', () => {
    const parsed = parseSettings('a {\n  b {\n    key = value # comment\n  }\n}\n');
    const value = parsed.root.sections.get('a')?.sections.get('b')?.values.get('key');

    expect(parsed.problems).toEqual([]);
    expect(value).toEqual({ value: 'value', line: 3, column: 11 });
  });

  test('quoted value keeps hash', () => {
    const parsed = parseSettings('secret = "a#b"\n');

    expect(parsed.root.values.get('secret')?.value).toBe('a#b');
  });

  test('brace after value closes section', () => {
    const parsed = parseSettings('a { key = 1 }\nother = 2\n');

    expect(parsed.problems).toEqual([]);
    expect(parsed.root.sections.get('a')?.values.get('key')?.value).toBe('1');
    expect(parsed.root.values.get('other')?.value).toBe('2');
  });

  test('later value replaces earlier', () => {
    const parsed = parseSettings('a {\n  key = 1\n}\na {\n  key = 2\n}\n');

    expect(parsed.root.sections.get('a')?.values.get('key')?.value).toBe('2');
  });

  test('include is reported', () => {
    const parsed = parseSettings('include conf.d/*.conf\n');

    expect(parsed.includes).toEqual([{ value: 'conf.d/*.conf', line: 1, column: 1 }]);
  });

  test.each([
    { text: 'a {\n  key = 1\n', line: 1, message: 'section not closed with "}"' },
    { text: '}\n', line: 1, message: 'unmatched "}"' },
  ])('problem at line $line: $message', ({ text, line, message }) => {
    const parsed = parseSettings(text);

    expect(parsed.problems.map((problem) => [problem.line, problem.message])).toEqual([
      [line, message],
    ]);
  });
});
