/** Every render target. Adding a target means a module under src/targets, its templates, and a line here. */
import { collectorsTarget } from './collectors.js';
import type { Target } from './target.js';
import { clientTarget } from './client/index.js';
import { npsTarget } from './nps/index.js';
import { profileXmlTarget } from './profile-xml/index.js';
import { rrasTarget } from './rras/index.js';
import { strongswanTarget } from './strongswan/index.js';

export const TARGETS: readonly Target[] = [
  rrasTarget,
  clientTarget,
  profileXmlTarget,
  npsTarget,
  collectorsTarget,
  strongswanTarget,
];

export function findTarget(name: string): Target | undefined {
  return TARGETS.find((target) => target.name === name);
}
