import { describe, expect, test } from 'vitest';
import {
  lineCommentText,
  netshValue,
  powershellString,
  xmlCommentText,
  xmlText,
} from '../../src/render/escape.js';

describe('powershellString', () => {
  const cases: Array<[string, string]> = [
    ['Contoso VPN', "'Contoso VPN'"],
    ["O'Brien VPN", "'O''Brien VPN'"],
    ['$env:TEMP `n', "'$env:TEMP `n'"],
    ['a; Remove-Item C:\\', "'a; Remove-Item C:\\'"],
    ['left\u2018right\u2019', "'left\u2018\u2018right\u2019\u2019'"],
    ['low\u201Ahigh\u201B', "'low\u201A\u201Ahigh\u201B\u201B'"],
    ['Zürich Tunnel', "'Zürich Tunnel'"],
  ];
  test.each(cases)('%s', (value, expected) => {
    expect(powershellString(value)).toBe(expected);
  });

  test('NUL is rejected', () => {
    expect(() => powershellString('a\u0000b')).toThrow(/NUL/);
  });
});

describe('xmlText', () => {
  test('escapes markup characters', () => {
    expect(xmlText(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  test('rejects control characters', () => {
    expect(() => xmlText('a\u0001b')).toThrow(/XML 1.0/);
  });
});

describe('netshValue', () => {
  test('quotes a name with spaces', () => {
    expect(netshValue('Always On VPN')).toBe('"Always On VPN"');
  });

  test('rejects a double quote', () => {
    expect(() => netshValue('a"b')).toThrow(/double quote/);
  });
});

describe('comment text', () => {
  test('line comment loses line breaks', () => {
    expect(lineCommentText('a\r\nb\u2028c')).toBe('a b c');
  });

  test('XML comment loses double dashes', () => {
    expect(xmlCommentText('a--b-')).toBe('a- -b- ');
    expect(xmlCommentText('a--b-')).not.toContain('--');
  });
});
