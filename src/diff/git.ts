/** Reads a baseline, and the EAP files it names, as they were at a git revision. */
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { decodeText } from '../text.js';

export type GitErrorCode =
  | 'git-not-found'
  | 'not-a-repository'
  | 'unknown-revision'
  | 'file-not-at-revision'
  | 'invalid-revision';

/** A failure to read through git, with a stable code and a message naming the fix. */
export class GitReadError extends Error {
  constructor(
    readonly code: GitErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface BaselineAtRevision {
  /** Name of the old version in messages, such as `HEAD~1:baselines/contoso.yaml`. */
  label: string;
  text: string;
  /** Reads a file named in the old baseline (eapConfig) from the same revision. */
  readRelative(relativePath: string): string;
}

interface GitFailure {
  code?: string;
  status?: number | null;
  stderr?: Buffer;
}

function runGit(args: readonly string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 << 20,
    });
  } catch (error) {
    if ((error as GitFailure).code === 'ENOENT') {
      throw new GitReadError(
        'git-not-found',
        'git was not found on PATH; install git to use --base',
      );
    }
    throw error;
  }
}

function gitStderr(error: unknown): string {
  return ((error as GitFailure).stderr?.toString('utf8') ?? String(error)).trim();
}

function findRepositoryRoot(folder: string): string {
  try {
    return runGit(['rev-parse', '--show-toplevel'], folder).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitReadError) {
      throw error;
    }
    throw new GitReadError(
      'not-a-repository',
      `${folder} is not inside a git repository (${gitStderr(error)}); --base needs the baseline in a git checkout, or compare two files with diff OLD NEW`,
    );
  }
}

function verifyRevision(revision: string, root: string): void {
  if (revision.startsWith('-') || revision.includes(':')) {
    throw new GitReadError(
      'invalid-revision',
      `--base "${revision}" is not a revision name; use a commit, branch or tag such as HEAD~1 or origin/main`,
    );
  }
  try {
    runGit(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], root);
  } catch (error) {
    if (error instanceof GitReadError) {
      throw error;
    }
    throw new GitReadError(
      'unknown-revision',
      `revision ${revision} does not exist in ${root}; in CI fetch enough history (actions/checkout with fetch-depth: 0) or name an existing commit`,
    );
  }
}

function showFile(revision: string, repositoryPath: string, root: string): string | undefined {
  try {
    return decodeText(runGit(['show', `${revision}:${repositoryPath}`], root));
  } catch (error) {
    if (error instanceof GitReadError) {
      throw error;
    }
    return undefined;
  }
}

/** Returns the file's path from the repository root, with forward slashes as git spells it. */
function pathInRepository(file: string, cwd: string, root: string): string {
  const absolute = realpathSync(resolve(cwd, file));
  return relative(realpathSync(root), absolute).split(sep).join('/');
}

/**
 * Reads `file` (relative to `cwd`, present in the working tree) as it was at
 * `revision`, through `git show REV:path`. Throws GitReadError with a stable code.
 */
export function readBaselineAtRevision(
  file: string,
  revision: string,
  cwd: string,
): BaselineAtRevision {
  const root = findRepositoryRoot(dirname(resolve(cwd, file)));
  verifyRevision(revision, root);
  const repositoryPath = pathInRepository(file, cwd, root);
  const label = `${revision}:${repositoryPath}`;
  const text = showFile(revision, repositoryPath, root);
  if (text === undefined) {
    throw new GitReadError(
      'file-not-at-revision',
      `${repositoryPath} did not exist at revision ${revision}, so there is no old version to compare; for a new baseline run validate instead`,
    );
  }
  const readRelative = (relativePath: string): string => {
    const target = posix.normalize(posix.join(posix.dirname(repositoryPath), relativePath));
    const content = target.startsWith('../') ? undefined : showFile(revision, target, root);
    if (content === undefined) {
      throw Object.assign(new Error(`${target} not found at revision ${revision}`), {
        code: 'ENOENT',
      });
    }
    return content;
  };
  return { label, text, readRelative };
}
