/** Readers for `Get-VpnServerConfiguration` output: Format-List text and ConvertTo-Json. */
import type { Diagnostic } from '../../diagnostics.js';
import {
  inputDiagnostic,
  type LifetimeKey,
  type Located,
  type ParseResult,
  type ServerObservation,
} from '../model.js';
import { completeCryptoSettings, readCryptoProperties } from './crypto-values.js';
import { parseFormatList } from './format-list.js';
import { parseJsonDocument, singleObject } from './json-document.js';
import { propertiesFromBlock, propertiesFromJson, type RawProperty } from './properties.js';
import { positionIn, type SourceText } from './source-text.js';

const DESCRIBE = 'the Get-VpnServerConfiguration output';
export const SERVER_COLLECTOR = 'collect-server.ps1';

/**
 * Lifetime properties by key. Format-List labels carry the unit (`SALifeTime(s)`,
 * `SADataSizeForRenegotiation(KB)`, `IdleDisconnect(s)`); the CIM properties do not.
 * NOTE: the label of MMSALifeTime is not documented; `MMSALifeTime(s)` is assumed.
 */
const LIFETIME_PROPERTIES: ReadonlyArray<{
  key: LifetimeKey;
  property: string;
  required: boolean;
}> = [
  { key: 'saLifetimeSeconds', property: 'salifetime', required: true },
  { key: 'saDataSizeKilobytes', property: 'sadatasizeforrenegotiation', required: true },
  { key: 'mmSaLifetimeSeconds', property: 'mmsalifetime', required: false },
  { key: 'idleDisconnectSeconds', property: 'idledisconnect', required: false },
];

export function parseServerText(source: SourceText, artifact: string): ParseResult {
  const { blocks, diagnostics } = parseFormatList(source, DESCRIBE);
  if (diagnostics.length > 0) {
    return { observations: [], diagnostics };
  }
  if (blocks.length !== 1) {
    return {
      observations: [],
      diagnostics: [
        inputDiagnostic(
          blocks.length === 0 ? 'server-empty' : 'server-several-blocks',
          'error',
          blocks[1]?.position ?? positionIn(source, 1, 1),
          blocks.length === 0
            ? `${source.file} is empty: expected ${DESCRIBE}`
            : `${source.file} holds more than one Get-VpnServerConfiguration block`,
          'Capture one server per file: Get-VpnServerConfiguration | Format-List > server.txt',
        ),
      ],
    };
  }
  const block = blocks[0]!;
  return readServer(propertiesFromBlock(block), block.position, artifact);
}

export function parseServerJson(source: SourceText, artifact: string): ParseResult {
  const document = parseJsonDocument(source);
  if ('diagnostics' in document) {
    return { observations: [], diagnostics: document.diagnostics };
  }
  const object = singleObject(source, document.node, DESCRIBE);
  if ('diagnostics' in object) {
    return { observations: [], diagnostics: object.diagnostics };
  }
  return readServer(propertiesFromJson(source, object.node), positionIn(source, 1, 1), artifact);
}

/** Builds the server observation from properties read either way. */
export function readServer(
  properties: ReadonlyMap<string, RawProperty>,
  position: ServerObservation['position'],
  artifact: string,
): ParseResult {
  const crypto = readCryptoProperties(properties, DESCRIBE, SERVER_COLLECTOR);
  const diagnostics: Diagnostic[] = [...crypto.diagnostics];
  const customPolicy = properties.get('custompolicy');
  const claimsCustom = customPolicy !== undefined && /^true$/i.test(customPolicy.text);
  const lifetimes = readLifetimes(properties, position, diagnostics);
  if (customPolicy !== undefined && /^false$/i.test(customPolicy.text) && crypto.count > 0) {
    // Which of the two Windows applies is unknown, and either reading could be wrong.
    diagnostics.push(
      inputDiagnostic(
        'server-custom-policy-conflict',
        'error',
        customPolicy.position,
        `${DESCRIBE} has CustomPolicy False but also IPsec values, so it is unclear whether the server uses a custom policy`,
        'Capture the output again unchanged; if it really looks like this, run Set-VpnServerConfiguration -CustomPolicy with the baseline values.',
      ),
    );
  }

  const observation: ServerObservation = { kind: 'server', artifact, lifetimes, position };
  if (crypto.count > 0 || claimsCustom) {
    const complete = completeCryptoSettings(crypto.found, position, DESCRIBE);
    if (Array.isArray(complete)) {
      if (crypto.diagnostics.length === 0) {
        diagnostics.push(...complete);
      }
    } else {
      observation.crypto = complete;
    }
  }
  if (diagnostics.length > 0) {
    return { observations: [], diagnostics };
  }
  return { observations: [observation], diagnostics: [] };
}

function readLifetimes(
  properties: ReadonlyMap<string, RawProperty>,
  position: ServerObservation['position'],
  diagnostics: Diagnostic[],
): ServerObservation['lifetimes'] {
  const lifetimes: ServerObservation['lifetimes'] = {};
  for (const { key, property, required } of LIFETIME_PROPERTIES) {
    const raw = properties.get(property);
    if (raw === undefined || raw.kind === 'null') {
      if (required) {
        diagnostics.push(
          inputDiagnostic(
            'server-field-missing',
            'error',
            position,
            `${DESCRIBE} has no ${property === 'salifetime' ? 'SALifeTime(s)' : 'SADataSizeForRenegotiation(KB)'}: the capture is incomplete or truncated`,
            'Capture the whole output again.',
          ),
        );
      }
      continue;
    }
    const value = readUnsigned(raw);
    if (value === undefined) {
      diagnostics.push(
        inputDiagnostic(
          'server-number-invalid',
          'error',
          raw.position,
          `${raw.name} is ${JSON.stringify(raw.text)}, not a whole number`,
          'The capture looks damaged or edited: capture it again.',
        ),
      );
      continue;
    }
    lifetimes[key] = { value, position: raw.position } satisfies Located<number>;
  }
  return lifetimes;
}

function readUnsigned(raw: RawProperty): number | undefined {
  if (!/^\d{1,10}$/.test(raw.text.trim())) {
    return undefined;
  }
  return Number(raw.text.trim());
}
