import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeGeneratedFiles } from '../../src/render/write.js';

function temporaryFolder(): string {
  return mkdtempSync(join(tmpdir(), 'aovpn-write-'));
}

describe('writeGeneratedFiles', () => {
  test('writes files and byte-order marks', () => {
    const folder = temporaryFolder();
    writeGeneratedFiles(folder, [
      { path: 'a/one.ps1', content: 'x', byteOrderMark: true },
      { path: 'two.xml', content: 'y' },
    ]);
    expect(readFileSync(join(folder, 'a/one.ps1'))).toEqual(Buffer.from([0xef, 0xbb, 0xbf, 0x78]));
    expect(readFileSync(join(folder, 'two.xml'), 'utf8')).toBe('y');
  });

  test('failure keeps the old files and leaves no temporary files', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'good.ps1'), 'old');
    // A folder where a file must go makes the second file fail before anything is renamed.
    mkdirSync(join(folder, 'blocked'));
    expect(() =>
      writeGeneratedFiles(folder, [
        { path: 'good.ps1', content: 'new' },
        { path: 'blocked', content: 'fails' },
      ]),
    ).toThrow();
    expect(readFileSync(join(folder, 'good.ps1'), 'utf8')).toBe('old');
    expect(readdirSync(folder).sort()).toEqual(['blocked', 'good.ps1']);
  });

  test('unwritable parent keeps the old files', () => {
    const folder = temporaryFolder();
    writeFileSync(join(folder, 'good.ps1'), 'old');
    expect(() =>
      writeGeneratedFiles(folder, [
        { path: 'good.ps1', content: 'new' },
        { path: 'good.ps1/inside.xml', content: 'fails' },
      ]),
    ).toThrow();
    expect(readFileSync(join(folder, 'good.ps1'), 'utf8')).toBe('old');
    expect(readdirSync(folder)).toEqual(['good.ps1']);
  });

  test('path outside the output folder is rejected', () => {
    const folder = temporaryFolder();
    expect(() => writeGeneratedFiles(folder, [{ path: '../escape.ps1', content: 'x' }])).toThrow(
      /leaves the output folder/,
    );
  });
});
