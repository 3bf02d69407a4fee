import { dirname } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT, validBaseline, writeBaseline } from '../helpers/baselines.js';
import { runCli } from '../../src/cli/main.js';
import { runCommand } from '../helpers/cli.js';

describe('validate command', () => {
  test('shipped baselines are valid', async () => {
    const run = await runCommand(
      ['validate', 'baselines/contoso.yaml', 'baselines/standard.yaml', 'baselines/cnsa.yaml'],
      REPO_ROOT,
    );
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('baselines/contoso.yaml: valid');
  });

  test('invalid baseline exits 1 with position', async () => {
    const baseline = validBaseline();
    baseline.esp.integrity = 'SHA256128';
    const path = writeBaseline(baseline);
    const run = await runCommand(['validate', path], REPO_ROOT);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/baseline\.yaml:\d+:\d+: error esp-gcm-unpaired:/);
  });

  test('missing file exits 2', async () => {
    const run = await runCommand(['validate', 'no-such.yaml'], REPO_ROOT);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('no-such.yaml:1:1: error file-unreadable');
  });

  test('strict fails on warnings', async () => {
    const baseline = validBaseline();
    baseline.esp.pfsGroup = 'None';
    const path = writeBaseline(baseline);
    const relaxed = await runCommand(['validate', path], REPO_ROOT);
    const strict = await runCommand(['validate', '--strict', path], REPO_ROOT);
    expect(relaxed.exitCode).toBe(0);
    expect(strict.exitCode).toBe(1);
  });

  test('json output lists diagnostics', async () => {
    const baseline = validBaseline();
    baseline.ike.dhGroup = 'Group2';
    const path = writeBaseline(baseline);
    const run = await runCommand(['validate', '--json', path], REPO_ROOT);
    const report = JSON.parse(run.stdout) as Array<{
      valid: boolean;
      diagnostics: Array<{ code: string }>;
    }>;
    expect(run.exitCode).toBe(1);
    expect(report[0]?.valid).toBe(false);
    expect(report[0]?.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['weak-dh-group']);
  });

  test('unknown command exits 2', async () => {
    const run = await runCommand(['frobnicate'], REPO_ROOT);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  test('help lists exit codes', async () => {
    const run = await runCommand(['--help'], REPO_ROOT);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Exit codes:');
  });
});

describe('rules command', () => {
  test('lists every rule code once', async () => {
    const run = await runCommand(['rules', '--json'], REPO_ROOT);
    const rows = JSON.parse(run.stdout) as Array<{ code: string }>;
    const codes = rows.map((row) => row.code);
    expect(run.exitCode).toBe(0);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('esp-gcm-unpaired');
  });
});

describe('waived findings', () => {
  test('print as waived, not as errors', async () => {
    const baseline = validBaseline();
    baseline.ike.dhGroup = 'Group2';
    baseline.waivers = [{ rule: 'weak-dh-group', reason: 'Oslo gateway supports group 2 only' }];
    const run = await runCommand(['validate', writeBaseline(baseline)], REPO_ROOT);
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/waived weak-dh-group \(error without the waiver\):/);
    expect(run.stderr).toContain('  Waiver: Oslo gateway supports group 2 only');
    expect(run.stderr).not.toMatch(/: error /);
  });
});

describe('render target option', () => {
  test('baseline after the option is still the baseline', async () => {
    const path = writeBaseline(validBaseline());
    const run = await runCommand(['render', '--target', 'rras', path, '-o', 'out'], dirname(path));
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).toBe('out/rras/Set-RrasIkev2Policy.ps1');
  });

  test('comma-separated and repeated names combine', async () => {
    const path = writeBaseline(validBaseline());
    const run = await runCommand(
      ['render', path, '-o', 'out', '-t', 'rras,nps', '--target', 'profile-xml'],
      dirname(path),
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('out/nps/Set-NpsEncryption.ps1');
    expect(run.stdout).toContain('out/profile-xml/User Tunnel.xml');
    expect(run.stdout).not.toContain('client/');
  });
});

describe('check argument order', () => {
  test('baseline after an input option is named', async () => {
    const run = await runCommand(
      [
        'check',
        '--server',
        'server.txt',
        '--client',
        'client.txt',
        '../../../baselines/contoso.yaml',
      ],
      `${REPO_ROOT}docs/examples/13868`,
    );
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('looks like a baseline. Put the baseline first');
  });
});

describe('internal errors', () => {
  test('crash exits 2, not 1', async () => {
    let stderr = '';
    const exitCode = await runCli(['validate', 'baselines/contoso.yaml'], {
      stdout: () => {
        throw new Error('stdout closed');
      },
      stderr: (text) => (stderr += text),
      cwd: REPO_ROOT,
    });
    expect(exitCode).toBe(2);
    expect(stderr).toContain('internal error, no verdict was made: Error: stdout closed');
  });
});
