/**
 * Collector scripts: run on a server or a client, they gather exactly what `check`
 * reads into one JSON file for `check --collected`. The JSON format is documented in
 * docs/check.md and read by src/check/inputs/collected.ts.
 */
import { CRYPTO_FIELDS } from '../crypto/vocabulary.js';
import { headerLines, type RenderContext } from '../render/context.js';
import { renderTemplate } from '../render/templates.js';
import {
  CLIENT_COLLECTOR_ID,
  COLLECTED_FORMAT_VERSION,
  SERVER_COLLECTOR_ID,
} from '../check/inputs/collected.js';
import type { GeneratedFile, Target } from './target.js';

/**
 * CIM properties of VpnServerIPsecCustomConfiguration and VpnServerIPsecDefaultConfiguration
 * (RAMgmtPSProvider classes on Microsoft Learn). Format-List shows some under other labels.
 */
const SERVER_PROPERTIES = [
  'CustomPolicy',
  ...CRYPTO_FIELDS.map((field) => field.parameter),
  'SALifeTime',
  'MMSALifeTime',
  'SADataSizeForRenegotiation',
  'IdleDisconnect',
  'EncryptionType',
];

function renderCollectors(context: RenderContext): GeneratedFile[] {
  const view = {
    header: headerLines(context),
    formatVersion: COLLECTED_FORMAT_VERSION,
    serverCollector: SERVER_COLLECTOR_ID,
    clientCollector: CLIENT_COLLECTOR_ID,
    serverProperties: SERVER_PROPERTIES,
    cryptoProperties: CRYPTO_FIELDS.map((field) => field.parameter),
    connections: context.baseline.connections.map((connection) => ({
      name: connection.name,
      allUserConnection: connection.tunnel === 'device',
    })),
  };
  return [
    {
      path: 'collectors/collect-server.ps1',
      content: renderTemplate('collectors/collect-server.ps1.hbs', view),
      byteOrderMark: true,
    },
    {
      path: 'collectors/collect-client.ps1',
      content: renderTemplate('collectors/collect-client.ps1.hbs', view),
      byteOrderMark: true,
    },
  ];
}

export const collectorsTarget: Target = {
  name: 'collectors',
  summary:
    'PowerShell scripts that collect what `check --collected` reads, on a server or a client',
  render: renderCollectors,
};
