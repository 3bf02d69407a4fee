/** View-model pieces every generated PowerShell script shares. */
import { headerLines, type RenderContext } from '../../render/context.js';
import { renderTemplate } from '../../render/templates.js';
import type { GeneratedFile } from '../target.js';

/** Fields every PowerShell template reads: provenance and the shared helper functions. */
export interface ScriptView {
  header: string[];
  /** Lower-case name of the script, used for its log and backup file names. */
  scriptId: string;
  baselineName: string;
  baselineSha256: string;
  toolVersion: string;
  /** Default -LogPath and -BackupFolder, as PowerShell expands them inside double quotes. */
  defaultLogPath: string;
  defaultBackupFolder: string;
  /** Helper functions rendered from powershell/shared.ps1.hbs; they contain no baseline value. */
  sharedFunctions: string;
}

/** One parameter and its value, with the name padded so a block of them lines up. */
export interface NamedValue {
  parameter: string;
  padded: string;
  value: string;
}

/**
 * Builds the provenance fields, default paths and shared functions of a script. The data
 * root is `$env:ProgramData` for scripts that run as SYSTEM and `$env:LOCALAPPDATA` for
 * scripts that run as the user.
 */
export function buildScriptView(
  context: RenderContext,
  scriptId: string,
  dataRoot = '$env:ProgramData',
): ScriptView {
  return {
    header: headerLines(context),
    scriptId,
    baselineName: context.baseline.name,
    baselineSha256: context.contentHash,
    toolVersion: `${context.toolName} ${context.toolVersion}`,
    defaultLogPath: `${dataRoot}\\aovpn-baseline\\${scriptId}.log`,
    defaultBackupFolder: `${dataRoot}\\aovpn-baseline\\backup`,
    sharedFunctions: renderTemplate('powershell/shared.ps1.hbs', {}).trimEnd(),
  };
}

/** Pairs each name with its value and pads the names to the longest one. */
export function alignNamedValues(pairs: ReadonlyArray<readonly [string, string]>): NamedValue[] {
  const width = Math.max(...pairs.map(([parameter]) => parameter.length));
  return pairs.map(([parameter, value]) => ({
    parameter,
    padded: parameter.padEnd(width),
    value,
  }));
}

/** Renders a PowerShell template into a .ps1 file with the byte-order mark Windows PowerShell 5.1 needs. */
export function renderScriptFile(path: string, template: string, view: object): GeneratedFile {
  return { path, content: renderTemplate(template, view), byteOrderMark: true };
}
