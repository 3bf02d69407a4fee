/**
 * The PowerShell script families the Pester suites cover. Parse and Windows PowerShell
 * 5.1 checks run on every .ps1 any target renders; a family adds behaviour tests.
 * Adding a family is one row: the render target and its Pester file in pester/.
 */
export interface ScriptFamily {
  /** Render target (src/targets) whose .ps1 files belong to the family. */
  target: string;
  /** Pester file under test/powershell/pester that tests the family's behaviour. */
  pester: string;
}

export const SCRIPT_FAMILIES: readonly ScriptFamily[] = [
  { target: 'rras', pester: 'Rras.Tests.ps1' },
  { target: 'client', pester: 'Client.Tests.ps1' },
  { target: 'nps', pester: 'Nps.Tests.ps1' },
  { target: 'collectors', pester: 'Collectors.Tests.ps1' },
];
