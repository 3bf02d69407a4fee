/** Writes generated files so a failure never leaves a half-written file in place of a good one. */
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { GeneratedFile } from '../targets/target.js';

const UTF8_BOM = '\uFEFF';

/**
 * Writes every file to a temporary sibling first and renames it into place only after
 * all temporary files are complete. If any write fails, the temporary files are
 * removed and the existing files stay as they were.
 */
export function writeGeneratedFiles(
  outputFolder: string,
  files: readonly GeneratedFile[],
): string[] {
  const root = resolve(outputFolder);
  const staged: Array<{ temporary: string; final: string }> = [];
  try {
    for (const file of files) {
      const final = resolve(root, file.path);
      if (!final.startsWith(root + sep)) {
        throw new Error(`generated path ${file.path} leaves the output folder`);
      }
      if (statSync(final, { throwIfNoEntry: false })?.isDirectory() === true) {
        throw new Error(`cannot write ${file.path}: a folder of that name exists`);
      }
      mkdirSync(dirname(final), { recursive: true });
      const temporary = join(dirname(final), `.${process.pid}.${staged.length}.tmp`);
      staged.push({ temporary, final });
      const content = file.byteOrderMark === true ? UTF8_BOM + file.content : file.content;
      writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    for (const { temporary } of staged) {
      rmSync(temporary, { force: true });
    }
    throw error;
  }
  for (const { temporary, final } of staged) {
    renameSync(temporary, final);
  }
  return staged.map(({ final }) => final);
}
