/** The contract every baseline rule follows. */
import type { Baseline } from '../baseline/types.js';
import type { Severity } from '../diagnostics.js';

/** One problem a rule found, before position and waiver are attached. */
export interface Finding {
  path: ReadonlyArray<string | number>;
  message: string;
  hint?: string;
}

export interface Rule {
  /** Stable code, used in waivers, diagnostics and tests. */
  code: string;
  severity: Severity;
  /** Whether a baseline may waive the rule with a written reason. */
  waivable: boolean;
  /** One line for documentation and `rules` listings. */
  summary: string;
  check(baseline: Baseline, context: RuleContext): Finding[];
}

/** What rules may know beyond the document. */
export interface RuleContext {
  /** Reads an EAP configuration file named by a connection; returns an error text or undefined. */
  checkEapConfig(relativePath: string): string | undefined;
}
