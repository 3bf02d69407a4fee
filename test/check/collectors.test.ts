/**
 * The collector scripts, run in real PowerShell with the Windows cmdlets replaced by
 * functions that return what Windows returns (enum-typed values), then read by check.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { runCli } from '../../src/cli/main.js';
import type { CheckReport } from '../../src/check/findings.js';
import { renderBaseline } from '../../src/render/render.js';
import { writeGeneratedFiles } from '../../src/render/write.js';
import { collectorsTarget } from '../../src/targets/collectors.js';
import { REPO_ROOT } from '../helpers/baselines.js';
import { findPwsh } from '../helpers/pwsh.js';

const pwsh = findPwsh();
const CONTOSO = join(REPO_ROOT, 'baselines/contoso.yaml');

/**
 * Stand-ins for the Windows cmdlets. Values are PowerShell enums, so ConvertTo-Json
 * would write numbers without the collector's [string] conversion.
 */
const MOCKS = `
enum EncryptionMethod { DES; DES3; AES128; AES192; AES256; GCMAES128; GCMAES256 }
enum IntegrityCheckMethod { MD5; SHA1; SHA256; SHA384 }
enum DHGroup { None; Group1; Group2; Group14; ECP256; ECP384; Group24 }
enum CipherTransformConstants { DES; DES3; AES128; AES192; AES256; GCMAES128; GCMAES192; GCMAES256; None }
enum AuthenticationTransformConstants { MD596; SHA196; SHA256128; GCMAES128; GCMAES192; GCMAES256; None }
enum PfsGroup { None; PFS1; PFS2; PFS2048; ECP256; ECP384; PFSMM; PFS24 }
function New-Policy([string]$Pfs) {
  [pscustomobject]@{
    AuthenticationTransformConstants = [AuthenticationTransformConstants]'GCMAES128'
    CipherTransformConstants = [CipherTransformConstants]'GCMAES128'
    DHGroup = [DHGroup]'Group14'
    IntegrityCheckMethod = [IntegrityCheckMethod]'SHA256'
    PfsGroup = [PfsGroup]$Pfs
    EncryptionMethod = [EncryptionMethod]'GCMAES128'
  }
}
function Get-VpnServerConfiguration {
  $policy = New-Policy -Pfs 'ECP256'
  $policy | Add-Member -NotePropertyMembers @{ CustomPolicy = $true; SALifeTime = [uint32]28800; MMSALifeTime = [uint32]86400; SADataSizeForRenegotiation = [uint32]1024000; IdleDisconnect = [uint32]300 }
  $policy
}
function Get-Service { param([string]$Name, $ErrorAction) if ($env:TEST_NPS_FILE) { [pscustomobject]@{ Name = $Name } } }
function netsh { Get-Content -LiteralPath $env:TEST_NPS_FILE }
function Get-VpnConnection { param([string]$Name, [switch]$AllUserConnection, $ErrorAction)
  [pscustomobject]@{ Name = $Name; TunnelType = 'Ikev2'; IPsecCustomPolicy = @(New-Policy -Pfs $env:TEST_CLIENT_PFS) }
}
function Get-CimInstance { param($Namespace, $ClassName, $ErrorAction) throw 'MDM bridge not available in this test' }
function Get-ItemProperty { param($Path, $Name, $ErrorAction) [pscustomobject]@{ NegotiateDH2048_AES256 = -2 } }
`;

function runCollector(
  folder: string,
  script: string,
  outFile: string,
  clientPfs: string,
  npsFile = '',
): void {
  const wrapper = join(folder, 'run.ps1');
  writeFileSync(
    wrapper,
    `${MOCKS}\n& ${JSON.stringify(join(folder, 'collectors', script)).replace(/"/g, "'")} -OutFile '${outFile}' -WarningAction SilentlyContinue | Out-Null\n`,
  );
  execFileSync(pwsh!, ['-NoProfile', '-NonInteractive', '-File', wrapper], {
    env: { ...process.env, TEST_CLIENT_PFS: clientPfs, TEST_NPS_FILE: npsFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function check(args: string[]): Promise<{ code: number; report: CheckReport }> {
  let stdout = '';
  const code = await runCli(['check', ...args, '--json'], {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    cwd: REPO_ROOT,
  });
  return { code, report: JSON.parse(stdout) as CheckReport };
}

describe.skipIf(pwsh === undefined)('collector scripts', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-collectors-'));
  writeGeneratedFiles(folder, renderBaseline(loadBaselineFile(CONTOSO), [collectorsTarget]));

  it('server and client agree', async () => {
    runCollector(folder, 'collect-server.ps1', join(folder, 'server.json'), 'ECP256');
    runCollector(folder, 'collect-client.ps1', join(folder, 'client.json'), 'ECP256');
    const collected = JSON.parse(
      readFileSync(join(folder, 'client.json'), 'utf8').replace(/^\uFEFF/, ''),
    );
    expect(collected.connections[0].ipsecCustomPolicy.PfsGroup).toBe('ECP256');
    expect(collected.negotiateDh2048Aes256).toBe('4294967294');
    const { code, report } = await check([
      CONTOSO,
      '--collected',
      join(folder, 'server.json'),
      '--collected',
      join(folder, 'client.json'),
    ]);
    expect(report.findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('client PFS drift', async () => {
    runCollector(folder, 'collect-client.ps1', join(folder, 'client-pfs.json'), 'PFS2048');
    const { code, report } = await check([
      '--collected',
      join(folder, 'server.json'),
      '--collected',
      join(folder, 'client-pfs.json'),
    ]);
    expect(report.findings.map((finding) => `${finding.code} ${finding.field}`)).toEqual([
      'pfs-mismatch-at-rekey esp.pfsGroup',
      'pfs-mismatch-at-rekey esp.pfsGroup',
    ]);
    expect(code).toBe(1);
  });

  it('server with NPS', async () => {
    const nps = join(REPO_ROOT, 'test/fixtures/check/source/nps-strongest-only.txt');
    runCollector(folder, 'collect-server.ps1', join(folder, 'server-nps.json'), 'ECP256', nps);
    const { code, report } = await check([CONTOSO, '--collected', join(folder, 'server-nps.json')]);
    expect(report.findings.map((finding) => `${finding.code} ${finding.artifact}`)).toEqual([
      `nps-encryption-differs ${join(folder, 'server-nps.json')} NPS`,
      `nps-aes128-strongest-only ${join(folder, 'server-nps.json')} NPS`,
    ]);
    expect(code).toBe(1);
  });
});
