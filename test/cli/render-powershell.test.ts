import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, validBaseline, writeBaseline } from '../helpers/baselines.js';
import { runCommand } from '../helpers/cli.js';
import { MANIFEST_FILE_NAME } from '../../src/render/manifest.js';

const POWERSHELL_PATHS = [
  'client/Set-DeviceTunnelIkev2Policy.ps1',
  'client/Set-UserTunnelIkev2Policy.ps1',
  'nps/Set-NpsEncryption.ps1',
  'rras/Set-RrasIkev2Policy.ps1',
];

function newOutputFolder(): string {
  return join(mkdtempSync(join(tmpdir(), 'aovpn-baseline-render-')), 'out');
}

/** Lists every generated file under `folder` (not render's manifest) as sorted relative paths. */
function listFiles(folder: string): string[] {
  if (!existsSync(folder)) {
    return [];
  }
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== MANIFEST_FILE_NAME)
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

describe('render command, PowerShell targets', () => {
  test('contoso writes the golden scripts', async () => {
    const out = newOutputFolder();
    const run = await runCommand(
      ['render', 'baselines/contoso.yaml', '--out', out, '--target', 'rras,client,nps'],
      REPO_ROOT,
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(listFiles(out)).toEqual(POWERSHELL_PATHS);
    for (const path of POWERSHELL_PATHS) {
      expect(run.stdout).toContain(path);
      const written = readFileSync(join(out, path));
      expect(written.subarray(0, 3), path).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      const golden = readFileSync(join(REPO_ROOT, 'test/golden/contoso', path));
      expect(written.equals(golden), path).toBe(true);
    }
  });

  test('target filter writes only rras', async () => {
    const out = newOutputFolder();
    const run = await runCommand(
      ['render', 'baselines/contoso.yaml', '--out', out, '--target', 'rras'],
      REPO_ROOT,
    );
    expect(run.exitCode).toBe(0);
    expect(listFiles(out)).toEqual(['rras/Set-RrasIkev2Policy.ps1']);
  });

  test('invalid baseline writes nothing', async () => {
    const baseline = validBaseline();
    if (baseline.nps !== undefined) {
      baseline.nps.networkPolicy = 'The "Corp" policy';
    }
    const out = newOutputFolder();
    const run = await runCommand(['render', writeBaseline(baseline), '--out', out], REPO_ROOT);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/baseline\.yaml:\d+:\d+: error/);
    expect(run.stderr).toContain('nothing was written');
    expect(existsSync(out)).toBe(false);
  });

  test('render error keeps existing files', async () => {
    const baseline = validBaseline();
    const device = baseline.connections[0];
    if (device !== undefined) {
      device.name = 'Device\u0000Tunnel';
    }
    const out = newOutputFolder();
    const existing = join(out, 'rras/Set-RrasIkev2Policy.ps1');
    mkdirSync(dirname(existing), { recursive: true });
    writeFileSync(existing, 'previous run\n');

    const run = await runCommand(
      ['render', writeBaseline(baseline), '--out', out, '--target', 'rras,client,nps'],
      REPO_ROOT,
    );
    // The connection-name-character rule rejects the NUL before rendering starts.
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('nothing was written');
    expect(run.stderr).toContain('connection-name-character');
    expect(run.stderr).toContain('U+0000');
    expect(listFiles(out)).toEqual(['rras/Set-RrasIkev2Policy.ps1']);
    expect(readFileSync(existing, 'utf8')).toBe('previous run\n');
  });
});
