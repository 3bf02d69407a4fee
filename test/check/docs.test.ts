/** The worked 13868 example in docs/check.md and the README is the real output of its command. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { REPO_ROOT } from '../helpers/baselines.js';

test.each(['docs/check.md', 'README.md'])('%s 13868 example output', async (document) => {
  const text = readFileSync(join(REPO_ROOT, document), 'utf8');
  const shown = /<!-- example-13868-output -->\n\n```text\n([\s\S]*?)```/.exec(text)?.[1];
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
      stdout: (output) => (stdout += output),
      stderr: () => undefined,
      cwd: join(REPO_ROOT, 'docs/examples/13868'),
    },
  );
  expect(shown).toBeDefined();
  expect(stdout).toBe(shown);
  expect(code).toBe(1);
});
