/**
 * Baselines whose connection and network policy names stress PowerShell and netsh
 * quoting. Each name must reach the scripts as exactly that string.
 */
import type { Baseline } from '../../src/baseline/types.js';
import { validBaseline, writeBaseline } from '../helpers/baselines.js';

export interface NameCase {
  case: string;
  /** Becomes the device tunnel name (with " Device"), the user tunnel name (with " User") and the NPS policy name. */
  name: string;
}

/** The schema's maximum length for connection and network policy names. */
const LONGEST_NAME = 256;

export const NAME_CASES: readonly NameCase[] = [
  { case: 'single quotes', name: "O'Brien's 'VPN'" },
  { case: 'typographic quotes', name: 'Contoso \u2018Main\u2019 \u201AVPN\u201B \u201Cx\u201D' },
  { case: 'dollar signs', name: '$env:USERNAME $(Get-Date) ${x} VPN$' },
  { case: 'backticks', name: 'Back`tick `n `$ VPN`' },
  { case: 'semicolons', name: "VPN; Remove-Item -Recurse C:\\ #'; exit 0" },
  { case: 'non-ASCII letters', name: 'Zürich Ünïcødé Łódź 東京 VPN' },
  { case: 'comment markers', name: 'VPN <# not #> a # comment' },
  { case: 'very long', name: 'L'.repeat(LONGEST_NAME - ' Device'.length) },
];

/** The names a case gives each connection and the network policy. */
export function caseNames(nameCase: NameCase): { device: string; user: string; policy: string } {
  return {
    device: `${nameCase.name} Device`,
    user: `${nameCase.name} User`,
    policy: nameCase.name,
  };
}

/** Writes the case's baseline to a temporary folder and returns its path. */
export function writeNameCaseBaseline(nameCase: NameCase): string {
  const names = caseNames(nameCase);
  const baseline: Baseline = validBaseline();
  baseline.connections[0]!.name = names.device;
  baseline.connections[1]!.name = names.user;
  baseline.nps!.networkPolicy = names.policy;
  return writeBaseline(baseline);
}
