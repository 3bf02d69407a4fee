/** The artifacts to redeploy, derived from the changed paths and the consumption table. */
import { consumesPath, TARGET_CONSUMPTION } from './consumers.js';
import type { RedeployItem } from './model.js';

/**
 * Returns one item per target that consumes any changed path, in table order. Paths no
 * target consumes (description, waivers) change only the generated files' headers,
 * so they need no redeploy.
 */
export function listRedeploys(changedPaths: readonly string[]): RedeployItem[] {
  const items: RedeployItem[] = [];
  for (const consumption of TARGET_CONSUMPTION) {
    const because = [...new Set(changedPaths.filter((path) => consumesPath(consumption, path)))];
    if (because.length === 0) {
      continue;
    }
    items.push({
      target: consumption.target,
      artifact: consumption.artifact,
      because,
      ...(consumption.afterDeploy === undefined ? {} : { afterDeploy: consumption.afterDeploy }),
    });
  }
  return items;
}
