/**
 * Reads proposals from charon log lines: `configured proposals:` lines are what the
 * gateway accepts, `received proposals:` lines what a peer sent. Any prefix (syslog
 * time stamps, thread and IKE SA names) before the marker is ignored.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ReadConnection } from './gateway.js';
import { parseLoggedProposal, formatLoggedProposal, type Proposal } from './proposals.js';

interface Read {
  connections: ReadConnection[];
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

/**
 * Reports a `configured proposals` list that differs from the first one of its protocol.
 * The log is read as one connection, so lists of two connections, or from before and
 * after a reload, would merge into a gateway that accepts what neither accepts alone.
 */
function compareWithFirstList(
  list: string,
  line: number,
  column: number,
  file: string,
  firstLists: Map<string, number>,
): Diagnostic[] {
  const protocol = /^(\w+):/.exec(list)?.[1] ?? '';
  const first = [...firstLists].find(([text]) => text.startsWith(`${protocol}:`));
  if (first === undefined) {
    firstLists.set(list, line);
    return [];
  }
  if (first[0] === list) {
    return [];
  }
  return [
    {
      code: 'gateway-log-several-configurations',
      severity: 'error',
      message: `configured ${protocol} proposals differ from those on line ${first[1]}, so the log covers more than one connection or a configuration reload`,
      hint: 'Pass only the configured proposals lines of one connection, written since the last configuration reload.',
      path: [],
      position: { file, line, column },
    },
  ];
}

/** Reads all proposal lines of a log into one connection named `charon log`. */
export function readCharonLog(text: string, file: string): Read {
  const configured = { ike: [] as Proposal[], esp: [] as Proposal[] };
  const received = { ike: [] as Proposal[], esp: [] as Proposal[] };
  const diagnostics: Diagnostic[] = [];
  const firstLists = new Map<string, number>();
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
    if (match[1] === 'configured') {
      diagnostics.push(
        ...compareWithFirstList(match[2]!, index + 1, listStart + 1, file, firstLists),
      );
    }
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

  const connections: ReadConnection[] =
    configured.ike.length === 0 && configured.esp.length === 0
      ? []
      : [
          {
            connection: {
              name: 'charon log',
              ike: configured.ike,
              children: [{ name: 'charon log', esp: configured.esp }],
              acceptsDefaults: false,
              line: firstLine,
            },
            diagnostics: [],
          },
        ];
  return { connections, received, diagnostics };
}
