/**
 * Reads proposals from charon log lines: `configured proposals:` lines are what the
 * gateway accepts, `received proposals:` lines what a peer sent. Any prefix (syslog
 * time stamps, thread and IKE SA names) before the marker is ignored.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { GatewayConnection } from './gateway.js';
import { parseLoggedProposal, formatLoggedProposal, type Proposal } from './proposals.js';

interface Read {
  connections: GatewayConnection[];
  received: { ike: Proposal[]; esp: Proposal[] };
  diagnostics: Diagnostic[];
}

const MARKER = /(received|configured) proposals:\s*(.*)$/;

function addUnique(list: Proposal[], proposal: Proposal): void {
  const text = formatLoggedProposal(proposal);
  if (!list.some((existing) => formatLoggedProposal(existing) === text)) {
    list.push(proposal);
  }
}

/** Reads all proposal lines of a log into one connection named `charon log`. */
export function readCharonLog(text: string, file: string): Read {
  const configured = { ike: [] as Proposal[], esp: [] as Proposal[] };
  const received = { ike: [] as Proposal[], esp: [] as Proposal[] };
  const diagnostics: Diagnostic[] = [];
  let firstLine = 0;

  text.split(/\r?\n/).forEach((line, index) => {
    const match = MARKER.exec(line);
    if (match === null) {
      return;
    }
    const target = match[1] === 'configured' ? configured : received;
    if (match[1] === 'configured' && firstLine === 0) {
      firstLine = index + 1;
    }
    const listStart = line.length - match[2]!.length;
    for (const item of match[2]!.split(', ')) {
      const parsed = parseLoggedProposal(item);
      if ('error' in parsed) {
        diagnostics.push({
          code: 'gateway-invalid-proposal',
          severity: 'error',
          message: `logged proposal "${parsed.error.text}": "${parsed.error.word}" is ${parsed.error.reason}`,
          hint: 'Pass the log lines unchanged, as charon wrote them.',
          path: [],
          position: {
            file,
            line: index + 1,
            column: listStart + 1 + line.slice(listStart).indexOf(item),
          },
        });
        continue;
      }
      addUnique(parsed.proposal.protocol === 'IKE' ? target.ike : target.esp, parsed.proposal);
    }
  });

  const connections: GatewayConnection[] =
    configured.ike.length === 0 && configured.esp.length === 0
      ? []
      : [
          {
            name: 'charon log',
            ike: configured.ike,
            children: [{ name: 'charon log', esp: configured.esp }],
            acceptsDefaults: false,
            line: firstLine,
          },
        ];
  return { connections, received, diagnostics };
}
