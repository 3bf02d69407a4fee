/** Baseline against machines: every field that differs from the baseline is drift. */
import type { Baseline, ServerSettings } from '../../baseline/types.js';
import {
  CRYPTO_FIELDS,
  PROFILE_XML_SPELLING,
  spell,
  type CryptoFieldKey,
} from '../../crypto/vocabulary.js';
import type { CheckFinding } from '../findings.js';
import type {
  ClientObservation,
  CryptoSettings,
  LifetimeKey,
  ProfileXmlObservation,
  ServerObservation,
} from '../model.js';
import {
  cryptoConsequence,
  lifetimeConsequence,
  type Consequence,
  type RekeyLimits,
} from './consequences.js';
import {
  clientFixCommand,
  profileXmlFix,
  serverFixCommand,
  type CryptoValues,
} from './fix-commands.js';
import { profileProblemFindings } from './profile-problems.js';

export interface CompareOptions {
  /** Connection name for client captures that do not carry one (text and plain JSON). */
  connectionName?: string;
}

export function baselineValues(baseline: Baseline): CryptoValues {
  const values = {} as Record<CryptoFieldKey, string>;
  for (const field of CRYPTO_FIELDS) {
    values[field.key] = (baseline[field.path[0]] as unknown as Record<string, string>)[
      field.path[1]
    ]!;
  }
  return values;
}

const LIFETIME_SETTINGS: ReadonlyArray<{ key: LifetimeKey; setting: string }> = [
  { key: 'saLifetimeSeconds', setting: 'SALifeTime(s)' },
  { key: 'mmSaLifetimeSeconds', setting: 'MMSALifeTime(s)' },
  { key: 'saDataSizeKilobytes', setting: 'SADataSizeForRenegotiation(KB)' },
  { key: 'idleDisconnectSeconds', setting: 'IdleDisconnect(s)' },
];

export function compareServerWithBaseline(
  server: ServerObservation,
  baseline: Baseline,
): CheckFinding[] {
  const expected = baselineValues(baseline);
  const fix = serverFixCommand(expected, baseline.server);
  const limits: RekeyLimits = baseline.server;
  const findings = compareCrypto(server.crypto, expected, limits, (key, actual) => ({
    artifact: server.artifact,
    sideToFix: 'server',
    fix,
    position: server.crypto?.[key].position ?? server.position,
    actual,
  }));
  for (const { key, setting } of LIFETIME_SETTINGS) {
    const want = baseline.server[key as keyof ServerSettings];
    const have = server.lifetimes[key];
    if (want === undefined || have === undefined || want === have.value) {
      continue;
    }
    findings.push({
      ...lifetimeConsequence(),
      severity: 'drift',
      artifact: server.artifact,
      field: `server.${key}`,
      setting,
      expected: String(want),
      actual: String(have.value),
      sideToFix: 'server',
      fix,
      position: have.position,
    });
  }
  return findings;
}

export function compareClientWithBaseline(
  client: ClientObservation,
  baseline: Baseline,
  options: CompareOptions,
): CheckFinding[] {
  const expected = baselineValues(baseline);
  const name = client.connectionName ?? options.connectionName ?? soleConnectionName(baseline);
  const allUser =
    client.allUserConnection ??
    baseline.connections.find((connection) => connection.name === name)?.tunnel === 'device';
  const fix = clientFixCommand(name, allUser, expected);
  return compareCrypto(client.crypto, expected, baseline.server, (key, actual) => ({
    artifact: client.artifact,
    sideToFix: 'client',
    fix,
    position: client.crypto?.[key].position ?? client.position,
    actual,
  }));
}

export function compareProfileWithBaseline(
  profile: ProfileXmlObservation,
  baseline: Baseline,
): CheckFinding[] {
  const expected = baselineValues(baseline);
  const findings = profileProblemFindings(profile, expected, 'drift');
  for (const field of CRYPTO_FIELDS) {
    if (profile.problems.some((problem) => problem.field === field.key)) {
      continue;
    }
    const want = spell(PROFILE_XML_SPELLING, field.key, expected[field.key]) ?? 'None';
    const have = profile.crypto[field.key];
    if (have !== undefined && have.value === expected[field.key]) {
      continue;
    }
    const actual =
      have?.written ??
      have?.value ??
      (profile.hasSuite
        ? '(element missing)'
        : '(no CryptographySuite: Windows default proposals)');
    findings.push({
      ...driftConsequence(field.key, baseline.server),
      severity: 'drift',
      artifact: profile.artifact,
      field: field.key,
      setting: field.parameter,
      expected: want,
      actual,
      sideToFix: 'profile-xml',
      fix: profileXmlFix(field.key, want),
      position: have?.position ?? profile.position,
    });
  }
  return findings;
}

type FindingPlace = Pick<CheckFinding, 'artifact' | 'sideToFix' | 'fix' | 'position' | 'actual'>;

/** Compares six observed values (or none, for Windows' defaults) with the expected ones. */
function compareCrypto(
  observed: CryptoSettings | undefined,
  expected: CryptoValues,
  limits: RekeyLimits,
  place: (key: CryptoFieldKey, actual: string) => FindingPlace,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const field of CRYPTO_FIELDS) {
    const have = observed?.[field.key];
    if (have !== undefined && have.value === expected[field.key]) {
      continue;
    }
    const actual = have?.value ?? '(no custom policy: Windows default proposals)';
    findings.push({
      ...driftConsequence(field.key, limits),
      ...place(field.key, actual),
      severity: 'drift',
      field: field.key,
      setting: field.parameter,
      expected: expected[field.key],
    });
  }
  return findings;
}

/** Builds the consequence of a drifted field, which shows when the other side follows the baseline. */
function driftConsequence(key: CryptoFieldKey, limits: RekeyLimits): Consequence {
  const consequence = cryptoConsequence(key, limits);
  return {
    ...consequence,
    message: `with a peer that follows the baseline, ${consequence.message}`,
  };
}

export function soleConnectionName(baseline: Baseline): string {
  return baseline.connections.length === 1 ? baseline.connections[0]!.name : '<connection name>';
}
