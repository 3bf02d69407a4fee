import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { MANIFEST_FILE_NAME, readManifest } from '../../src/render/manifest.js';
import { validBaseline, writeBaseline } from '../helpers/baselines.js';
import { runCommand } from '../helpers/cli.js';

function renderInto(folder: string, baselinePath: string, ...extra: string[]) {
  return runCommand(['render', baselinePath, '-o', 'out', ...extra], folder);
}

describe('render manifest', () => {
  test('lists every generated file with its target', async () => {
    const path = writeBaseline(validBaseline());
    const folder = dirname(path);
    await renderInto(folder, path);
    const entries = readManifest(join(folder, 'out'));
    expect(entries).toContainEqual({ target: 'rras', path: 'rras/Set-RrasIkev2Policy.ps1' });
    expect(entries).toContainEqual({ target: 'profile-xml', path: 'profile-xml/User Tunnel.xml' });
  });

  test('removed connection loses its files', async () => {
    const baseline = validBaseline();
    const path = writeBaseline(baseline);
    const folder = dirname(path);
    await renderInto(folder, path);
    baseline.connections.pop();
    writeFileSync(path, stringify(baseline));
    const run = await renderInto(folder, path);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('removed out/profile-xml/User Tunnel.xml');
    expect(existsSync(join(folder, 'out/profile-xml/User Tunnel.xml'))).toBe(false);
    expect(existsSync(join(folder, 'out/client/Set-UserTunnelIkev2Policy.ps1'))).toBe(false);
    expect(existsSync(join(folder, 'out/profile-xml/Device Tunnel.xml'))).toBe(true);
  });

  test('target filter keeps other targets files', async () => {
    const baseline = validBaseline();
    const path = writeBaseline(baseline);
    const folder = dirname(path);
    await renderInto(folder, path);
    baseline.connections.pop();
    writeFileSync(path, stringify(baseline));
    await renderInto(folder, path, '--target', 'rras');
    expect(existsSync(join(folder, 'out/profile-xml/User Tunnel.xml'))).toBe(true);
    expect(readManifest(join(folder, 'out'))).toContainEqual({
      target: 'profile-xml',
      path: 'profile-xml/User Tunnel.xml',
    });
  });

  test('files the admin added stay', async () => {
    const path = writeBaseline(validBaseline());
    const folder = dirname(path);
    await renderInto(folder, path);
    writeFileSync(join(folder, 'out/profile-xml/notes.txt'), 'mine');
    await renderInto(folder, path);
    expect(readFileSync(join(folder, 'out/profile-xml/notes.txt'), 'utf8')).toBe('mine');
  });

  test('edited manifest cannot delete outside the folder', async () => {
    const path = writeBaseline(validBaseline());
    const folder = dirname(path);
    mkdirSync(join(folder, 'out'));
    writeFileSync(join(folder, 'precious.txt'), 'keep');
    writeFileSync(join(folder, 'absolute.txt'), 'keep');
    writeFileSync(
      join(folder, 'out', MANIFEST_FILE_NAME),
      `rras\t../precious.txt\nrras\t${join(folder, 'absolute.txt')}\n`,
    );
    const run = await renderInto(folder, path);
    expect(run.exitCode).toBe(0);
    expect(readFileSync(join(folder, 'precious.txt'), 'utf8')).toBe('keep');
    expect(readFileSync(join(folder, 'absolute.txt'), 'utf8')).toBe('keep');
  });

  test('manifest is identical across renders', async () => {
    const path = writeBaseline(validBaseline());
    const folder = dirname(path);
    await renderInto(folder, path);
    const first = readFileSync(join(folder, 'out', MANIFEST_FILE_NAME), 'utf8');
    await renderInto(folder, path);
    expect(readFileSync(join(folder, 'out', MANIFEST_FILE_NAME), 'utf8')).toBe(first);
  });
});
