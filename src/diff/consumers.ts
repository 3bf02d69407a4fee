/**
 * The baseline fields each target consumes, so `diff` lists what to redeploy without
 * rendering. One row per target, named as in `render --target`.
 */

export interface TargetConsumption {
  /** Target name, as in src/targets/index.ts. */
  target: string;
  /** The artifact and how it reaches machines. */
  artifact: string;
  /** Baseline paths the target reads, as prefixes: `ike` covers ike.encryption. */
  consumes: readonly string[];
  /** Follow-up step after redeploying, where the artifact alone is not enough. */
  afterDeploy?: string;
}

// NOTE: no row consumes windows.*, which only the build rules read. If a generated
// script starts checking the Windows build, add windows to that target's row.
export const TARGET_CONSUMPTION: readonly TargetConsumption[] = [
  {
    target: 'server',
    artifact: 'RRAS server script (Set-VpnServerConfiguration -CustomPolicy) on every RRAS server',
    consumes: ['ike', 'esp', 'server'],
    afterDeploy:
      'restart RemoteAccess (the script restarts it only with its restart switch); the restart drops every connected client',
  },
  {
    target: 'client',
    artifact:
      'client script (Set-VpnConnectionIPsecConfiguration) on every client, through GPO or an Intune platform script',
    consumes: ['ike', 'esp', 'connections.name', 'connections.tunnel'],
  },
  {
    target: 'profilexml',
    artifact: 'ProfileXML of each connection, through Intune (custom OMA-URI)',
    consumes: ['ike', 'esp', 'connections'],
  },
  {
    target: 'nps',
    artifact: 'NPS script (netsh nps set np) on every NPS server',
    consumes: ['nps'],
  },
  {
    target: 'strongswan',
    artifact: 'strongSwan proposals, where a third-party gateway replaces RRAS',
    consumes: ['ike', 'esp'],
  },
];

/** Tests whether `path` (such as `connections.routes`) falls under a consumed prefix. */
export function consumesPath(consumption: TargetConsumption, path: string): boolean {
  return consumption.consumes.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}.`) || prefix.startsWith(`${path}.`),
  );
}
