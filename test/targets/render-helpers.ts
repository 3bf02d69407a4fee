/** Renders baselines through the PowerShell targets for the target tests. */
import { loadBaselineFile } from '../../src/baseline/load.js';
import type { Baseline } from '../../src/baseline/types.js';
import { hasBlockingDiagnostics } from '../../src/diagnostics.js';
import { renderBaseline } from '../../src/render/render.js';
import { clientTarget } from '../../src/targets/client/index.js';
import { npsTarget } from '../../src/targets/nps/index.js';
import { rrasTarget } from '../../src/targets/rras/index.js';
import type { GeneratedFile } from '../../src/targets/target.js';
import { REPO_ROOT, writeBaseline } from '../helpers/baselines.js';

export const POWERSHELL_TARGETS = [rrasTarget, clientTarget, npsTarget];

/** Loads a baseline file and renders it through the PowerShell targets; throws on blocking diagnostics. */
export function renderPowerShellFile(file: string): GeneratedFile[] {
  const loaded = loadBaselineFile(file, REPO_ROOT);
  if (loaded.baseline === undefined || hasBlockingDiagnostics(loaded.diagnostics)) {
    const codes = loaded.diagnostics.map((diagnostic) => diagnostic.code).join(', ');
    throw new Error(`baseline ${file} has blocking diagnostics: ${codes}`);
  }
  return renderBaseline(loaded, POWERSHELL_TARGETS);
}

/** Writes a baseline object to a temporary file and renders it through the PowerShell targets. */
export function renderPowerShell(baseline: Baseline): GeneratedFile[] {
  return renderPowerShellFile(writeBaseline(baseline));
}

/** Returns the generated file at `path`, failing the test when it is missing. */
export function findFile(files: readonly GeneratedFile[], path: string): GeneratedFile {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) {
    throw new Error(`no generated file ${path}; got ${files.map((f) => f.path).join(', ')}`);
  }
  return file;
}

export const RRAS_SCRIPT = 'rras/Set-RrasIkev2Policy.ps1';
export const DEVICE_SCRIPT = 'client/Set-DeviceTunnelIkev2Policy.ps1';
export const USER_SCRIPT = 'client/Set-UserTunnelIkev2Policy.ps1';
export const NPS_SCRIPT = 'nps/Set-NpsEncryption.ps1';
