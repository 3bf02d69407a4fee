import { describe, expect, test } from 'vitest';
import type { Baseline } from '../../src/baseline/types.js';
import { runCli } from '../../src/cli/main.js';
import type { BaselineDiff } from '../../src/diff/model.js';
import { validBaseline, writeBaseline } from '../helpers/baselines.js';

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(args, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: process.cwd(),
  });
  return { exitCode, stdout, stderr };
}

function modified(change: (baseline: Baseline) => void): string {
  const baseline = validBaseline();
  change(baseline);
  return writeBaseline(baseline);
}

const original = writeBaseline(validBaseline());
const weaker = modified((b) => {
  b.esp.pfsGroup = 'PFS2048';
});
const stronger = modified((b) => {
  b.esp.pfsGroup = 'ECP384';
});
const ruleInvalid = modified((b) => {
  b.esp.cipher = 'None';
  b.esp.integrity = 'SHA256128';
});
const schemaInvalid = writeBaseline('name: broken\nike:\n  encryption: AES_GCM_128\n');

describe('diff exit codes', () => {
  const cases: Array<{ name: string; args: string[]; exitCode: number }> = [
    { name: 'weaker without --fail-on', args: [original, weaker], exitCode: 0 },
    {
      name: 'weaker with --fail-on weaker',
      args: [original, weaker, '--fail-on', 'weaker'],
      exitCode: 1,
    },
    {
      name: 'stronger with --fail-on weaker',
      args: [original, stronger, '--fail-on', 'weaker'],
      exitCode: 0,
    },
    {
      name: 'identical with --fail-on weaker',
      args: [original, original, '--fail-on', 'weaker'],
      exitCode: 0,
    },
    { name: 'one file without --base', args: [original], exitCode: 2 },
    { name: 'three files', args: [original, weaker, stronger], exitCode: 2 },
    { name: 'two files with --base', args: [original, weaker, '--base', 'HEAD'], exitCode: 2 },
    { name: 'unknown format', args: [original, weaker, '--format', 'xml'], exitCode: 2 },
    { name: 'unknown --fail-on', args: [original, weaker, '--fail-on', 'stronger'], exitCode: 2 },
    { name: 'missing file', args: [original, '/nonexistent/baseline.yaml'], exitCode: 2 },
    { name: 'schema-invalid new version', args: [original, schemaInvalid], exitCode: 2 },
    { name: 'schema-invalid old version', args: [schemaInvalid, original], exitCode: 2 },
  ];

  test.each(cases)('$name is $exitCode', async (row) => {
    const result = await run(['diff', ...row.args]);
    expect(result.exitCode).toBe(row.exitCode);
  });

  test('schema error names file and line', async () => {
    const result = await run(['diff', original, schemaInvalid]);
    expect(result.stderr).toContain(`${schemaInvalid}:3:15: error foreign-spelling`);
    expect(result.stdout).toBe('');
  });

  test('rule errors still give a diff', async () => {
    const result = await run(['diff', original, ruleInvalid]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`Warning: ${ruleInvalid} has 1 unwaived rule error(s)`);
    expect(result.stdout).toContain('+ error esp-no-confidentiality at esp.cipher');
  });

  test('usage error goes to stderr', async () => {
    const result = await run(['diff', original]);
    expect(result.stderr).toMatch(/^error: give two baselines/);
    expect(result.stdout).toBe('');
  });
});

describe('diff formats', () => {
  test('json carries the verdicts', async () => {
    const result = await run(['diff', original, weaker, '--format', 'json']);
    const diff = JSON.parse(result.stdout) as BaselineDiff;
    expect(diff.weaker).toBe(true);
    expect(diff.crypto[0]!.key).toBe('esp.pfsGroup');
    expect(diff.crypto[0]!.verdict).toBe('weaker');
    expect(diff.redeploy.map((item) => item.target)).toEqual([
      'rras',
      'client',
      'profile-xml',
      'strongswan',
    ]);
  });

  test('markdown has tables and the warning', async () => {
    const result = await run(['diff', original, weaker, '--format', 'markdown']);
    expect(result.stdout).toContain(
      '| esp.pfsGroup (PfsGroup) | ECP256 -> PFS2048 | ECP256 -> PFS2048 | ecp256 -> modp2048 | ecp256 -> pfs2048 | **weaker** |',
    );
    expect(result.stdout).toContain('### Rollout warning');
    expect(result.stdout).toContain('### Redeploy');
  });

  test('markdown rename has no rollout warning', async () => {
    const renamed = modified((b) => {
      b.connections[1]!.name = 'Staff | VPN';
    });
    const result = await run(['diff', original, renamed, '--format', 'markdown']);
    expect(result.stdout).toContain('connection renamed: "User Tunnel" -> "Staff | VPN"');
    expect(result.stdout).not.toContain('### Rollout warning');
  });

  test('text says no changes', async () => {
    const result = await run(['diff', original, original]);
    expect(result.stdout).toMatch(/\nNo changes\.\n$/);
    expect(result.exitCode).toBe(0);
  });
});
