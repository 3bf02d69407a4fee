/**
 * Finds PowerShell and Pester for the PowerShell suites and decides what happens when
 * they are missing: locally the suites are skipped with the install command, on CI
 * (CI=true) a missing PowerShell fails the run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { REPO_ROOT } from '../helpers/baselines.js';

export const INSTALL_COMMAND = '.ci/install-powershell.sh';
export const POWERSHELL_VERSION = '7.6.10';
export const PESTER_VERSION = '5.7.1';

export interface PowerShellTools {
  /** The pwsh executable. */
  pwsh: string;
  /** Pester's module manifest, Pester.psd1. */
  pester: string;
}

/** Where .ci/install-powershell.sh installs pwsh. */
export const INSTALLED_PWSH = join(REPO_ROOT, '.tools/pwsh/pwsh');

/** Folder of the PowerShell helper scripts and stand-ins the suites load. */
export const PS_FOLDER = join(REPO_ROOT, 'test/powershell/ps');

/**
 * Locates pwsh and Pester: AOVPN_PWSH and AOVPN_PESTER (path of Pester.psd1) when set,
 * else the copies .ci/install-powershell.sh puts in .tools/.
 */
export function findPowerShellTools(): PowerShellTools | { missing: string } {
  const pwsh = process.env.AOVPN_PWSH ?? INSTALLED_PWSH;
  const pester =
    process.env.AOVPN_PESTER ??
    join(REPO_ROOT, `.tools/nuget/pester/${PESTER_VERSION}/tools/Pester.psd1`);
  if (!existsSync(pwsh)) {
    return { missing: `PowerShell not found at ${pwsh}` };
  }
  if (!existsSync(pester)) {
    return { missing: `Pester ${PESTER_VERSION} not found at ${pester}` };
  }
  return { pwsh, pester };
}

const found = findPowerShellTools();
export const tools: PowerShellTools | undefined = 'missing' in found ? undefined : found;

let warned = false;

/**
 * Declares a suite that needs PowerShell. Without PowerShell it is skipped locally
 * (with one message naming the install command), and on CI it becomes a failing test,
 * so a CI run that skipped the PowerShell suites fails.
 */
export function describePowerShell(name: string, body: (tools: PowerShellTools) => void): void {
  if (tools !== undefined) {
    describe(name, () => body(tools));
    return;
  }
  const reason = (found as { missing: string }).missing;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('PowerShell is installed', () => {
        throw new Error(`${reason}. CI must run the PowerShell suites: run ${INSTALL_COMMAND}.`);
      });
    });
    return;
  }
  if (!warned) {
    warned = true;
    process.stderr.write(
      `PowerShell suites skipped: ${reason}. Install PowerShell ${POWERSHELL_VERSION} and Pester ${PESTER_VERSION} with ${INSTALL_COMMAND}.\n`,
    );
  }
  describe.skip(`${name} (skipped: run ${INSTALL_COMMAND})`, () => body(undefined as never));
}

/**
 * Runs a helper script from test/powershell/ps with pwsh and returns its standard
 * output. Throws with standard error when pwsh exits non-zero.
 */
export function runPowerShellFile(
  tools: PowerShellTools,
  script: string,
  args: readonly string[],
  environment: Record<string, string> = {},
): string {
  return execFileSync(
    tools.pwsh,
    ['-NoLogo', '-NoProfile', '-NonInteractive', '-File', join(PS_FOLDER, script), ...args],
    {
      encoding: 'utf8',
      env: { ...process.env, ...environment },
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}
