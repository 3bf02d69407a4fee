/**
 * Reads `ike=` and `esp=` of each `conn` in an ipsec.conf (the stroke/starter format).
 * Settings of `conn %default` apply to every connection, and `also=` includes another
 * conn's settings. Without a trailing `!`, charon appends its default proposals, so the
 * gateway accepts more than the listed ones.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { GatewayConnection, ReadConnection, SkippedConnection } from './gateway.js';
import {
  defaultProposalsWarning,
  readProposalList,
  type ProposalListLocation,
} from './gateway-proposals.js';
import type { PositionedValue } from './settings.js';

interface ConnSection {
  name: string;
  line: number;
  settings: Map<string, PositionedValue>;
  /** The conns named by `also=`, in the order written. */
  also: PositionedValue[];
}

interface Read {
  connections: ReadConnection[];
  /** The IKEv1 conns (`keyexchange=ikev1`), whose proposals are not read. */
  ikev1: SkippedConnection[];
  /** Problems of the file as a whole, such as include lines. */
  diagnostics: Diagnostic[];
}

function splitConnSections(text: string): ConnSection[] {
  const sections: ConnSection[] = [];
  let current: ConnSection | undefined;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.replace(/#.*$/, '');
    const header = /^(conn|config|ca)\s+(\S+)/.exec(line);
    if (header !== null) {
      current =
        header[1] === 'conn'
          ? { name: header[2]!, line: index + 1, settings: new Map(), also: [] }
          : undefined;
      if (current !== undefined) {
        sections.push(current);
      }
      return;
    }
    const setting = /^(\s+)([\w-]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (setting !== null && current !== undefined) {
      const column = line.indexOf('=', setting[1]!.length) + 1;
      const valueColumn =
        column + line.slice(column).length - line.slice(column).trimStart().length + 1;
      const value = {
        value: setting[3]!.replace(/^"(.*)"$/, '$1'),
        line: index + 1,
        column: valueColumn,
      };
      if (setting[2] === 'also') {
        current.also.push(value);
      } else {
        current.settings.set(setting[2]!, value);
      }
    }
  });
  return sections;
}

function readList(
  conn: ConnSection,
  key: 'ike' | 'esp',
  file: string,
  diagnostics: Diagnostic[],
): { proposals: GatewayConnection['ike']; acceptsDefaults: boolean } {
  const setting = conn.settings.get(key);
  const location: ProposalListLocation = {
    file,
    line: setting?.line ?? conn.line,
    column: setting?.column ?? 1,
    path: ['conn', conn.name, key],
  };
  if (setting === undefined) {
    diagnostics.push(defaultProposalsWarning(`conn ${conn.name} without ${key}=`, location));
    return { proposals: [], acceptsDefaults: true };
  }
  const strict = setting.value.endsWith('!');
  const read = readProposalList(
    setting.value.replace(/!$/, ''),
    key === 'ike' ? 'IKE' : 'ESP',
    location,
  );
  diagnostics.push(...read.diagnostics);
  if (!strict || read.includesDefault) {
    diagnostics.push(defaultProposalsWarning(`${key}= without a trailing "!"`, location));
  }
  return { proposals: read.proposals, acceptsDefaults: !strict || read.includesDefault };
}

/**
 * Collects a conn's settings with those of the conns it names in `also=`. A missing or
 * circular `also=` is an error, because the proposals it would bring in are unknown.
 * NOTE: when both set the same key, the conn's own value is assumed to win; this was not
 * tested against strongSwan's starter.
 */
function resolveAlso(
  section: ConnSection,
  sections: readonly ConnSection[],
  file: string,
  diagnostics: Diagnostic[],
  visiting: readonly string[] = [],
): Map<string, PositionedValue> {
  const settings = new Map<string, PositionedValue>();
  for (const also of section.also) {
    const included = sections.find((candidate) => candidate.name === also.value);
    const circular = visiting.includes(also.value) || also.value === section.name;
    if (included === undefined || circular) {
      diagnostics.push({
        code: included === undefined ? 'gateway-also-missing' : 'gateway-also-circular',
        severity: 'error',
        message:
          included === undefined
            ? `conn ${section.name}: also=${also.value} names a conn that is not in ${file}, so its proposals are unknown`
            : `conn ${section.name}: also=${also.value} includes itself`,
        hint: 'Pass the file that defines the conn (paste it into one file if it comes from an include), or fix the name.',
        path: ['conn', section.name, 'also'],
        position: { file, line: also.line, column: also.column },
      });
      continue;
    }
    const nested = resolveAlso(included, sections, file, diagnostics, [...visiting, section.name]);
    for (const [key, value] of nested) {
      settings.set(key, value);
    }
  }
  for (const [key, value] of section.settings) {
    settings.set(key, value);
  }
  return settings;
}

/** Reports each `include` line, because the conns in included files are not read. */
function reportIncludes(text: string, file: string): Diagnostic[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const include = /^include\s+(\S+)/.exec(line);
    if (include === null) {
      return [];
    }
    return [
      {
        code: 'gateway-include-ignored',
        severity: 'warning' as const,
        message: `include ${include[1]} is not followed, so conns defined there are not checked`,
        hint: 'Pass the included file to check --gateway as well, or paste its conns into one file.',
        path: [],
        position: { file, line: index + 1, column: 1 },
      },
    ];
  });
}

/** Reads every IKEv2 `conn` of an ipsec.conf. */
export function readIpsecConf(text: string, file: string): Read {
  const sections = splitConnSections(text);
  const defaults = sections.find((section) => section.name === '%default');
  const connections: ReadConnection[] = [];
  const ikev1: SkippedConnection[] = [];

  for (const section of sections) {
    if (section.name === '%default') {
      continue;
    }
    const diagnostics: Diagnostic[] = [];
    const own = resolveAlso(section, sections, file, diagnostics);
    const conn: ConnSection = {
      ...section,
      settings: new Map([...(defaults?.settings ?? []), ...own]),
    };
    if (conn.settings.get('keyexchange')?.value.toLowerCase() === 'ikev1') {
      ikev1.push({ name: conn.name, diagnostics });
      continue;
    }
    const ike = readList(conn, 'ike', file, diagnostics);
    const esp = readList(conn, 'esp', file, diagnostics);
    const connection: GatewayConnection = {
      name: conn.name,
      ike: ike.proposals,
      children: [{ name: conn.name, esp: esp.proposals }],
      acceptsDefaults: ike.acceptsDefaults || esp.acceptsDefaults,
      line: conn.line,
    };
    connections.push({ connection, diagnostics });
  }
  return { connections, ikev1, diagnostics: reportIncludes(text, file) };
}
