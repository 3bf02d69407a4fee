/**
 * Finds PowerShell for tests outside test/powershell that run or parse generated
 * scripts: $AOVPN_PWSH, else the copy .ci/install-powershell.sh puts in .tools/, else
 * pwsh on PATH. On CI (CI=true) a missing PowerShell throws, so the test file fails
 * instead of skipping.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { INSTALLED_PWSH } from '../powershell/tools.js';

export function findPwsh(): string | undefined {
  const override = process.env.AOVPN_PWSH;
  const candidates =
    override !== undefined && override !== '' ? [override] : [INSTALLED_PWSH, 'pwsh'];
  for (const candidate of candidates) {
    if (candidate.includes('/') ? existsSync(candidate) : onPath(candidate)) {
      return candidate;
    }
  }
  if (process.env.CI === 'true') {
    throw new Error(
      `PowerShell not found (${candidates.join(', ')}). CI must run the PowerShell tests: run .ci/install-powershell.sh.`,
    );
  }
  return undefined;
}

function onPath(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
