/** Connection changes: added, removed, renamed, and per-field changes of the same connection. */
import type { Connection } from '../baseline/types.js';
import type { SettingChange } from './model.js';

/** Reads a connection's EAP XML; undefined when it cannot be read (the rules report that). */
export type EapReader = (relativePath: string) => string | undefined;

const nameKey = (connection: Connection): string => connection.name.toLowerCase();

function withoutName(connection: Connection): string {
  const { name: _name, ...rest } = connection;
  return JSON.stringify(rest, Object.keys(rest).sort());
}

/**
 * Compares connections by name, ignoring case as Windows does. A removed and an added
 * connection that are identical apart from the name are reported as a rename.
 */
export function diffConnections(
  old: readonly Connection[],
  next: readonly Connection[],
  readEap: { old: EapReader; new: EapReader },
): SettingChange[] {
  const oldByName = new Map(old.map((connection) => [nameKey(connection), connection]));
  const newByName = new Map(next.map((connection) => [nameKey(connection), connection]));
  const removed = old.filter((connection) => !newByName.has(nameKey(connection)));
  const added = next.filter((connection) => !oldByName.has(nameKey(connection)));
  const changes: SettingChange[] = [];

  for (const connection of removed) {
    const renamedTo = added.find((candidate) => withoutName(candidate) === withoutName(connection));
    if (renamedTo !== undefined) {
      added.splice(added.indexOf(renamedTo), 1);
      changes.push({
        kind: 'connection-renamed',
        path: 'connections.name',
        connection: renamedTo.name,
        summary: `connection renamed: "${connection.name}" -> "${renamedTo.name}"`,
        explanation:
          'Windows knows a connection by its name, so clients get a new profile; remove the old one from Intune and from clients.',
      });
    } else {
      changes.push({
        kind: 'connection-removed',
        path: 'connections',
        connection: connection.name,
        summary: `connection removed: "${connection.name}" (${connection.tunnel} tunnel)`,
        explanation:
          'The tool stops managing it; remove its ProfileXML from Intune so clients drop the profile.',
      });
    }
  }
  for (const connection of added) {
    changes.push({
      kind: 'connection-added',
      path: 'connections',
      connection: connection.name,
      summary: `connection added: "${connection.name}" (${connection.tunnel} tunnel)`,
    });
  }
  for (const connection of next) {
    const before = oldByName.get(nameKey(connection));
    if (before !== undefined) {
      changes.push(...diffConnection(before, connection, readEap));
    }
  }
  return changes;
}

function diffConnection(
  old: Connection,
  next: Connection,
  readEap: { old: EapReader; new: EapReader },
): SettingChange[] {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].sort() as Array<
    keyof Connection
  >;
  const changes: SettingChange[] = [];
  for (const key of keys) {
    if (key === 'routes') {
      changes.push(...diffRoutes(old, next));
    } else if (JSON.stringify(old[key]) !== JSON.stringify(next[key])) {
      changes.push(fieldChange(next.name, key, old[key], next[key]));
    }
  }
  const eapChange = diffEapContent(old, next, readEap);
  if (eapChange !== undefined) {
    changes.push(eapChange);
  }
  return changes;
}

function fieldChange(
  name: string,
  key: keyof Connection,
  old: unknown,
  next: unknown,
): SettingChange {
  const show = (value: unknown) => (value === undefined ? '(not set)' : JSON.stringify(value));
  return {
    kind: 'connection-changed',
    path: `connections.${key}`,
    connection: name,
    summary: `connection "${name}" ${key}: ${show(old)} -> ${show(next)}`,
  };
}

function routeLabel(route: { prefix: string; exclude?: boolean; metric?: number }): string {
  const flags = [
    route.exclude === true ? 'exclude' : '',
    route.metric !== undefined ? `metric ${route.metric}` : '',
  ]
    .filter((flag) => flag !== '')
    .join(', ');
  return flags === '' ? route.prefix : `${route.prefix} (${flags})`;
}

function diffRoutes(old: Connection, next: Connection): SettingChange[] {
  const oldRoutes = (old.routes ?? []).map(routeLabel);
  const newRoutes = (next.routes ?? []).map(routeLabel);
  const added = newRoutes.filter((route) => !oldRoutes.includes(route));
  const removed = oldRoutes.filter((route) => !newRoutes.includes(route));
  if (added.length === 0 && removed.length === 0) {
    return [];
  }
  const parts = [
    added.length > 0 ? `added ${added.join(', ')}` : '',
    removed.length > 0 ? `removed ${removed.join(', ')}` : '',
  ].filter((part) => part !== '');
  return [
    {
      kind: 'connection-changed',
      path: 'connections.routes',
      connection: next.name,
      summary: `connection "${next.name}" routes: ${parts.join('; ')}`,
    },
  ];
}

/** Reports an EAP XML whose content changed while the file name stayed the same. */
function diffEapContent(
  old: Connection,
  next: Connection,
  readEap: { old: EapReader; new: EapReader },
): SettingChange | undefined {
  if (old.eapConfig === undefined || old.eapConfig !== next.eapConfig) {
    return undefined;
  }
  const before = readEap.old(old.eapConfig);
  const after = readEap.new(next.eapConfig);
  if (
    before === undefined ||
    after === undefined ||
    before.replace(/\r\n/g, '\n') === after.replace(/\r\n/g, '\n')
  ) {
    return undefined;
  }
  return {
    kind: 'connection-changed',
    path: 'connections.eapConfig',
    connection: next.name,
    summary: `connection "${next.name}" EAP XML ${next.eapConfig}: content changed`,
  };
}
