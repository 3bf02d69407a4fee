/** Writes generated files so a failure never leaves a half-written file in place of a good one. */
import { lstatSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { GeneratedFile } from '../targets/target.js';

const UTF8_BOM = '\uFEFF';

/**
 * Writes every file to a temporary sibling first and renames it into place only after
 * all temporary files are complete. If any write or rename fails, the temporary files
 * are removed and the existing files stay as they were.
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
  replaceFiles(staged);
  return staged.map(({ final }) => final);
}

/**
 * Moves the staged files into place as one set. Existing files are renamed to backups
 * first. If any rename fails (on Windows, when another process has the file open
 * without delete sharing), the new files are removed and the backups restored, so the
 * folder keeps its old set of files rather than a mix of old and new.
 */
// NOTE: a crash between moving an old file away and moving the new one in leaves the
// old file as .<pid>.<n>.bak beside a missing one. A failed restore is not retried.
function replaceFiles(staged: ReadonlyArray<{ temporary: string; final: string }>): void {
  const backups: Array<{ final: string; backup: string }> = [];
  const placed: string[] = [];
  try {
    staged.forEach(({ final }, index) => {
      if (lstatSync(final, { throwIfNoEntry: false }) !== undefined) {
        const backup = join(dirname(final), `.${process.pid}.${index}.bak`);
        renameSync(final, backup);
        backups.push({ final, backup });
      }
    });
    for (const { temporary, final } of staged) {
      renameSync(temporary, final);
      placed.push(final);
    }
  } catch (error) {
    for (const final of placed) {
      rmSync(final, { force: true });
    }
    for (const { final, backup } of backups) {
      renameSync(backup, final);
    }
    for (const { temporary } of staged) {
      rmSync(temporary, { force: true });
    }
    throw error;
  }
  for (const { backup } of backups) {
    rmSync(backup, { force: true });
  }
}
