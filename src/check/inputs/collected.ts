/**
 * Reader for the JSON file the collector scripts write: all inputs of one server or
 * one client. Embedded captures (netsh text, ProfileXML) go through the same readers
 * as files, with positions relative to the embedded text. The format is documented in
 * docs/check.md.
 */
import type { Diagnostic } from '../../diagnostics.js';
import {
  inputDiagnostic,
  type ClientObservation,
  type Observation,
  type ParseResult,
  type RegistryObservation,
} from '../model.js';
import { readClient } from './client.js';
import { parseJsonDocument } from './json-document.js';
import { jsonPosition, type JsonNode } from './json-source.js';
import { parseNpsText } from './nps.js';
import { parseProfileXml } from './profile-xml.js';
import { propertiesFromJson } from './properties.js';
import { readServer } from './server.js';
import type { SourceText } from './source-text.js';

export const COLLECTED_FORMAT_VERSION = 1;
export const SERVER_COLLECTOR_ID = 'aovpn-baseline collect-server';
export const CLIENT_COLLECTOR_ID = 'aovpn-baseline collect-client';

type JsonObject = Extract<JsonNode, { type: 'object' }>;

export function parseCollected(source: SourceText): ParseResult {
  const document = parseJsonDocument(source);
  if ('diagnostics' in document) {
    return { observations: [], diagnostics: document.diagnostics };
  }
  const root = document.node;
  const header = checkHeader(source, root);
  if (header !== undefined) {
    return { observations: [], diagnostics: [header] };
  }
  const object = root as JsonObject;
  const collector = (object.entries.get('collector') as { value: string }).value;
  const results =
    collector === SERVER_COLLECTOR_ID
      ? readServerMachine(source, object)
      : readClientMachine(source, object);
  return mergeResults(results);
}

function checkHeader(source: SourceText, root: JsonNode): Diagnostic | undefined {
  const collector = root.type === 'object' ? root.entries.get('collector') : undefined;
  const version = root.type === 'object' ? root.entries.get('formatVersion') : undefined;
  const known =
    collector?.type === 'string' &&
    (collector.value === SERVER_COLLECTOR_ID || collector.value === CLIENT_COLLECTOR_ID);
  if (!known) {
    return inputDiagnostic(
      'collected-unknown',
      'error',
      jsonPosition(source, collector ?? root),
      `${source.file} was not written by an aovpn-baseline collector (no "collector" of "${SERVER_COLLECTOR_ID}" or "${CLIENT_COLLECTOR_ID}")`,
      'Run collect-server.ps1 or collect-client.ps1 from `aovpn-baseline render --target collectors`.',
    );
  }
  if (version?.type !== 'number' || version.value !== COLLECTED_FORMAT_VERSION) {
    return inputDiagnostic(
      'collected-version',
      'error',
      jsonPosition(source, version ?? root),
      `${source.file} has formatVersion ${version?.type === 'number' ? version.value : 'missing'}, but this version of aovpn-baseline reads formatVersion ${COLLECTED_FORMAT_VERSION}`,
      'Render the collectors with this version of aovpn-baseline and collect again.',
    );
  }
  return undefined;
}

function readServerMachine(source: SourceText, root: JsonObject): ParseResult[] {
  const results: ParseResult[] = [];
  const server = root.entries.get('vpnServerConfiguration');
  if (server?.type === 'object') {
    results.push(
      readServer(
        propertiesFromJson(source, server),
        jsonPosition(source, server),
        `${source.file} server`,
      ),
    );
  } else if (server !== undefined && server.type !== 'null') {
    results.push(shapeError(source, server, 'vpnServerConfiguration', 'an object or null'));
  }
  const nps = root.entries.get('npsNetworkPolicies');
  if (nps?.type === 'string') {
    const label = `${source.file} (npsNetworkPolicies)`;
    results.push(parseNpsText(embedded(label, nps.value), `${source.file} NPS`));
  }
  return results;
}

function readClientMachine(source: SourceText, root: JsonObject): ParseResult[] {
  const results: ParseResult[] = [];
  const osVersion = stringEntry(root, 'osVersion');
  const registry = readRegistryEntry(source, root);
  if (registry !== undefined && 'code' in registry) {
    return [{ observations: [], diagnostics: [registry] }];
  }
  const connections = root.entries.get('connections');
  if (connections?.type !== 'array') {
    return [shapeError(source, connections ?? root, 'connections', 'an array')];
  }
  const profiles = root.entries.get('profileXml');
  const profileItems = profiles?.type === 'array' ? profiles.items : [];
  if (connections.items.length === 0 && profileItems.length === 0) {
    return [noConnectionError(source, connections)];
  }
  connections.items.forEach((item, index) => {
    results.push(readConnectionEntry(source, item, index, { osVersion, registry }));
  });

  profileItems.forEach((item, index) => {
    const xml = item.type === 'object' ? item.entries.get('profileXml') : undefined;
    if (xml?.type !== 'string') {
      results.push(
        shapeError(source, item, `profileXml[${index}]`, 'an object with a profileXml string'),
      );
      return;
    }
    const name =
      (item.type === 'object' ? stringEntry(item, 'instanceId') : undefined) ?? String(index);
    const label = `${source.file} (profileXml[${index}])`;
    results.push(
      parseProfileXml(
        embedded(label, xml.value),
        `${source.file} ProfileXML "${decodeURIComponent(name)}"`,
      ),
    );
  });
  return results;
}

