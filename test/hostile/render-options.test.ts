/** Careless render options: repeated targets and an empty output folder. */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validBaseline, writeBaseline } from '../helpers/baselines.js';
import { runCommand } from '../helpers/cli.js';

describe('render options', () => {
  test('repeated target renders once', async () => {
    const path = writeBaseline(validBaseline());
    const folder = dirname(path);
    const run = await runCommand(
      ['render', path, '-o', 'out', '-t', 'profile-xml', '-t', 'profile-xml'],
      folder,
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(readdirSync(join(folder, 'out', 'profile-xml'))).toHaveLength(4);
  });

  test('empty output folder is a usage error', async () => {
    const path = writeBaseline(validBaseline());
    const folder = dirname(path);
    const run = await runCommand(['render', path, '--out', ''], folder);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--out');
    expect(existsSync(join(folder, 'profile-xml'))).toBe(false);
  });
});
