/** A seeded generator of valid baselines for property tests (no dependency: mulberry32). */
import type { Baseline, Connection, MppeLevel } from '../../src/baseline/types.js';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { hasBlockingDiagnostics } from '../../src/diagnostics.js';
import { getCryptoField, type CryptoFieldKey } from '../../src/crypto/vocabulary.js';
import { writeBaseline } from './baselines.js';

export type Random = () => number;

/** mulberry32: a small 32-bit PRNG, enough to make test cases reproducible from a seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function integerBetween(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

const values = (key: CryptoFieldKey): readonly string[] => getCryptoField(key).values;

/** Names with the characters that escaping must survive: quotes, ampersands, Unicode. */
const NAME_PARTS = [
  'Contoso',
  "O'Brien",
  'VPN',
  'Tunnel',
  'R&D',
  'Zürich',
  '‘quoted’',
  'Always On',
];

function randomName(random: Random): string {
  const count = integerBetween(random, 1, 3);
  return Array.from({ length: count }, () => pick(random, NAME_PARTS)).join(' ');
}

function randomLevels(random: Random): MppeLevel[] {
  const all: MppeLevel[] = ['none', 'basic', 'strong', 'strongest'];
  const chosen = all.filter(() => random() < 0.5);
  return chosen.length > 0 ? chosen : ['strongest'];
}

function randomConnections(random: Random): Connection[] {
  const count = integerBetween(random, 1, 3);
  const connections: Connection[] = [];
  for (let index = 0; index < count; index += 1) {
    const tunnel = index === 0 ? 'device' : pick(random, ['device', 'user'] as const);
    connections.push({
      name: `${randomName(random)} ${index}`,
      tunnel,
      servers: ['vpn.example.com'],
      routes: [{ prefix: '10.0.0.0/8' }],
      ...(tunnel === 'user' ? { eapConfig: 'eap.xml' } : {}),
    });
  }
  return connections;
}

/** Builds a candidate baseline, which may break a rule, so randomValidBaseline filters them. */
function randomCandidate(random: Random): Baseline {
  const cipher = pick(
    random,
    values('esp.cipher').filter((value) => value !== 'None'),
  );
  const integrity = cipher.startsWith('GCM')
    ? cipher
    : pick(random, ['MD596', 'SHA196', 'SHA256128']);
  const baseline: Baseline = {
    name: 'random-baseline',
    windows: { minClientBuild: '10.0.22621', minServerBuild: '10.0.20348' },
    ike: {
      encryption: pick(random, values('ike.encryption')),
      integrity: pick(random, values('ike.integrity')),
      dhGroup: pick(
        random,
        values('ike.dhGroup').filter((value) => value !== 'None'),
      ),
    },
    esp: { cipher, integrity, pfsGroup: pick(random, values('esp.pfsGroup')) },
    server: {
      saLifetimeSeconds: integerBetween(random, 300, 86400),
      mmSaLifetimeSeconds: integerBetween(random, 300, 86400),
      saDataSizeKilobytes: integerBetween(random, 1024, 4_000_000),
      ...(random() < 0.5 ? { idleDisconnectSeconds: integerBetween(random, 300, 7200) } : {}),
    },
    connections: randomConnections(random),
  };
  if (random() < 0.7) {
    baseline.nps = { networkPolicy: randomName(random), encryption: randomLevels(random) };
  }
  return baseline;
}

/** Generates a random baseline that validates (schema and rules) and writes it to a temporary folder. */
export function randomValidBaseline(random: Random): { baseline: Baseline; file: string } {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const baseline = randomCandidate(random);
    const file = writeBaseline(baseline);
    const loaded = loadBaselineFile(file);
    if (loaded.baseline !== undefined && !hasBlockingDiagnostics(loaded.diagnostics)) {
      return { baseline, file };
    }
  }
  throw new Error('no valid baseline in 50 attempts: the generator needs fixing');
}