/** Reads one entry of `connections`: a connection and its IPsecCustomPolicy, or null. */
function readConnectionEntry(
  source: SourceText,
  item: JsonNode,
  index: number,
  machine: Pick<ClientObservation, 'osVersion' | 'registry'>,
): ParseResult {
  if (item.type !== 'object') {
    return shapeError(source, item, `connections[${index}]`, 'an object');
  }
  const name = stringEntry(item, 'name') ?? `connections[${index}]`;
  const allUser = item.entries.get('allUserConnection');
  const details: Partial<ClientObservation> = {
    ...machine,
    connectionName: name,
    allUserConnection: allUser?.type === 'boolean' ? allUser.value : undefined,
  };

  const policy = item.entries.get('ipsecCustomPolicy');
  if (policy?.type !== 'object' && policy?.type !== 'null') {
    // A string such as "@{DHGroup=...}" is a policy cut by ConvertTo-Json -Depth. Read as
    // "no custom policy", it would be compared as Windows' default proposals.
    const where = `connections[${index}].ipsecCustomPolicy`;
    return shapeError(source, policy ?? item, where, 'an object or null');
  }
  const properties = policy.type === 'object' ? propertiesFromJson(source, policy) : new Map();
  return readClient(
    properties,
    jsonPosition(source, item),
    `${source.file} connection "${name}"`,
    details,
  );
}

function readRegistryEntry(
  source: SourceText,
  root: JsonObject,
): RegistryObservation | Diagnostic | undefined {
  const node = root.entries.get('negotiateDh2048Aes256');
  if (node === undefined) {
    return undefined;
  }
  const position = jsonPosition(source, node);
  const artifact = `${source.file} registry`;
  if (node.type === 'null') {
    return { kind: 'registry', artifact, effective: 0, position };
  }
  if (node.type !== 'string' || !/^\d{1,10}$/.test(node.value)) {
    return inputDiagnostic(
      'collected-registry-invalid',
      'error',
      position,
      'negotiateDh2048Aes256 must be null (not set) or a DWORD as a decimal string',
      'Collect again with collect-client.ps1.',
    );
  }
  const value = Number(node.value);
  const effective = value === 1 || value === 2 ? value : 0;
  return { kind: 'registry', artifact, value: { value, position }, effective, position };
}

function stringEntry(object: JsonObject, name: string): string | undefined {
  const node = object.entries.get(name);
  return node?.type === 'string' ? node.value : undefined;
}

function embedded(file: string, text: string): SourceText {
  return { file, text, origin: { line: 1, column: 1 } };
}

/**
 * Rejects a client file without any connection or profile. The collector skips
 * connections it cannot see (a user tunnel collected as SYSTEM), so such a file
 * contains nothing to compare, and comparing nothing would report agreement.
 */
function noConnectionError(source: SourceText, connections: JsonNode): ParseResult {
  return {
    observations: [],
    diagnostics: [
      inputDiagnostic(
        'collected-no-connection',
        'error',
        jsonPosition(source, connections),
        `${source.file} contains no connection and no ProfileXML of the baseline, so there is nothing to compare`,
        'Run collect-client.ps1 in the session that owns the connection (user tunnels are visible only to their user), and check that the connection names match the baseline.',
      ),
    ],
  };
}

function shapeError(
  source: SourceText,
  node: JsonNode,
  name: string,
  expected: string,
): ParseResult {
  return {
    observations: [],
    diagnostics: [
      inputDiagnostic(
        'collected-shape',
        'error',
        jsonPosition(source, node),
        `${name} in ${source.file} is a JSON ${node.type}, expected ${expected}`,
        'Collect again with the collector script; do not edit the file.',
      ),
    ],
  };
}

function mergeResults(results: readonly ParseResult[]): ParseResult {
  const observations: Observation[] = results.flatMap((result) => result.observations);
  const diagnostics = results.flatMap((result) => result.diagnostics);
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
    return { observations: [], diagnostics };
  }
  return { observations, diagnostics };
}
