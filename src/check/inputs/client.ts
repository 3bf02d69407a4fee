/**
 * Readers for `Get-VpnConnection -Name X [-AllUserConnection] | Select-Object
 * -ExpandProperty IPsecCustomPolicy`, as Format-List text or ConvertTo-Json. Empty
 * output means the connection has no custom policy and offers Windows' defaults.
 */
import type { SourcePosition } from '../../diagnostics.js';
import { inputDiagnostic, type ClientObservation, type ParseResult } from '../model.js';
import { completeCryptoSettings, readCryptoProperties } from './crypto-values.js';
import { parseFormatList } from './format-list.js';
import { parseJsonDocument, singleObject } from './json-document.js';
import { propertiesFromBlock, propertiesFromJson, type RawProperty } from './properties.js';
import { positionIn, type SourceText } from './source-text.js';

const DESCRIBE = 'the IPsecCustomPolicy output';

/** Properties of Get-VpnServerConfiguration that a client's IPsecCustomPolicy never has. */
const SERVER_ONLY_PROPERTIES: ReadonlySet<string> = new Set([
  'custompolicy',
  'salifetime',
  'sadatasizeforrenegotiation',
  'mmsalifetime',
  'ikev2ports',
  'encryptiontype',
]);
export const CLIENT_COLLECTOR = 'collect-client.ps1';

export function parseClientText(source: SourceText, artifact: string): ParseResult {
  if (source.text.trim() === '') {
    return noCustomPolicy(source, artifact);
  }
  const { blocks, diagnostics } = parseFormatList(source, DESCRIBE);
  if (diagnostics.length > 0) {
    return { observations: [], diagnostics };
  }
  if (blocks.length !== 1) {
    return {
      observations: [],
      diagnostics: [
        inputDiagnostic(
          'client-several-blocks',
          'error',
          blocks[1]!.position,
          `${source.file} holds more than one IPsecCustomPolicy block`,
          'Capture one connection per file.',
        ),
      ],
    };
  }
  const block = blocks[0]!;
  return readClient(propertiesFromBlock(block), block.position, artifact);
}

export function parseClientJson(source: SourceText, artifact: string): ParseResult {
  if (source.text.trim() === '') {
    return noCustomPolicy(source, artifact);
  }
  const document = parseJsonDocument(source);
  if ('diagnostics' in document) {
    return { observations: [], diagnostics: document.diagnostics };
  }
  const node = document.node;
  if (node.type === 'null' || (node.type === 'array' && node.items.length === 0)) {
    return noCustomPolicy(source, artifact);
  }
  const object = singleObject(source, node, DESCRIBE);
  if ('diagnostics' in object) {
    return { observations: [], diagnostics: object.diagnostics };
  }
  return readClient(propertiesFromJson(source, object.node), positionIn(source, 1, 1), artifact);
}

/** Builds the client observation from the six properties, read either way. */
export function readClient(
  properties: ReadonlyMap<string, RawProperty>,
  position: SourcePosition,
  artifact: string,
  details: Partial<ClientObservation> = {},
): ParseResult {
  const crypto = readCryptoProperties(properties, DESCRIBE, CLIENT_COLLECTOR);
  if (crypto.diagnostics.length > 0) {
    return { observations: [], diagnostics: crypto.diagnostics };
  }
  const serverProperty = [...properties.keys()].find((key) => SERVER_ONLY_PROPERTIES.has(key));
  if (serverProperty !== undefined) {
    // The server prints the same six values, so its capture would otherwise be read as a
    // client that agrees with the server.
    return {
      observations: [],
      diagnostics: [
        inputDiagnostic(
          'client-not-ipsec-policy',
          'error',
          properties.get(serverProperty)!.position,
          `the capture has ${properties.get(serverProperty)!.name}, so it is Get-VpnServerConfiguration output, not the IPsecCustomPolicy of a client connection`,
          'Pass it with --server, and capture the client with: Get-VpnConnection -Name X | Select-Object -ExpandProperty IPsecCustomPolicy',
        ),
      ],
    };
  }
  if (crypto.count === 0 && properties.size > 0) {
    // Other properties but none of the six: the whole connection object (Name,
    // ServerAddress, ...) rather than its IPsecCustomPolicy, which must not be read as
    // "no custom policy".
    const names = [...properties.values()].map((property) => property.name).slice(0, 4);
    return {
      observations: [],
      diagnostics: [
        inputDiagnostic(
          'client-not-ipsec-policy',
          'error',
          position,
          `the capture has ${names.join(', ')} but none of the six IPsec values, so it is not the IPsecCustomPolicy output`,
          'Capture with: Get-VpnConnection -Name X | Select-Object -ExpandProperty IPsecCustomPolicy',
        ),
      ],
    };
  }
  if (crypto.count === 0) {
    return {
      observations: [{ ...details, kind: 'client', artifact, position }],
      diagnostics: [],
    };
  }
  const complete = completeCryptoSettings(crypto.found, position, DESCRIBE);
  if (Array.isArray(complete)) {
    return { observations: [], diagnostics: complete };
  }
  return {
    observations: [{ ...details, kind: 'client', artifact, crypto: complete, position }],
    diagnostics: [],
  };
}

function noCustomPolicy(source: SourceText, artifact: string): ParseResult {
  const position = positionIn(source, 1, 1);
  return {
    observations: [{ kind: 'client', artifact, position }],
    diagnostics: [
      // An empty file is also what a failed capture leaves: Get-VpnConnection writes "not
      // found" to the error stream, which `>` does not redirect. So this is a warning,
      // which --strict counts, rather than a silent reading.
      inputDiagnostic(
        'client-no-custom-policy',
        'warning',
        position,
        `${source.file} is empty, read as a connection without a custom IPsec policy (Windows' default proposals); a failed capture (wrong connection name, or a user tunnel captured as SYSTEM) also leaves an empty file`,
        `Confirm the connection exists with Get-VpnConnection -Name X [-AllUserConnection], or capture with ${CLIENT_COLLECTOR}, which records whether it exists.`,
      ),
    ],
  };
}
