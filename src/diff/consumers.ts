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

export const TARGET_CONSUMPTION: readonly TargetConsumption[] = [
  {
    target: 'rras',
    artifact: 'RRAS server script (Set-VpnServerConfiguration -CustomPolicy) on every RRAS server',
    consumes: ['ike', 'esp', 'server', 'windows.minServerBuild'],
    afterDeploy:
      'restart RemoteAccess (the script restarts it only with its restart switch); the restart drops every connected client',
  },
  {
    target: 'client',
    artifact:
      'client script (Set-VpnConnectionIPsecConfiguration) on every client, through GPO or an Intune platform script',
    consumes: ['ike', 'esp', 'connections.name', 'connections.tunnel', 'windows.minClientBuild'],
  },
  {
    target: 'profile-xml',
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
    // The baseline name is the swanctl.conf connection name.
    consumes: ['ike', 'esp', 'name'],
  },
  {
    target: 'collectors',
    artifact:
      'collector scripts for check (they change no settings; use the new ones so check collects the new connections)',
    consumes: ['connections.name', 'connections.tunnel'],
  },
];

/** Tests whether `path` (such as `connections.routes`) falls under a consumed prefix. */
export function consumesPath(consumption: TargetConsumption, path: string): boolean {
  return consumption.consumes.some(
    (prefix) => path === prefix || path.startsWith(`${prefix}.`) || prefix.startsWith(`${path}.`),
  );
}
