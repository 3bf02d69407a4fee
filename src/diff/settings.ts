/** Changes outside the six crypto values: server lifetimes, NPS, waivers, name and description. */
import type { Baseline, NpsSettings, ServerSettings } from '../baseline/types.js';
import type { SettingChange } from './model.js';

/**
 * IKEv2 (RFC 7296) does not negotiate lifetimes: each peer keeps its own and the one
 * with the shorter lifetime rekeys, as the IKEv2 guides of HPE and Palo Alto Networks
 * describe. A lifetime change therefore never causes a policy mismatch.
 */
const LIFETIME_EXPLANATION =
  'Not a strength change: IKEv2 does not negotiate lifetimes (each peer rekeys on its own timer), so clients keep connecting. A shorter lifetime rekeys more often, so each key protects less traffic and a PFS group (if set) runs more often, at the cost of more rekey work; a longer one does the opposite.';

const SERVER_FIELDS: ReadonlyArray<{ key: keyof ServerSettings; unit: string; lifetime: boolean }> =
  [
    { key: 'saLifetimeSeconds', unit: 's', lifetime: true },
    { key: 'mmSaLifetimeSeconds', unit: 's', lifetime: true },
    { key: 'saDataSizeKilobytes', unit: 'KB', lifetime: true },
    { key: 'idleDisconnectSeconds', unit: 's', lifetime: false },
  ];

function formatAmount(value: number | undefined, unit: string): string {
  return value === undefined ? '(not set, RRAS default)' : `${value} ${unit}`;
}

export function diffServer(old: ServerSettings, next: ServerSettings): SettingChange[] {
  return SERVER_FIELDS.filter(({ key }) => old[key] !== next[key]).map(
    ({ key, unit, lifetime }) => {
      const direction = describeDirection(old[key], next[key]);
      return {
        kind: lifetime ? 'lifetime' : 'server',
        path: `server.${key}`,
        summary: `server.${key}: ${formatAmount(old[key], unit)} -> ${formatAmount(next[key], unit)}${direction}`,
        explanation: lifetime
          ? LIFETIME_EXPLANATION
          : 'Not a crypto change: RRAS disconnects a connection after this many idle seconds.',
      };
    },
  );
}

function describeDirection(old: number | undefined, next: number | undefined): string {
  if (old === undefined || next === undefined) {
    return '';
  }
  return next < old ? ' (shorter)' : ' (longer)';
}

function formatLevels(nps: NpsSettings | undefined): string {
  return nps === undefined ? '(no nps section)' : `[${nps.encryption.join(', ')}]`;
}

export function diffNps(
  old: NpsSettings | undefined,
  next: NpsSettings | undefined,
): SettingChange[] {
  const changes: SettingChange[] = [];
  if (old?.networkPolicy !== next?.networkPolicy) {
    changes.push({
      kind: 'nps',
      path: 'nps.networkPolicy',
      summary: `nps.networkPolicy: ${old?.networkPolicy ?? '(none)'} -> ${next?.networkPolicy ?? '(none)'}`,
    });
  }
  const oldLevels = old?.encryption ?? [];
  const newLevels = next?.encryption ?? [];
  const added = newLevels.filter((level) => !oldLevels.includes(level));
  const removed = oldLevels.filter((level) => !newLevels.includes(level));
  if (added.length > 0 || removed.length > 0) {
    changes.push({
      kind: 'nps',
      path: 'nps.encryption',
      summary: `nps.encryption: ${formatLevels(old)} -> ${formatLevels(next)}`,
      explanation:
        'MPPE levels the network policy allows for user tunnels (device tunnels never reach NPS).',
    });
  }
  return changes;
}

export function diffWaivers(old: Baseline, next: Baseline): SettingChange[] {
  const oldWaivers = new Map((old.waivers ?? []).map((waiver) => [waiver.rule, waiver.reason]));
  const newWaivers = new Map((next.waivers ?? []).map((waiver) => [waiver.rule, waiver.reason]));
  const changes: SettingChange[] = [];
  for (const [rule, reason] of newWaivers) {
    const before = oldWaivers.get(rule);
    if (before === undefined) {
      changes.push({
        kind: 'waiver-added',
        path: 'waivers',
        summary: `waiver added: ${rule} (${reason})`,
      });
    } else if (before !== reason) {
      changes.push({
        kind: 'waiver-changed',
        path: 'waivers',
        summary: `waiver reason for ${rule}: "${before}" -> "${reason}"`,
      });
    }
  }
  for (const [rule, reason] of oldWaivers) {
    if (!newWaivers.has(rule)) {
      changes.push({
        kind: 'waiver-removed',
        path: 'waivers',
        summary: `waiver removed: ${rule} (${reason})`,
      });
    }
  }
  return changes;
}

export function diffMetadata(old: Baseline, next: Baseline): SettingChange[] {
  const changes: SettingChange[] = [];
  for (const key of ['name', 'description'] as const) {
    if (old[key] !== next[key]) {
      changes.push({
        kind: 'metadata',
        path: key,
        summary: `${key}: ${old[key] ?? '(none)'} -> ${next[key] ?? '(none)'}`,
      });
    }
  }
  return changes;
}
