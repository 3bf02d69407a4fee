/** `--gateway`: a strongSwan swanctl.conf, ipsec.conf or charon log lines. */
import { readGatewayConfig } from '../../strongswan/gateway.js';
import { positionIn, type SourceText } from './source-text.js';
import type { ParseResult } from '../model.js';

/**
 * Reads a strongSwan gateway, or only its connection `connectionName`. Reader errors
 * (syntax, unknown keywords, no connection, an unknown connection name) make the input
 * unreadable; warnings about default proposals stay notes.
 */
export function parseGatewayText(
  source: SourceText,
  artifact: string,
  connectionName?: string,
): ParseResult {
  const config = readGatewayConfig(source.text, source.file, connectionName);
  const diagnostics = config.diagnostics.map((diagnostic) => ({
    ...diagnostic,
    severity: diagnostic.severity === 'error' ? diagnostic.severity : ('info' as const),
  }));
  return {
    observations: [{ kind: 'gateway', artifact, config, position: positionIn(source, 1, 1) }],
    diagnostics,
  };
}
