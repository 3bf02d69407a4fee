/** All baseline rules, and how waivers apply to their findings. */
import type { Baseline } from '../baseline/types.js';
import type { Diagnostic } from '../diagnostics.js';
import { BUILD_RULES } from './builds.js';
import { CONNECTION_RULES } from './connections.js';
import { CRYPTO_RULES } from './crypto.js';
import { NPS_RULES } from './nps.js';
import type { Rule, RuleContext } from './rule.js';
import { SERVER_RULES } from './server.js';

export const RULES: readonly Rule[] = [
  ...CRYPTO_RULES,
  ...BUILD_RULES,
  ...SERVER_RULES,
  ...CONNECTION_RULES,
  ...NPS_RULES,
];

export function findRule(code: string): Rule | undefined {
  return RULES.find((rule) => rule.code === code);
}

/**
 * Runs every rule and applies the baseline's waivers. Positions are attached by the
 * caller, which owns the source. A waiver that names an unknown or unwaivable rule,
 * or one that matches nothing, is itself reported.
 */
export function runRules(baseline: Baseline, context: RuleContext): Diagnostic[] {
  const waivers = baseline.waivers ?? [];
  const diagnostics: Diagnostic[] = [];
  const usedWaivers = new Set<number>();

  for (const rule of RULES) {
    const waiverIndex = waivers.findIndex((waiver) => waiver.rule === rule.code);
    for (const finding of rule.check(baseline, context)) {
      const waived = rule.waivable && waiverIndex >= 0;
      if (waived) {
        usedWaivers.add(waiverIndex);
      }
      diagnostics.push({
        code: rule.code,
        severity: rule.severity,
        message: finding.message,
        hint: finding.hint,
        path: finding.path,
        waiver: waived ? { reason: waivers[waiverIndex]!.reason } : undefined,
      });
    }
  }

  waivers.forEach((waiver, index) => {
    const rule = findRule(waiver.rule);
    const path = ['waivers', index, 'rule'];
    if (rule === undefined) {
      const waivable = RULES.filter((candidate) => candidate.waivable).map(
        (candidate) => candidate.code,
      );
      diagnostics.push({
        code: 'waiver-unknown-rule',
        severity: 'error',
        message: `waiver names rule "${waiver.rule}", which does not exist`,
        hint: `Waivable rules: ${waivable.join(', ')}.`,
        path,
      });
    } else if (!rule.waivable) {
      diagnostics.push({
        code: 'waiver-not-allowed',
        severity: 'error',
        message: `rule ${rule.code} cannot be waived: ${rule.summary}`,
        hint: 'Fix the value instead, and remove this waiver.',
        path,
      });
    } else if (!usedWaivers.has(index)) {
      diagnostics.push({
        code: 'waiver-unused',
        severity: 'warning',
        message: `waiver for ${rule.code} matches nothing in this baseline`,
        hint: 'Remove the waiver so it does not hide a future finding.',
        path,
      });
    }
  });

  return diagnostics;
}
