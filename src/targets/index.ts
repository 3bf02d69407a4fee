/** Every render target. Adding a target means a module under src/targets, its templates, and a line here. */
import { collectorsTarget } from './collectors.js';
import { strongswanTarget } from './strongswan/index.js';
import type { Target } from './target.js';

export const TARGETS: readonly Target[] = [collectorsTarget, strongswanTarget];

export function findTarget(name: string): Target | undefined {
  return TARGETS.find((target) => target.name === name);
}
