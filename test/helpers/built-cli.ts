/** Builds the CLI into a private folder, for tests that run the installed binary. */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './baselines.js';

let builtBin: string | undefined;
const createdFolders: string[] = [];

/**
 * Compiles src/ with tsconfig.build.json into a fresh folder under .tools/ (inside the
 * repository, so the build resolves node_modules) beside a copy of bin/aovpn-baseline.js,
 * and returns the copy's path. Each test
 * process builds into its own folder, so parallel test files do not collide.
 */
export function buildCli(): string {
  if (builtBin !== undefined) {
    return builtBin;
  }
  mkdirSync(join(REPO_ROOT, '.tools'), { recursive: true });
  const folder = mkdtempSync(join(REPO_ROOT, '.tools', 'test-build-'));
  createdFolders.push(folder);
  const tsc = join(REPO_ROOT, 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', 'tsconfig.build.json', '--outDir', join(folder, 'dist')], {
    cwd: REPO_ROOT,
    stdio: 'pipe',
  });
  mkdirSync(join(folder, 'bin'));
  builtBin = join(folder, 'bin', 'aovpn-baseline.js');
  copyFileSync(join(REPO_ROOT, 'bin', 'aovpn-baseline.js'), builtBin);
  return builtBin;
}

/**
 * Writes an `aovpn-baseline` command into a new folder that runs the built binary, as
 * `npm install --global` would, and returns the folder for PATH.
 */
export function installCliShim(): string {
  const bin = buildCli();
  const folder = mkdtempSync(join(REPO_ROOT, '.tools', 'test-path-'));
  createdFolders.push(folder);
  const shim = join(folder, 'aovpn-baseline');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
  chmodSync(shim, 0o755);
  return folder;
}

/** Removes every folder this process built or wrote a command into. */
export function removeBuiltCli(): void {
  for (const folder of createdFolders.splice(0)) {
    rmSync(folder, { recursive: true, force: true });
  }
  builtBin = undefined;
}
