/**
 * Runs the commands of the documented CI workflow and pre-commit hook, read from the
 * committed files, so the documentation cannot drift from what is tested.
 *
 * The workflow's install step (npm ci, npm run build, npm install --global .) is not
 * run here: buildCli() builds the same sources and installCliShim() puts an
 * `aovpn-baseline` command on PATH, which is what the global install provides.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { Baseline } from '../../src/baseline/types.js';
import { REPO_ROOT, validBaseline } from '../helpers/baselines.js';
import { installCliShim, removeBuiltCli } from '../helpers/built-cli.js';
import {
  commitAll,
  createRepository,
  git,
  GIT_ENV,
  writeRepositoryFile,
  writeSampleEap,
} from '../helpers/git-repository.js';

const WORKFLOW_PATH = 'examples/github-actions/aovpn-baseline.yml';
const HOOK_PATH = 'hooks/pre-commit';
const DOC_PATH = 'docs/ci-workflow.md';

interface WorkflowStep {
  name?: string;
  run?: string;
  shell?: string;
}

/** Returns the `run:` block of the named step in the named job of the committed workflow. */
function workflowStep(job: string, stepName: string): WorkflowStep {
  const workflow = parse(readFileSync(join(REPO_ROOT, WORKFLOW_PATH), 'utf8')) as {
    jobs: Record<string, { steps: WorkflowStep[] }>;
  };
  const step = workflow.jobs[job]?.steps.find((candidate) => candidate.name === stepName);
  if (step?.run === undefined) {
    throw new Error(`${WORKFLOW_PATH} has no run step "${stepName}" in job ${job}`);
  }
  return step;
}

/** Returns the shell block that follows `<!-- tested: NAME -->` in the documentation. */
function documentedCommands(name: string): string {
  const text = readFileSync(join(REPO_ROOT, DOC_PATH), 'utf8');
  const match = new RegExp(`<!-- tested: ${name} -->\\s*\`\`\`sh\\n([\\s\\S]*?)\`\`\``).exec(text);
  if (match?.[1] === undefined) {
    throw new Error(`${DOC_PATH} has no tested block named ${name}`);
  }
  return match[1];
}

let pathWithCli: string;

beforeAll(() => {
  pathWithCli = `${installCliShim()}:${process.env.PATH ?? ''}`;
});

afterAll(removeBuiltCli);

/** Runs a workflow step as GitHub runs `shell: bash` steps. */
function runStep(step: WorkflowStep, cwd: string, env: NodeJS.ProcessEnv) {
  expect(step.shell).toBe('bash');
  const script = join(mkdtempSync(join(tmpdir(), 'aovpn-baseline-step-')), 'step.sh');
  writeFileSync(script, step.run!);
  return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
    cwd,
    env: { ...GIT_ENV, PATH: pathWithCli, ...env },
    encoding: 'utf8',
  });
}

function baselineWithEap(change: (baseline: Baseline) => void = () => {}): Baseline {
  const baseline = validBaseline();
  baseline.connections[1]!.eapConfig = 'eap/peap.xml';
  change(baseline);
  return baseline;
}

/** Creates a repository with a base commit and a pull request commit that applies `change`. */
function pullRequestRepository(change: (baseline: Baseline) => void) {
  const repository = createRepository();
  writeRepositoryFile(repository, 'baselines/corp.yaml', baselineWithEap());
  writeRepositoryFile(repository, 'baselines/branch.yaml', baselineWithEap());
  writeSampleEap(repository, 'baselines/eap/peap.xml');
  commitAll(repository, 'Base');
  const baseSha = git(repository, 'rev-parse', 'HEAD').trim();

  writeRepositoryFile(repository, 'baselines/corp.yaml', baselineWithEap(change));
  writeRepositoryFile(repository, 'baselines/new office.yaml', baselineWithEap());
  commitAll(repository, 'Pull request');
  return { repository, baseSha };
}

