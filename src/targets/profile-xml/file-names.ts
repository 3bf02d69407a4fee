/**
 * File names for generated profiles, derived from connection names so that they are
 * valid on Windows, distinct when compared without case, short, and the same on every run.
 */
import { createHash } from 'node:crypto';

/** Characters Windows does not allow in file names (Win32 "Naming Files, Paths, and Namespaces"). */
const WINDOWS_INVALID = /[<>:"/\\|?*\u0000-\u001F]/g;

/** Device names Windows reserves, with or without an extension. */
const WINDOWS_RESERVED =
  /^(CON|PRN|AUX|NUL|COM[0-9\u00B9\u00B2\u00B3]|LPT[0-9\u00B9\u00B2\u00B3])(\..*)?$/i;

/**
 * Maximum length of a base name in code points. It leaves room below the 255-character
 * NTFS component limit for suffixes such as `.oma-uri.txt`, and keeps the full path
 * short for tools limited to MAX_PATH (260).
 */
export const MAX_BASE_NAME_LENGTH = 64;

/** Length of the name hash appended to shortened or colliding names. */
const HASH_LENGTH = 8;

/**
 * Derives one base file name (without extension) per connection name, in the same
 * order. Invalid characters become `_`. A name that is too long, or that collides with
 * another one when compared without case, keeps its first characters and gets `~` plus
 * the start of the SHA-256 of the full connection name. The result therefore does not
 * depend on the order of the connections.
 */
export function deriveBaseFileNames(names: readonly string[]): string[] {
  const sanitized = names.map((name) => {
    const base = sanitizeBaseName(name);
    return Array.from(base).length > MAX_BASE_NAME_LENGTH ? withHash(base, name) : base;
  });

  const counts = new Map<string, number>();
  for (const base of sanitized) {
    counts.set(foldCase(base), (counts.get(foldCase(base)) ?? 0) + 1);
  }
  const result = sanitized.map((base, index) =>
    (counts.get(foldCase(base)) ?? 0) > 1 ? withHash(base, names[index]!) : base,
  );

  assertDistinct(names, result);
  return result;
}

/** Replaces what Windows rejects in a file name, without shortening it. */
export function sanitizeBaseName(name: string): string {
  let base = name.replace(WINDOWS_INVALID, '_').replace(/^ +/, '');
  // Windows strips trailing dots and spaces from file names, so they are replaced.
  base = base.replace(/[. ]+$/, (tail) => '_'.repeat(tail.length));
  if (base === '') {
    base = '_';
  }
  return WINDOWS_RESERVED.test(base) ? `${base}_` : base;
}

function withHash(base: string, originalName: string): string {
  const hash = createHash('sha256').update(originalName, 'utf8').digest('hex');
  const prefix = Array.from(base)
    .slice(0, MAX_BASE_NAME_LENGTH - HASH_LENGTH - 1)
    .join('')
    .replace(/[. ]+$/, '');
  return `${prefix}~${hash.slice(0, HASH_LENGTH)}`;
}

/** Case folding close to how NTFS compares names (it upper-cases with a fixed table). */
function foldCase(name: string): string {
  return name.normalize('NFC').toUpperCase();
}

function assertDistinct(names: readonly string[], bases: readonly string[]): void {
  const seen = new Map<string, number>();
  bases.forEach((base, index) => {
    const first = seen.get(foldCase(base));
    if (first !== undefined) {
      throw new Error(
        `connections "${names[first]}" and "${names[index]}" map to the same file name ${base}; rename one of them`,
      );
    }
    seen.set(foldCase(base), index);
  });
}
