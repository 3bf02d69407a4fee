/** The collectors target: golden files, escaping of connection names, PowerShell parse. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { renderBaseline } from '../../src/render/render.js';
import { collectorsTarget } from '../../src/targets/collectors.js';
import type { GeneratedFile } from '../../src/targets/target.js';
import { REPO_ROOT, validBaseline, writeBaseline } from '../helpers/baselines.js';
import { findPwsh } from '../helpers/pwsh.js';

const GOLDEN_ROOT = join(REPO_ROOT, 'test/golden');
const SHIPPED = ['contoso', 'standard', 'cnsa'];
const UTF8_BOM = '\uFEFF';
const pwsh = findPwsh();

function renderCollectors(file: string): GeneratedFile[] {
  return renderBaseline(loadBaselineFile(file), [collectorsTarget]);
}

function bytesOf(file: GeneratedFile): string {
  return (file.byteOrderMark === true ? UTF8_BOM : '') + file.content;
}

describe('collectors target', () => {
  it.each(SHIPPED)('golden files: %s', (name) => {
    const files = renderCollectors(join(REPO_ROOT, `baselines/${name}.yaml`));
    expect(files.map((file) => file.path)).toEqual([
      'collectors/collect-client.ps1',
      'collectors/collect-server.ps1',
    ]);
    for (const file of files) {
      const golden = join(GOLDEN_ROOT, name, file.path);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(golden), { recursive: true });
        writeFileSync(golden, bytesOf(file));
      }
      expect(existsSync(golden), `${golden} missing: run UPDATE_GOLDEN=1 npx vitest run`).toBe(
        true,
      );
      expect(bytesOf(file), file.path).toBe(readFileSync(golden, 'utf8'));
    }
  });

  it('escapes connection names', () => {
    const baseline = validBaseline();
    baseline.connections[0]!.name = "O'Brien ‘VPN’ $(Get-Date)";
    const client = renderCollectors(writeBaseline(baseline)).find((file) =>
      file.path.endsWith('collect-client.ps1'),
    )!;
    expect(client.content).toContain("Name = 'O''Brien ‘‘VPN’’ $(Get-Date)'");
    expect(client.byteOrderMark).toBe(true);
  });

  it.skipIf(pwsh === undefined)('parses without errors', () => {
    const baseline = validBaseline();
    baseline.connections[0]!.name = "O'Brien ‘VPN’ $(Get-Date)";
    const folder = mkdtempSync(join(tmpdir(), 'aovpn-collectors-parse-'));
    const paths = renderCollectors(writeBaseline(baseline)).map((file) => {
      const path = join(folder, file.path.replace('collectors/', ''));
      writeFileSync(path, bytesOf(file));
      return path;
    });
    const script = paths
      .map(
        (path) =>
          `$errors = $null; [void][System.Management.Automation.Language.Parser]::ParseFile('${path}', [ref]$null, [ref]$errors); $errors.Count`,
      )
      .join('; ');
    const output = execFileSync(pwsh!, ['-NoProfile', '-NonInteractive', '-Command', script], {
      encoding: 'utf8',
    });
    expect(output.trim().split(/\s+/)).toEqual(['0', '0']);
  });
});
