/**
 * The binary fixtures of `check`, built from the UTF-8 sources in
 * test/fixtures/check/source: CRLF and UTF-16 copies as Windows PowerShell 5.1's `>`
 * writes them, damaged copies, and the collector files. scripts/write-check-fixtures.ts
 * writes them to test/fixtures/check/generated; a test checks they are current.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { REPO_ROOT } from './baselines.js';
import {
  cryptoOf,
  printCollectedClient,
  printCollectedServer,
  profileStateOf,
  serverStateOf,
} from './windows-printer.js';

export const FIXTURE_ROOT = join(REPO_ROOT, 'test/fixtures/check');

const WINDOWS_COPIES = [
  'server-custom.txt',
  'server-custom.json',
  'client-13868.txt',
  'client-match.txt',
  'profile-user.xml',
  'profile-exported.txt',
  'nps.txt',
  'registry-2.txt',
];

function source(name: string): string {
  return readFileSync(join(FIXTURE_ROOT, 'source', name), 'utf8');
}

function toCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

function utf16le(text: string, byteOrderMark = true): Buffer {
  const body = Buffer.from(text, 'utf16le');
  return byteOrderMark ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body;
}

function utf16be(text: string): Buffer {
  const body = Buffer.from(text, 'utf16le').swap16();
  return Buffer.concat([Buffer.from([0xfe, 0xff]), body]);
}

function withSuffix(name: string, suffix: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${suffix}${name.slice(dot)}`;
}

/** Every generated fixture, by file name. */
export function buildCheckFixtures(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const name of WINDOWS_COPIES) {
    const text = toCrlf(source(name));
    files.set(withSuffix(name, 'crlf'), Buffer.from(text, 'utf8'));
    files.set(withSuffix(name, 'utf16le'), utf16le(text));
  }
  const server = toCrlf(source('server-custom.txt'));
  files.set('server-custom.utf16be.txt', utf16be(server));
  files.set('server-custom.utf16le-cut.txt', utf16le(server).subarray(0, 301));
  files.set('client-match.utf16le-no-bom.txt', utf16le(toCrlf(source('client-match.txt')), false));
  files.set(
    'client-match.invalid-utf8.txt',
    Buffer.concat([
      Buffer.from(source('client-match.txt').slice(0, 40)),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('\r\n'),
    ]),
  );

  const loaded = loadBaselineFile(join(REPO_ROOT, 'baselines/contoso.yaml'));
  const baseline = loaded.baseline!;
  const bom = Buffer.from([0xef, 0xbb, 0xbf]);
  files.set(
    'collected-server.json',
    Buffer.concat([
      bom,
      Buffer.from(printCollectedServer(serverStateOf(baseline), [baseline.nps!])),
    ]),
  );
  files.set(
    'collected-client.json',
    Buffer.concat([
      bom,
      Buffer.from(
        printCollectedClient(
          baseline.connections.map((connection) => ({
            name: connection.name,
            allUserConnection: connection.tunnel === 'device',
            crypto: cryptoOf(baseline),
          })),
          baseline.connections.map((_connection, index) => profileStateOf(baseline, index)),
        ),
      ),
    ]),
  );
  return files;
}