describe('documented workflow', () => {
  test('documentation names the committed files', () => {
    const text = readFileSync(join(REPO_ROOT, DOC_PATH), 'utf8');
    expect(text).toContain(WORKFLOW_PATH);
    expect(text).toContain(HOOK_PATH);
  });

  test('validate step passes valid baselines', () => {
    const { repository } = pullRequestRepository(() => {});
    const result = runStep(workflowStep('validate', 'Validate baselines'), repository, {});
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('baselines/corp.yaml: valid');
  });

  test('validate step fails an invalid baseline', () => {
    const { repository } = pullRequestRepository(() => {});
    writeRepositoryFile(
      repository,
      'baselines/bad.yaml',
      'name: bad\nike:\n  encryption: AES_GCM_128\n',
    );
    const result = runStep(workflowStep('validate', 'Validate baselines'), repository, {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('baselines/bad.yaml:3:15: error foreign-spelling');
  });

  test('diff step writes the comment and flags weaker', () => {
    const { repository, baseSha } = pullRequestRepository((baseline) => {
      baseline.esp.pfsGroup = 'PFS2048';
    });
    const output = join(mkdtempSync(join(tmpdir(), 'aovpn-baseline-output-')), 'output');
    writeFileSync(output, '');
    const result = runStep(workflowStep('diff', 'Diff changed baselines'), repository, {
      BASE_SHA: baseSha,
      GITHUB_OUTPUT: output,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);

    const comment = readFileSync(join(repository, 'diff.md'), 'utf8');
    expect(comment).toContain(`## aovpn-baseline diff: \`${baseSha}:baselines/corp.yaml\``);
    expect(comment).toContain('| **weaker** |');
    expect(comment).toContain('New baseline `baselines/new office.yaml`');
    expect(comment).not.toContain('branch.yaml');
    expect(readFileSync(output, 'utf8')).toBe('weaker=true\n');
  });

  test('diff step without weaker change', () => {
    const { repository, baseSha } = pullRequestRepository((baseline) => {
      baseline.esp.pfsGroup = 'ECP384';
    });
    const output = join(mkdtempSync(join(tmpdir(), 'aovpn-baseline-output-')), 'output');
    const result = runStep(workflowStep('diff', 'Diff changed baselines'), repository, {
      BASE_SHA: baseSha,
      GITHUB_OUTPUT: output,
    });
    expect(result.status).toBe(0);
    expect(readFileSync(join(repository, 'diff.md'), 'utf8')).toContain('| stronger |');
    expect(readFileSync(output, 'utf8')).toBe('weaker=false\n');
  });

  test('comment step posts diff.md', () => {
    // gh needs GitHub; the test checks the command reads the file the diff step wrote.
    expect(workflowStep('diff', 'Post the diff as a comment').run).toContain('--body-file diff.md');
  });
});

describe('pre-commit hook', () => {
  function installHook(repository: string): void {
    writeRepositoryFile(repository, HOOK_PATH, readFileSync(join(REPO_ROOT, HOOK_PATH), 'utf8'));
    chmodSync(join(repository, HOOK_PATH), 0o755);
    const install = spawnSync('sh', ['-c', documentedCommands('hook-install')], {
      cwd: repository,
      env: GIT_ENV,
      encoding: 'utf8',
    });
    expect(install.status).toBe(0);
  }

  function commit(repository: string) {
    return spawnSync('git', ['commit', '--quiet', '-m', 'change'], {
      cwd: repository,
      env: { ...GIT_ENV, PATH: pathWithCli },
      encoding: 'utf8',
    });
  }

  function setUp(): string {
    const repository = createRepository();
    installHook(repository);
    writeSampleEap(repository, 'baselines/eap/peap.xml');
    git(repository, 'add', '--all');
    return repository;
  }

  test('accepts a valid staged baseline', () => {
    const repository = setUp();
    writeRepositoryFile(repository, 'baselines/corp.yaml', baselineWithEap());
    git(repository, 'add', '--all');
    const result = commit(repository);
    // git passes the hook's stdout on as stderr.
    expect(result.stderr).toContain('baselines/corp.yaml: valid');
    expect(result.status).toBe(0);
  });

  test('rejects an invalid staged baseline', () => {
    const repository = setUp();
    writeRepositoryFile(
      repository,
      'baselines/bad.yaml',
      'name: bad\nike:\n  encryption: AES_GCM_128\n',
    );
    git(repository, 'add', '--all');
    const result = commit(repository);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('baselines/bad.yaml:3:15: error foreign-spelling');
    expect(git(repository, 'rev-list', '--all')).toBe('');
  });

  test('checks the staged version, not the working tree', () => {
    const repository = setUp();
    writeRepositoryFile(repository, 'baselines/corp.yaml', baselineWithEap());
    git(repository, 'add', '--all');
    writeRepositoryFile(repository, 'baselines/corp.yaml', 'name: broken\n');
    const result = commit(repository);
    expect(result.stderr).toContain('baselines/corp.yaml: valid');
    expect(result.status).toBe(0);
  });

  test('rejects a staged baseline whose EAP file is not staged', () => {
    const repository = createRepository();
    installHook(repository);
    writeRepositoryFile(repository, 'baselines/corp.yaml', baselineWithEap());
    git(repository, 'add', 'baselines/corp.yaml', 'hooks');
    writeSampleEap(repository, 'baselines/eap/peap.xml');
    const result = commit(repository);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('error user-tunnel-eap');
  });

  test('ignores commits without baselines', () => {
    const repository = createRepository();
    installHook(repository);
    writeRepositoryFile(repository, 'README.md', 'notes\n');
    git(repository, 'add', '--all');
    const result = commit(repository);
    expect(result.status).toBe(0);
  });
});
