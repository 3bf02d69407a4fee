/** What `check` reports: one finding per field that differs, with the side and command that fix it. */
import type { Diagnostic, SourcePosition } from '../diagnostics.js';

/**
 * `mismatch`: client and server will not negotiate (13868), or fail later.
 * `drift`: a machine differs from the baseline.
 * `warning`: a known risk that does not follow from the documented behaviour.
 */
export type FindingSeverity = 'mismatch' | 'drift' | 'warning';

export type Side = 'server' | 'client' | 'profile-xml' | 'nps' | 'registry' | 'gateway';

export interface CheckFinding {
  /** Stable code, such as `field-drift` or `pfs-mismatch-at-rekey`. */
  code: string;
  severity: FindingSeverity;
  /** The input the finding is about, as named in the report. */
  artifact: string;
  /** Baseline path of the field, such as `esp.pfsGroup` or `server.saLifetimeSeconds`. */
  field: string;
  /** The field as the artifact names it, such as `PfsGroup` or `SALifeTime(s)`. */
  setting: string;
  expected: string;
  actual: string;
  sideToFix: Side;
  /** The command (or ProfileXML element) that fixes the artifact. */
  fix: string;
  /** What happens because of the difference. */
  message: string;
  /** False for differences that are reported but do not stop negotiation, such as lifetimes. */
  breaksNegotiation: boolean;
  position?: SourcePosition;
}

export type CheckMode = 'drift' | 'negotiation';

export interface CheckReport {
  mode: CheckMode;
  baseline?: string;
  inputs: Array<{ artifact: string; kind: string }>;
  findings: CheckFinding[];
  /** Assumptions and lines not read, from the inputs and the comparison. */
  notes: Diagnostic[];
  verdict: 'agreement' | 'mismatch' | 'drift';
}
