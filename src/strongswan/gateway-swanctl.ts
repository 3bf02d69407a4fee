/** Reads `connections.<name>.proposals` and `children.<name>.esp_proposals` from a swanctl.conf. */
import type { Diagnostic } from '../diagnostics.js';
import type {
  GatewayChild,
  GatewayConnection,
  ReadConnection,
  SkippedConnection,
} from './gateway.js';
import { defaultProposalsWarning, readProposalList } from './gateway-proposals.js';
import { parseSettings, type SettingsSection } from './settings.js';

interface Read {
  connections: ReadConnection[];
  /** The IKEv1 connections (`version = 1`), whose proposals are not read. */
  ikev1: SkippedConnection[];
  /** Problems of the file as a whole, such as syntax errors and include lines. */
  diagnostics: Diagnostic[];
}

function readChildren(
  connection: string,
  section: SettingsSection,
  file: string,
  diagnostics: Diagnostic[],
): { children: GatewayChild[]; acceptsDefaults: boolean } {
  const children: GatewayChild[] = [];
  let acceptsDefaults = false;
  const childSections = section.sections.get('children')?.sections ?? new Map();

  for (const [name, child] of childSections) {
    const path = ['connections', connection, 'children', name, 'esp_proposals'];
    const setting = child.values.get('esp_proposals');
    const location = {
      file,
      line: setting?.line ?? child.line,
      column: setting?.column ?? 1,
      path,
    };
    if (setting === undefined) {
      diagnostics.push(defaultProposalsWarning(`child ${name} without esp_proposals`, location));
      acceptsDefaults = true;
      children.push({ name, esp: [] });
      continue;
    }
    const read = readProposalList(setting.value, 'ESP', location);
    diagnostics.push(...read.diagnostics);
    if (read.includesDefault) {
      diagnostics.push(defaultProposalsWarning(`the "default" keyword`, location));
      acceptsDefaults = true;
    }
    children.push({ name, esp: read.proposals });
  }
  return { children, acceptsDefaults };
}

function readConnection(
  name: string,
  section: SettingsSection,
  file: string,
  diagnostics: Diagnostic[],
): GatewayConnection {
  const setting = section.values.get('proposals');
  const location = {
    file,
    line: setting?.line ?? section.line,
    column: setting?.column ?? 1,
    path: ['connections', name, 'proposals'],
  };
  let acceptsDefaults = false;
  let ike: GatewayConnection['ike'] = [];
  if (setting === undefined) {
    diagnostics.push(defaultProposalsWarning(`connection ${name} without proposals`, location));
    acceptsDefaults = true;
  } else {
    const read = readProposalList(setting.value, 'IKE', location);
    diagnostics.push(...read.diagnostics);
    acceptsDefaults = read.includesDefault;
    if (read.includesDefault) {
      diagnostics.push(defaultProposalsWarning(`the "default" keyword`, location));
    }
    ike = read.proposals;
  }
  const children = readChildren(name, section, file, diagnostics);
  return {
    name,
    ike,
    children: children.children,
    acceptsDefaults: acceptsDefaults || children.acceptsDefaults,
    line: section.line,
  };
}

/** Reads every connection of a swanctl.conf. */
export function readSwanctlConf(text: string, file: string): Read {
  const parsed = parseSettings(text);
  const diagnostics: Diagnostic[] = parsed.problems.map((problem) => ({
    code: 'gateway-syntax',
    severity: 'error',
    message: `swanctl.conf syntax: ${problem.message}`,
    hint: 'Fix the line so that swanctl --load-all accepts it.',
    path: [],
    position: { file, line: problem.line, column: problem.column },
  }));
  for (const include of parsed.includes) {
    diagnostics.push({
      code: 'gateway-include-ignored',
      severity: 'warning',
      message: `include ${include.value} is not followed, so connections defined there are not checked`,
      hint: 'Pass the included file to check --gateway as well, or paste its connections section.',
      path: [],
      position: { file, line: include.line, column: include.column },
    });
  }
  const connections = parsed.root.sections.get('connections')?.sections ?? new Map();
  // A Windows client speaks IKEv2 only, so IKEv1 connections (version = 1) never accept it.
  const isIkev1 = ([, section]: [string, SettingsSection]): boolean =>
    section.values.get('version')?.value === '1';
  const ikev2 = [...connections].filter((entry) => !isIkev1(entry));
  const read = ikev2.map(([name, section]): ReadConnection => {
    const own: Diagnostic[] = [];
    return { connection: readConnection(name, section, file, own), diagnostics: own };
  });
  return {
    connections: read,
    ikev1: [...connections].filter(isIkev1).map(([name]) => ({ name, diagnostics: [] })),
    diagnostics,
  };
}
