/**
 * Reads a strongSwan gateway's proposals from a swanctl.conf, an ipsec.conf or charon
 * log lines, with positioned diagnostics for what cannot be read.
 */
import type { Diagnostic } from '../diagnostics.js';
import { readCharonLog } from './gateway-log.js';
import { readIpsecConf } from './gateway-ipsec-conf.js';
import { readSwanctlConf } from './gateway-swanctl.js';
import type { Proposal } from './proposals.js';

export type GatewayFormat = 'swanctl.conf' | 'ipsec.conf' | 'charon log';

/** One child SA configuration of a gateway connection. */
export interface GatewayChild {
  name: string;
  esp: Proposal[];
}

/** One connection of the gateway, with the proposals it accepts as responder. */
export interface GatewayConnection {
  name: string;
  ike: Proposal[];
  children: GatewayChild[];
  /**
   * Whether the gateway may accept more than these proposals: strongSwan's defaults
   * (no proposals set, the `default` keyword, or ipsec.conf without `!`).
   */
  acceptsDefaults: boolean;
  line: number;
}

export interface GatewayConfig {
  file: string;
  format: GatewayFormat;
  connections: GatewayConnection[];
  /** Proposals peers sent, from `received proposals` log lines. */
  received: { ike: Proposal[]; esp: Proposal[] };
  diagnostics: Diagnostic[];
}

/** Detects which of the three formats a text is in. */
export function detectGatewayFormat(text: string): GatewayFormat {
  if (/(received|configured) proposals:/.test(text)) {
    return 'charon log';
  }
  if (/^conn\s+\S+/m.test(text)) {
    return 'ipsec.conf';
  }
  return 'swanctl.conf';
}

/** Reads a gateway file's text. `file` is used for positions in diagnostics. */
export function readGatewayConfig(text: string, file: string): GatewayConfig {
  const format = detectGatewayFormat(text);
  const read: Pick<GatewayConfig, 'connections' | 'diagnostics'> & {
    received?: GatewayConfig['received'];
  } =
    format === 'charon log'
      ? readCharonLog(text, file)
      : format === 'ipsec.conf'
        ? readIpsecConf(text, file)
        : readSwanctlConf(text, file);
  const diagnostics = [...read.diagnostics];
  if (read.connections.length === 0) {
    diagnostics.push({
      code: 'gateway-no-connection',
      severity: 'error',
      message: `${file} is read as ${format} but contains no connection with IKEv2 proposals`,
      hint: 'Pass a swanctl.conf with a connections section, an ipsec.conf with a conn section, or charon log lines that contain "configured proposals:".',
      path: [],
      position: { file, line: 1, column: 1 },
    });
  }
  return {
    file,
    format,
    connections: read.connections,
    received: read.received ?? { ike: [], esp: [] },
    diagnostics,
  };
}
