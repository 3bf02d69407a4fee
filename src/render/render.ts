/** Renders a loaded baseline through the chosen targets, entirely in memory. */
import type { LoadedBaseline } from '../baseline/load.js';
import { TARGETS } from '../targets/index.js';
import type { GeneratedFile, Target } from '../targets/target.js';
import { buildRenderContext } from './context.js';

/**
 * Renders every target in `targets` (all by default). Throws if a target fails, before
 * anything is written. Output is sorted by path, so it does not depend on target order.
 */
export function renderBaseline(
  loaded: LoadedBaseline,
  targets: readonly Target[] = TARGETS,
): GeneratedFile[] {
  const context = buildRenderContext(loaded);
  const files = targets.flatMap((target) =>
    target.render(context).map((file) => ({ ...file, target: target.name })),
  );
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.path.toLowerCase())) {
      throw new Error(
        `two generated files share the path ${file.path} (paths are compared without case, as on Windows)`,
      );
    }
    seen.add(file.path.toLowerCase());
  }
  return files.sort((left, right) => compareOrdinal(left.path, right.path));
}

/** Compares by UTF-16 code units, independent of the machine's locale. */
export function compareOrdinal(left: string, right: string): number {
  if (left === right) {
    return 0;
  }
  return left < right ? -1 : 1;
}
