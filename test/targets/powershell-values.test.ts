import { describe, expect, it } from 'vitest';
import type { Baseline } from '../../src/baseline/types.js';
import { CRYPTO_FIELDS } from '../../src/crypto/vocabulary.js';
import type { RenderContext } from '../../src/render/context.js';
import { clientTarget } from '../../src/targets/client/index.js';
import { rrasTarget } from '../../src/targets/rras/index.js';
import { validBaseline } from '../helpers/baselines.js';

/** Builds a render context without validation, so every accepted value can be rendered. */
function contextFor(baseline: Baseline): RenderContext {
  return {
    baseline,
    baselineFileName: 'baseline.yaml',
    contentHash: '0'.repeat(64),
    toolName: 'aovpn-baseline',
    toolVersion: '0.0.0',
    notices: [],
    readRelative: () => '',
  };
}

const ROWS = CRYPTO_FIELDS.flatMap((field) =>
  field.values.map((value) => ({ parameter: field.parameter, path: field.path, value })),
);

describe('PowerShell value spelling', () => {
  it.each(ROWS)('$parameter $value', ({ parameter, path, value }) => {
    const baseline = validBaseline();
    const [section, name] = path;
    (baseline[section] as unknown as Record<string, string>)[name] = value;
    const files = [
      ...rrasTarget.render(contextFor(baseline)),
      ...clientTarget.render(contextFor(baseline)),
    ];
    expect(files).toHaveLength(3);
    for (const file of files) {
      expect(file.content, file.path).toMatch(new RegExp(`^ {8}-${parameter} '${value}' \`$`, 'm'));
      expect(file.content, file.path).toMatch(new RegExp(`^ {4}${parameter} += '${value}'$`, 'm'));
    }
  });
});
