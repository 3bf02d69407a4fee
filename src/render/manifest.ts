/**
 * The list of files `render` wrote into an output folder, kept in the folder itself, so
 * a later render can remove files it no longer produces (a renamed or removed
 * connection's profile) without touching anything else in the folder.
 */
import { lstatSync, readFileSync, rmSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { GeneratedFile } from '../targets/target.js';
import { compareOrdinal } from './render.js';

export const MANIFEST_FILE_NAME = '.aovpn-baseline-files';

export interface ManifestEntry {
  target: string;
  path: string;
}

const MANIFEST_HEADER =
  '# Files written here by aovpn-baseline render, one "target<TAB>path" per line. render removes\n' +
  '# a listed file when a later render of the same target no longer produces it.\n';

/** Reads the manifest of an output folder; a missing or unreadable one is empty. */
export function readManifest(outputFolder: string): ManifestEntry[] {
  let text: string;
  try {
    text = readFileSync(resolve(outputFolder, MANIFEST_FILE_NAME), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .flatMap((line) => {
      const [target, path] = line.split('\t');
      return target !== undefined && path !== undefined ? [{ target, path }] : [];
    });
}

/**
 * Lists the previous render's files of the rendered targets that this render does not
 * produce. Files of targets not rendered this time are kept.
 */
export function findStaleEntries(
  previous: readonly ManifestEntry[],
  files: readonly GeneratedFile[],
  renderedTargets: readonly string[],
): ManifestEntry[] {
  const current = new Set(files.map((file) => file.path));
  return previous.filter(
    (entry) => renderedTargets.includes(entry.target) && !current.has(entry.path),
  );
}

/** Builds the new manifest: this render's files plus the kept entries of other targets. */
export function buildManifestFile(
  previous: readonly ManifestEntry[],
  files: readonly GeneratedFile[],
  renderedTargets: readonly string[],
): GeneratedFile {
  const kept = previous.filter((entry) => !renderedTargets.includes(entry.target));
  const entries = [
    ...kept,
    ...files.map((file) => ({ target: file.target ?? '', path: file.path })),
  ];
  const lines = entries.map((entry) => `${entry.target}\t${entry.path}`).sort(compareOrdinal);
  return {
    path: MANIFEST_FILE_NAME,
    content: MANIFEST_HEADER + lines.map((line) => `${line}\n`).join(''),
  };
}

/**
 * Deletes the stale files that are still regular files inside the output folder, and
 * returns their absolute paths. An entry that points outside the folder, at a folder or
 * at a symlink is left alone, because the manifest is only a text file anyone can edit.
 */
export function removeStaleFiles(outputFolder: string, stale: readonly ManifestEntry[]): string[] {
  const root = resolve(outputFolder);
  const removed: string[] = [];
  for (const entry of stale) {
    const path = resolve(root, entry.path);
    if (!path.startsWith(root + sep) || path === resolve(root, MANIFEST_FILE_NAME)) {
      continue;
    }
    if (lstatSync(path, { throwIfNoEntry: false })?.isFile() !== true) {
      continue;
    }
    rmSync(path);
    removed.push(path);
  }
  return removed;
}
