/** The change in minimum Windows builds, required by the values and declared in windows.*. */
import type { Baseline } from '../baseline/types.js';
import { computeRequiredBuilds, highestBuild } from '../rules/builds.js';
import type { BuildChange } from './model.js';

const DECLARED_KEY = { client: 'minClientBuild', server: 'minServerBuild' } as const;

/** Lists each side whose required or declared minimum build differs between the versions. */
export function diffBuilds(old: Baseline, next: Baseline): BuildChange[] {
  const oldRequired = computeRequiredBuilds(old);
  const newRequired = computeRequiredBuilds(next);
  const changes: BuildChange[] = [];
  for (const side of ['client', 'server'] as const) {
    const requiredOld = highestBuild(oldRequired[side]);
    const requiredNew = highestBuild(newRequired[side]);
    const change: BuildChange = {
      side,
      declaredOld: old.windows[DECLARED_KEY[side]],
      declaredNew: next.windows[DECLARED_KEY[side]],
      requiredOld: requiredOld?.build ?? '(none)',
      requiredNew: requiredNew?.build ?? '(none)',
      requiredReason: requiredNew?.reason ?? '',
    };
    if (change.declaredOld !== change.declaredNew || change.requiredOld !== change.requiredNew) {
      changes.push(change);
    }
  }
  return changes;
}
