/** Finds PowerShell for tests that run generated scripts: $AOVPN_PWSH, pwsh on PATH, or the local install. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const LOCAL_PWSH = '/tmp/infra/pwsh/pwsh';

export function findPwsh(): string | undefined {
  const candidates = [process.env.AOVPN_PWSH, 'pwsh', LOCAL_PWSH].filter(
    (candidate): candidate is string => candidate !== undefined && candidate !== '',
  );
  for (const candidate of candidates) {
    if (candidate.includes('/') ? existsSync(candidate) : onPath(candidate)) {
      return candidate;
    }
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
