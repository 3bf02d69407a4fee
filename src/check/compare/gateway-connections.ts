/** The hint to pick one gateway connection when several are compared and some fail. */
import type { Diagnostic } from '../../diagnostics.js';
import type { CheckFinding } from '../findings.js';
import { inputDiagnostic, type GatewayObservation } from '../model.js';

/**
 * Returns an info note naming `--gateway-connection` when the gateway has more than one
 * IKEv2 connection and `findings` (the gateway's findings) is not empty, because a
 * site-to-site connection on the same gateway fails against a Windows client without
 * being wrong.
 */
export function noteSeveralConnections(
  gateway: GatewayObservation,
  findings: readonly CheckFinding[],
): Diagnostic[] {
  const connections = gateway.config.connections;
  const names = connections.map((connection) => connection.name);
  if (names.length < 2 || findings.length === 0) {
    return [];
  }
  // Each gateway finding is positioned on the first line of its connection.
  const failedLines = new Set(findings.map((finding) => finding.position?.line));
  const agreeing = connections.filter((connection) => !failedLines.has(connection.line));
  const candidates =
    agreeing.length === 0
      ? 'No connection agrees with the client'
      : `The connections that agree: ${agreeing.map((connection) => connection.name).join(', ')}`;
  return [
    inputDiagnostic(
      'gateway-several-connections',
      'info',
      gateway.position,
      `${gateway.artifact} has ${names.length} IKEv2 connections (${names.join(', ')}), and not all of them agree with the Windows client, so some findings may be about a connection that Windows clients do not use`,
      `Pass --gateway-connection NAME to compare only the connection that serves Windows clients. ${candidates}.`,
    ),
  ];
}
