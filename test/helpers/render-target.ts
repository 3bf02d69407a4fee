/** Renders one target from a baseline object, bypassing the rules, so tests reach every value. */
import { loadBaselineFile } from '../../src/baseline/load.js';
import type { Baseline } from '../../src/baseline/types.js';
import { buildRenderContext, type RenderContext } from '../../src/render/context.js';
import type { GeneratedFile, Target } from '../../src/targets/target.js';
import { writeBaseline } from './baselines.js';

/**
 * Builds a render context from a baseline that passes the schema. Rule findings do not
 * stop it, so a test can render values the rules reject (weak or unwaived crypto).
 */
export function buildTestContext(
  baseline: Baseline,
  extraFiles?: Record<string, string | Uint8Array>,
): RenderContext {
  const file = writeBaseline(baseline, 'baseline.yaml', extraFiles);
  const loaded = loadBaselineFile(file);
  if (loaded.baseline === undefined) {
    const codes = loaded.diagnostics.map((diagnostic) => diagnostic.code).join(', ');
    throw new Error(`test baseline does not pass the schema: ${codes}`);
  }
  return buildRenderContext(loaded);
}

/** Renders `target` for a baseline object. */
export function renderTarget(
  target: Target,
  baseline: Baseline,
  extraFiles?: Record<string, string | Uint8Array>,
): GeneratedFile[] {
  return target.render(buildTestContext(baseline, extraFiles));
}
