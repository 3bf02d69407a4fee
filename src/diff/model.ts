/** The result of `diff` on two versions of a baseline, as data. Text is made in ./format-text.ts and ./format-markdown.ts. */
import type { CryptoFieldKey } from '../crypto/vocabulary.js';
import type { StrengthVerdict } from '../crypto/strength.js';
import type { Severity } from '../diagnostics.js';

/** One value in the baseline's words and in each target's spelling; null where a target has none. */
export interface SpelledValue {
  /** As written in the baseline, which is also the PowerShell cmdlets' spelling. */
  baseline: string;
  profileXml: string | null;
  strongSwan: string | null;
  graph: string | null;
}

export interface CryptoFieldChange {
  key: CryptoFieldKey;
  /** PowerShell parameter and ProfileXML element, such as EncryptionMethod. */
  parameter: string;
  sa: 'IKE SA' | 'child SA';
  old: SpelledValue;
  new: SpelledValue;
  verdict: StrengthVerdict;
  reason: string;
}

export type SettingChangeKind =
  | 'lifetime'
  | 'server'
  | 'connection-added'
  | 'connection-removed'
  | 'connection-renamed'
  | 'connection-changed'
  | 'nps'
  | 'waiver-added'
  | 'waiver-removed'
  | 'waiver-changed'
  | 'metadata';

/** A change outside the six crypto values. */
export interface SettingChange {
  kind: SettingChangeKind;
  /** Baseline path without indexes, such as `connections.routes`; matched against target consumption. */
  path: string;
  /** One line, naming the old and new value. */
  summary: string;
  /** Why the change matters, or does not, where that is not obvious. */
  explanation?: string;
  /** The connection concerned, by its new name (old name for a removed one). */
  connection?: string;
}

export interface FindingChange {
  code: string;
  severity: Severity;
  /** Baseline path, such as `esp.pfsGroup`. */
  path: string;
  message: string;
  waived: boolean;
}

export interface BuildChange {
  side: 'client' | 'server';
  declaredOld: string;
  declaredNew: string;
  requiredOld: string;
  requiredNew: string;
  /** Reason the new baseline needs `requiredNew`. */
  requiredReason: string;
}

export interface RedeployItem {
  target: string;
  artifact: string;
  /** Changed baseline paths that this target consumes. */
  because: string[];
  afterDeploy?: string;
}

export interface RolloutAdvice {
  /** The failure a client on the other policy gets, per changed SA. */
  failures: string[];
  steps: string[];
}

export interface BaselineDiff {
  old: { file: string; name: string };
  new: { file: string; name: string };
  crypto: CryptoFieldChange[];
  settings: SettingChange[];
  findings: { added: FindingChange[]; removed: FindingChange[] };
  builds: BuildChange[];
  redeploy: RedeployItem[];
  /** Present when any crypto value changes, because then old and new policies cannot meet. */
  rollout?: RolloutAdvice;
  /** Unwaived rule errors in each version; validate and render reject a version with any. */
  errorCounts: { old: number; new: number };
  /** Whether any crypto field got weaker; `--fail-on weaker` exits 1 on it. */
  weaker: boolean;
}
