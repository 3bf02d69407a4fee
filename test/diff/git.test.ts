import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Baseline } from '../../src/baseline/types.js';
import { runCli } from '../../src/cli/main.js';
import type { BaselineDiff } from '../../src/diff/model.js';
import { validBaseline } from '../helpers/baselines.js';
import { buildCli, removeBuiltCli } from '../helpers/built-cli.js';
import {
  commitAll,
  createRepository,
  GIT_ENV,
  writeRepositoryFile,
  writeSampleEap,
} from '../helpers/git-repository.js';

function baselineWithEap(change: (baseline: Baseline) => void = () => {}): Baseline {
  const baseline = validBaseline();
  baseline.connections[1]!.eapConfig = 'eap/peap.xml';
  change(baseline);
  return baseline;
}

async function runDiff(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(['diff', ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
  });
  return { exitCode, stdout, stderr };
}

let repository: string;

beforeAll(() => {
  repository = createRepository();
  writeRepositoryFile(repository, 'baselines/corp.yaml', baselineWithEap());
  writeSampleEap(repository, 'baselines/eap/peap.xml');
  commitAll(repository, 'Add corp baseline');

  const eapPath = join(repository, 'baselines/eap/peap.xml');
  writeFileSync(
    eapPath,
    readFileSync(eapPath, 'utf8').replace('</EapHostConfig>', '<!-- v2 -->\n</EapHostConfig>'),
  );
  writeRepositoryFile(
    repository,
    'baselines/corp.yaml',
    baselineWithEap((baseline) => {
      baseline.esp.pfsGroup = 'PFS2048';
    }),
  );
  writeRepositoryFile(repository, 'baselines/new.yaml', baselineWithEap());
  commitAll(repository, 'Weaken the PFS group, add a second baseline');
});

afterAll(removeBuiltCli);

describe('diff --base', () => {
  test('compares with the previous commit', async () => {
    const result = await runDiff(
      ['baselines/corp.yaml', '--base', 'HEAD~1', '--format', 'json'],
      repository,
    );
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const diff = JSON.parse(result.stdout) as BaselineDiff;
    expect(diff.old.file).toBe('HEAD~1:baselines/corp.yaml');
    expect(diff.crypto.map((change) => [change.key, change.verdict])).toEqual([
      ['esp.pfsGroup', 'weaker'],
    ]);
    expect(diff.findings).toEqual({ added: [], removed: [] });
  });

  test('reads the old EAP XML from the revision', async () => {
    const result = await runDiff(
      ['baselines/corp.yaml', '--base', 'HEAD~1', '--format', 'json'],
      repository,
    );
    const diff = JSON.parse(result.stdout) as BaselineDiff;
    expect(diff.settings.map((change) => change.path)).toEqual(['connections.eapConfig']);
  });

  test('works from a subfolder', async () => {
    const result = await runDiff(
      ['corp.yaml', '--base', 'HEAD~1', '--fail-on', 'weaker'],
      join(repository, 'baselines'),
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/HEAD~1:baselines\/corp\.yaml -> corp\.yaml/);
  });

  const errors: Array<{ name: string; args: string[]; cwd?: () => string; code: string }> = [
    {
      name: 'unknown revision',
      args: ['baselines/corp.yaml', '--base', 'no-such-branch'],
      code: 'unknown-revision',
    },
    {
      name: 'file new at revision',
      args: ['baselines/new.yaml', '--base', 'HEAD~1'],
      code: 'file-not-at-revision',
    },
    {
      name: 'option as revision',
      args: ['baselines/corp.yaml', '--base=--output=x'],
      code: 'invalid-revision',
    },
  ];

  test.each(errors)('$name is exit 2 with $code', async (row) => {
    const result = await runDiff(row.args, repository);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`error ${row.code}:`);
    expect(result.stdout).toBe('');
  });

  test('missing git is exit 2', async () => {
    const savedPath = process.env.PATH;
    process.env.PATH = '';
    try {
      const result = await runDiff(['baselines/corp.yaml', '--base', 'HEAD~1'], repository);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('error git-not-found:');
    } finally {
      process.env.PATH = savedPath;
    }
  });

  test('outside a repository is exit 2', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'aovpn-baseline-nogit-'));
    writeFileSync(join(folder, 'corp.yaml'), readFileSync(join(repository, 'baselines/corp.yaml')));
    const result = await runDiff(['corp.yaml', '--base', 'HEAD'], folder);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error not-a-repository:');
  });
});

describe('built binary', () => {
  test('diff --base through bin/aovpn-baseline.js', () => {
    const result = spawnSync(
      process.execPath,
      [buildCli(), 'diff', 'baselines/corp.yaml', '--base', 'HEAD~1', '--fail-on', 'weaker'],
      { cwd: repository, env: GIT_ENV, encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(
      /esp\.pfsGroup \(PfsGroup, child SA\): ECP256 -> PFS2048 {2}\[weaker\]/,
    );
  });
});
