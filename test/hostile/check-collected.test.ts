/** Inputs with missing, cut or no settings: check must give no verdict on them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO_ROOT } from '../helpers/baselines.js';
import { FIXTURE_ROOT } from '../helpers/check-fixtures.js';
import { runCheck, SERVER } from './check-run.js';

const SERVER_DEFAULT = readFileSync(join(FIXTURE_ROOT, 'source/server-default.txt'), 'utf8');
const COLLECTED = JSON.parse(
  readFileSync(join(FIXTURE_ROOT, 'generated/collected-client.json'), 'utf8').replace(
    /^\uFEFF/,
    '',
  ),
) as { connections: Array<Record<string, unknown>>; profileXml: unknown };

/** Returns the collected client file with `change` applied to a copy. */
function collected(change: (copy: typeof COLLECTED) => void): string {
  const copy = structuredClone(COLLECTED);
  change(copy);
  return JSON.stringify(copy, null, 2);
}

const DEPTH_CUT = '@{AuthenticationTransformConstants=GCMAES128; DHGroup=Group14}';

describe('check collected client', () => {
  test.each([
    {
      name: 'ipsecCustomPolicy cut by -Depth',
      file: collected((copy) => {
        copy.connections.forEach((connection) => (connection.ipsecCustomPolicy = DEPTH_CUT));
      }),
      code: 'collected-shape',
    },
    {
      name: 'ipsecCustomPolicy missing',
      file: collected((copy) => {
        copy.connections.forEach((connection) => delete connection.ipsecCustomPolicy);
      }),
      code: 'collected-shape',
    },
    {
      name: 'connections not an array',
      file: collected((copy) => {
        (copy as Record<string, unknown>).connections = 'System.Collections.Generic.List`1';
      }),
      code: 'collected-shape',
    },
    {
      name: 'no connection and no profile',
      file: collected((copy) => {
        copy.connections = [];
        copy.profileXml = [];
      }),
      code: 'collected-no-connection',
    },
  ])('$name', async ({ file, code }) => {
    for (const server of [SERVER, SERVER_DEFAULT]) {
      const run = await runCheck({ 'server.txt': server, 'client.json': file }, [
        '--server',
        'server.txt',
        '--collected',
        'client.json',
      ]);
      expect(run.exitCode).toBe(2);
      expect([...new Set(run.codes)]).toEqual([code]);
    }
  });
});

describe('check without a client', () => {
  test('server alone', async () => {
    const run = await runCheck({ 'server.txt': SERVER }, ['--server', 'server.txt']);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['client-required']);
  });
});

describe('check collected server', () => {
  test('no server configuration and no NPS', async () => {
    const text = readFileSync(join(FIXTURE_ROOT, 'generated/collected-server.json'), 'utf8');
    const server = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
    server.vpnServerConfiguration = null;
    server.npsNetworkPolicies = null;
    const run = await runCheck({ 'server.json': JSON.stringify(server) }, [
      join(REPO_ROOT, 'baselines/contoso.yaml'),
      '--collected',
      'server.json',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['nothing-compared']);
  });
});

describe('check registry alone', () => {
  test('baseline and --registry only', async () => {
    const registry =
      'ERROR: The system was unable to find the specified registry key or value.\r\n';
    const run = await runCheck({ 'reg.txt': registry }, [
      join(REPO_ROOT, 'baselines/contoso.yaml'),
      '--registry',
      'reg.txt',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['nothing-compared']);
  });
});
