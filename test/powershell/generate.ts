/** Renders baselines into temporary folders and describes each generated .ps1 for the suites. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBaselineFile, type LoadedBaseline } from '../../src/baseline/load.js';
import type { Baseline } from '../../src/baseline/types.js';
import { CRYPTO_FIELDS } from '../../src/crypto/vocabulary.js';
import { renderBaseline } from '../../src/render/render.js';
import { writeGeneratedFiles } from '../../src/render/write.js';
import { TARGETS } from '../../src/targets/index.js';
import { REPO_ROOT } from '../helpers/baselines.js';

/** One generated script and what the baseline expects of it, as the Pester suites read it. */
export interface GeneratedScript {
  /** Render target that produced the script. */
  target: string;
  /** Baseline file it was rendered from, for messages. */
  baseline: string;
  /** Absolute path of the written script. */
  path: string;
  /** Path relative to the output folder, such as rras/Set-RrasIkev2Policy.ps1. */
  relativePath: string;
  /** Whether the script comes from an edge-case baseline, which runs a shorter Pester matrix. */
  edgeCase: boolean;
  expected: ExpectedValues;
}

/** The values a script must set, computed here from the baseline independently of the renderer. */
export interface ExpectedValues {
  /** The six crypto values keyed by cmdlet parameter name. */
  crypto: Record<string, string>;
  server: {
    SALifeTimeSeconds: number;
    MMSALifeTimeSeconds: number;
    SADataSizeForRenegotiationKilobytes: number;
    IdleDisconnectSeconds?: number;
  };
  connections: Array<{ name: string; tunnel: 'device' | 'user' }>;
  /** Minimum Windows builds the baseline declares. */
  windows: { minClientBuild: string; minServerBuild: string };
  nps?: { networkPolicy: string; encryptionPolicy: number; encryptionTypes: number };
}

export const SHIPPED_BASELINES: readonly string[] = readdirSync(join(REPO_ROOT, 'baselines'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => join(REPO_ROOT, 'baselines', name));

/** Loads a baseline and throws with its diagnostics when it has errors. */
export function loadValidBaseline(file: string): LoadedBaseline {
  const loaded = loadBaselineFile(file);
  const errors = loaded.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (loaded.baseline === undefined || errors.length > 0) {
    const text = errors.map((error) => `${error.code}: ${error.message}`).join('\n');
    throw new Error(`baseline ${file} has errors:\n${text}`);
  }
  return loaded;
}

/**
 * Computes the MPPE attributes of the NPS network policy. The encryption policy is 1
 * (allowed) or 2 (required), as in RFC 2548; the type bits are basic 0x2, strongest 0x4
 * and strong 0x8, as in the RAS snap-in constants.
 */
function expectNps(baseline: Baseline): ExpectedValues['nps'] {
  if (baseline.nps === undefined) {
    return undefined;
  }
  const bits = { none: 0, basic: 0x2, strongest: 0x4, strong: 0x8 } as const;
  const levels = baseline.nps.encryption;
  return {
    networkPolicy: baseline.nps.networkPolicy,
    encryptionPolicy: levels.includes('none') ? 1 : 2,
    encryptionTypes: levels.reduce((mask, level) => mask | bits[level], 0),
  };
}

export function expectValues(baseline: Baseline): ExpectedValues {
  const crypto: Record<string, string> = {};
  for (const field of CRYPTO_FIELDS) {
    const section = baseline[field.path[0]] as unknown as Record<string, string>;
    crypto[field.parameter] = section[field.path[1]]!;
  }
  const server: ExpectedValues['server'] = {
    SALifeTimeSeconds: baseline.server.saLifetimeSeconds,
    MMSALifeTimeSeconds: baseline.server.mmSaLifetimeSeconds,
    SADataSizeForRenegotiationKilobytes: baseline.server.saDataSizeKilobytes,
  };
  if (baseline.server.idleDisconnectSeconds !== undefined) {
    server.IdleDisconnectSeconds = baseline.server.idleDisconnectSeconds;
  }
  return {
    crypto,
    server,
    connections: baseline.connections.map(({ name, tunnel }) => ({ name, tunnel })),
    windows: { ...baseline.windows },
    nps: expectNps(baseline),
  };
}

const outputFolders: string[] = [];

/** Removes the temporary folders renderScripts wrote to. */
export function removeRenderedScripts(): void {
  for (const folder of outputFolders.splice(0)) {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Renders every target for one baseline file into a new temporary folder and returns
 * the .ps1 files written.
 */
export function renderScripts(baselineFile: string, edgeCase = false): GeneratedScript[] {
  const loaded = loadValidBaseline(baselineFile);
  const output = mkdtempSync(join(tmpdir(), 'aovpn-ps-'));
  outputFolders.push(output);
  const scripts: GeneratedScript[] = [];
  for (const target of TARGETS) {
    const files = renderBaseline(loaded, [target]).filter((file) => file.path.endsWith('.ps1'));
    const written = writeGeneratedFiles(output, files);
    files.forEach((file, index) => {
      scripts.push({
        target: target.name,
        baseline: baselineFile,
        path: written[index]!,
        relativePath: file.path,
        edgeCase,
        expected: expectValues(loaded.baseline!),
      });
    });
  }
  return scripts;
}
