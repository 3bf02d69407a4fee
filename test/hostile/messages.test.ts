/** Diagnostics printed for hostile values: bounded in size and free of terminal control. */
import { describe, expect, test } from 'vitest';
import { validBaseline, writeBaseline, REPO_ROOT } from '../helpers/baselines.js';
import { runCommand } from '../helpers/cli.js';

describe('printed diagnostics', () => {
  test('huge value is shortened', async () => {
    const baseline = validBaseline();
    baseline.name = 'a'.repeat(5_000_000);
    const run = await runCommand(['validate', writeBaseline(baseline)], REPO_ROOT);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('invalid-format');
    expect(run.stderr.length).toBeLessThan(2_000);
  });

  const controls = [
    { name: 'escape sequence', value: 'x\u001b[2J\u001b]0;owned\u0007' },
    { name: 'C1 control', value: 'x\u009b2J' },
    { name: 'right-to-left override', value: 'x\u202Eabc' },
    { name: 'carriage return', value: 'x\rvalid' },
  ];

  test.each(controls)('control characters are shown escaped: $name', async ({ value }) => {
    const baseline = validBaseline();
    baseline.name = value;
    const run = await runCommand(['validate', writeBaseline(baseline)], REPO_ROOT);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('invalid-format');
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
  });
});
