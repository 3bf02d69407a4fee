/** Turns a proposal list from a gateway file into proposals plus positioned diagnostics. */
import type { Diagnostic } from '../diagnostics.js';
import { parseKeywordProposalList, type Proposal, type Protocol } from './proposals.js';

export interface ProposalListLocation {
  file: string;
  line: number;
  column: number;
  /** Path of the list in the file, such as `connections.aovpn.proposals`. */
  path: string[];
}

export interface ReadProposalList {
  proposals: Proposal[];
  /** Whether the list contains strongSwan's `default` keyword. */
  includesDefault: boolean;
  diagnostics: Diagnostic[];
}

/** Parses `a-b-c, d-e-f` and reports each unknown keyword at its column. */
export function readProposalList(
  text: string,
  protocol: Protocol,
  location: ProposalListLocation,
): ReadProposalList {
  const items = text.split(',').map((item) => item.trim());
  const includesDefault = items.includes('default');
  const proposals: Proposal[] = [];
  const diagnostics: Diagnostic[] = [];
  const listed = items.filter((item) => item !== '' && item !== 'default').join(',');

  for (const parsed of parseKeywordProposalList(listed, protocol)) {
    if ('proposal' in parsed) {
      proposals.push(parsed.proposal);
      continue;
    }
    const offset = Math.max(0, text.indexOf(parsed.error.word));
    diagnostics.push({
      code: 'gateway-invalid-proposal',
      severity: 'error',
      message: `${protocol} proposal "${parsed.error.text}": "${parsed.error.word}" is ${parsed.error.reason}`,
      hint: 'Use strongSwan proposal keywords, such as aes128gcm16-prfsha256-modp2048 for IKE or aes128gcm16-ecp256 for ESP.',
      path: location.path,
      position: { file: location.file, line: location.line, column: location.column + offset },
    });
  }
  return { proposals, includesDefault, diagnostics };
}

/** Builds the warning for a gateway that also accepts strongSwan's default proposals. */
export function defaultProposalsWarning(
  setting: string,
  location: ProposalListLocation,
): Diagnostic {
  return {
    code: 'gateway-default-proposals',
    severity: 'warning',
    message: `${setting} lets the gateway accept strongSwan's default proposals, which this check does not model, so a predicted failure may not happen`,
    hint: 'List the proposals explicitly (swanctl.conf without "default", ipsec.conf with a trailing "!").',
    path: location.path,
    position: { file: location.file, line: location.line, column: location.column },
  };
}
