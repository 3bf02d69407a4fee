/**
 * Reads a strongSwan gateway's proposals from a swanctl.conf, an ipsec.conf or charon
 * log lines, with positioned diagnostics for what cannot be read.
 */
import type { Diagnostic } from '../diagnostics.js';
import { readCharonLog } from './gateway-log.js';
import { readIpsecConf } from './gateway-ipsec-conf.js';
import { readSwanctlConf } from './gateway-swanctl.js';
import { selectConnection } from './select-connection.js';
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

/** One connection as a reader returns it, with the problems found while reading it. */
export interface ReadConnection {
  connection: GatewayConnection;
  diagnostics: Diagnostic[];
}

/** An IKEv1 connection, which an IKEv2 Always On VPN client does not use, so its proposals are not read. */
export interface SkippedConnection {
  name: string;
  diagnostics: Diagnostic[];
}

/** The result of each format reader. */
export interface GatewayRead {
  connections: ReadConnection[];
  ikev1?: SkippedConnection[];
  /** Proposals peers sent (charon logs only). */
  received?: GatewayConfig['received'];
  /** Problems of the file as a whole, such as syntax errors and include lines. */
  diagnostics: Diagnostic[];
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

/**
 * Reads a gateway file's text. `file` is used for positions in diagnostics. With
 * `connectionName`, only that connection is kept, along with the problems found in it
 * and in the file as a whole.
 */
export function readGatewayConfig(
  text: string,
  file: string,
  connectionName?: string,
): GatewayConfig {
  const format = detectGatewayFormat(text);
  const read: GatewayRead =
    format === 'charon log'
      ? readCharonLog(text, file)
      : format === 'ipsec.conf'
        ? readIpsecConf(text, file)
        : readSwanctlConf(text, file);

  if (connectionName !== undefined) {
    return {
      file,
      format,
      ...selectConnection(read, { file, format, name: connectionName }),
      received: read.received ?? { ike: [], esp: [] },
    };
  }

  const diagnostics = [
    ...read.diagnostics,
    ...read.connections.flatMap((each) => each.diagnostics),
    ...(read.ikev1 ?? []).flatMap((each) => each.diagnostics),
  ];
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
    connections: read.connections.map((each) => each.connection),
    received: read.received ?? { ike: [], esp: [] },
    diagnostics,
  };
}
