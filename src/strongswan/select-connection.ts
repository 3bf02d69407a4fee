/**
 * Keeps the one gateway connection that serves Windows clients (`check
 * --gateway-connection`), so that a site-to-site connection on the same gateway is not
 * compared with a Windows client.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { GatewayConfig, GatewayFormat, GatewayRead } from './gateway.js';

export interface ConnectionRequest {
  file: string;
  format: GatewayFormat;
  name: string;
}

function inputError(request: ConnectionRequest, code: string, message: string, hint: string) {
  return {
    connections: [],
    diagnostics: [
      {
        code,
        severity: 'error' as const,
        message,
        hint,
        path: [],
        position: { file: request.file, line: 1, column: 1 },
      },
    ],
  };
}

function describeNames(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.join(', ');
}

/**
 * Returns the requested connection with its own and the file's diagnostics, or an
 * error diagnostic that lists the file's IKEv2 connections.
 */
export function selectConnection(
  read: GatewayRead,
  request: ConnectionRequest,
): Pick<GatewayConfig, 'connections' | 'diagnostics'> {
  if (request.format === 'charon log') {
    // NOTE: charon's `ike_name = yes` prefixes log lines with an IKE SA name, but the
    // responder logs its IKE proposals in IKE_SA_INIT, before the peer's identity selects
    // a connection. Whether that prefix names the connection is untested, so none is read.
    return inputError(
      request,
      'gateway-connection-not-in-log',
      `${request.file} is read as charon log lines, which this check does not attribute to connections, so --gateway-connection ${request.name} cannot be applied`,
      'Leave out --gateway-connection and pass only the "configured proposals" lines of that connection, or pass its swanctl.conf or ipsec.conf.',
    );
  }

  const found = read.connections.find((each) => each.connection.name === request.name);
  if (found !== undefined) {
    return {
      connections: [found.connection],
      diagnostics: [...read.diagnostics, ...found.diagnostics],
    };
  }

  const ikev2 = read.connections.map((each) => each.connection.name);
  const ikev1 = (read.ikev1 ?? []).map((each) => each.name);
  const section = request.format === 'ipsec.conf' ? 'conn' : 'connection';
  const reason = ikev1.includes(request.name)
    ? `${section} ${request.name} is an IKEv1 connection, which an IKEv2 Always On VPN client does not use`
    : `${request.file} has no ${section} named ${request.name}`;
  return inputError(
    request,
    'gateway-connection-not-found',
    `--gateway-connection: ${reason}; its IKEv2 ${section}s are: ${describeNames(ikev2)}`,
    'Pass one of the listed names exactly as the file writes it.',
  );
}
