/** Throwaway git repositories for tests of `diff --base` and the documented workflow. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { SAMPLE_EAP } from './baselines.js';

/** Variables that would point git at another repository, as set inside a git hook. */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_PREFIX'];

/** Environment for git in tests: no user or system configuration, a fixed identity. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !REPOSITORY_VARIABLES.includes(name)),
  ),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

export function git(repository: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: repository, env: GIT_ENV, encoding: 'utf8' });
}

/** Creates an empty repository with one branch, main, and returns its folder. */
export function createRepository(): string {
  const repository = mkdtempSync(join(tmpdir(), 'aovpn-baseline-git-'));
  git(repository, 'init', '--quiet', '--initial-branch=main');
  return repository;
}

/** Writes a file (object as YAML, string as is) inside the repository, creating folders. */
export function writeRepositoryFile(repository: string, path: string, content: unknown): void {
  const target = join(repository, path);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, typeof content === 'string' ? content : stringify(content));
}

/** Copies the sample EAP XML to `path` inside the repository. */
export function writeSampleEap(repository: string, path: string): void {
  mkdirSync(dirname(join(repository, path)), { recursive: true });
  copyFileSync(SAMPLE_EAP, join(repository, path));
}

export function commitAll(repository: string, message: string): void {
  git(repository, 'add', '--all');
  git(repository, 'commit', '--quiet', '-m', message);
}
