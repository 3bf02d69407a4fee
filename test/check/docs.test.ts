/** The worked example in docs/check.md is the real output of the command it shows. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { REPO_ROOT } from '../helpers/baselines.js';

it('docs 13868 example output', async () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/check.md'), 'utf8');
  const shown = /<!-- example-13868-output -->\n\n```text\n([\s\S]*?)```/.exec(doc)?.[1];
  let stdout = '';
  const code = await runCli(
    [
      'check',
      '--server',
      'server.txt',
      '--client',
      'client.txt',
      '--connection-name',
      'Contoso VPN',
    ],
    {
      stdout: (text) => (stdout += text),
      stderr: () => undefined,
      cwd: join(REPO_ROOT, 'docs/examples/13868'),
    },
  );
  expect(stdout).toBe(shown);
  expect(code).toBe(1);
});
