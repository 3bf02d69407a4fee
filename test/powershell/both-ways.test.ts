import { beforeAll, expect, it } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import type { Baseline } from '../../src/baseline/types.js';
import { CRYPTO_FIELDS, type CryptoField } from '../../src/crypto/vocabulary.js';
import { findRule } from '../../src/rules/index.js';
import { validBaseline, writeBaseline } from '../helpers/baselines.js';
import { describePowerShell, runPowerShellFile } from './tools.js';

/**
 * Values the stand-ins accept that no baseline may hold, each with the rule that
 * rejects it. Every other accepted value must load from some baseline, waivers allowed.
 * (The reverse direction, every schema value binding to the stand-ins, runs in
 * StandIns.Tests.ps1.)
 */
const EXCLUDED: ReadonlyArray<{ parameter: string; value: string; rule: string }> = [
  { parameter: 'CipherTransformConstants', value: 'None', rule: 'esp-no-confidentiality' },
  { parameter: 'AuthenticationTransformConstants', value: 'None', rule: 'esp-no-integrity' },
  { parameter: 'DHGroup', value: 'None', rule: 'ike-no-dh-group' },
];

const GCM = /^GCMAES\d+$/;

/** Builds a baseline holding `value` in `field`, with the other ESP field paired the way Windows needs. */
function baselineWith(field: CryptoField, value: string): Baseline {
  const baseline = validBaseline();
  const section = baseline[field.path[0]] as unknown as Record<string, string>;
  section[field.path[1]] = value;
  if (field.key === 'esp.cipher') {
    baseline.esp.integrity = GCM.test(value) ? value : 'SHA256128';
  }
  if (field.key === 'esp.integrity') {
    baseline.esp.cipher = GCM.test(value) ? value : 'AES256';
  }
  return baseline;
}

/** Error codes of a baseline after waiving every waivable rule it breaks. */
function errorCodesWithWaivers(baseline: Baseline): string[] {
  const errorsOf = (candidate: Baseline): string[] =>
    loadBaselineFile(writeBaseline(candidate))
      .diagnostics.filter(
        (diagnostic) => diagnostic.severity === 'error' && diagnostic.waiver === undefined,
      )
      .map((diagnostic) => diagnostic.code);
  const waivable = errorsOf(baseline).filter((code) => findRule(code)?.waivable === true);
  baseline.waivers = [...new Set(waivable)].map((rule) => ({
    rule,
    reason: 'test: every accepted value is reachable',
  }));
  return errorsOf(baseline);
}

describePowerShell('stand-in values and baselines', (tools) => {
  let accepted: Record<string, Record<string, string[]>>;

  beforeAll(() => {
    accepted = JSON.parse(runPowerShellFile(tools, 'Get-StandInValues.ps1', [])) as Record<
      string,
      Record<string, string[]>
    >;
  });

  it.each(['Set-VpnConnectionIPsecConfiguration', 'Set-VpnServerConfiguration'])(
    '%s accepts only reachable or excluded values',
    (command) => {
      for (const field of CRYPTO_FIELDS) {
        const values = accepted[command]?.[field.parameter];
        expect(values, `${command} -${field.parameter} has no accepted values`).toBeDefined();
        for (const value of values!) {
          const excluded = EXCLUDED.find(
            (entry) => entry.parameter === field.parameter && entry.value === value,
          );
          const codes = errorCodesWithWaivers(baselineWith(field, value));
          const label = `-${field.parameter} ${value}`;
          if (excluded === undefined) {
            expect(codes, `${label} is accepted but no baseline can hold it`).toEqual([]);
          } else {
            expect(codes, `${label} should be rejected by ${excluded.rule} alone`).toEqual([
              excluded.rule,
            ]);
          }
        }
      }
    },
  );

  it.each(EXCLUDED)('excludes $parameter $value by an existing rule', ({ rule }) => {
    expect(findRule(rule)?.waivable).toBe(false);
  });
});
