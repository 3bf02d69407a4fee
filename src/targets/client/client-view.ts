/** View models of the client scripts (Set-VpnConnectionIPsecConfiguration), one per tunnel kind. */
import type { Baseline, TunnelKind } from '../../baseline/types.js';
import type { RenderContext } from '../../render/context.js';
import { listIpsecPolicy } from '../powershell/ipsec-policy.js';
import {
  alignNamedValues,
  buildScriptView,
  type NamedValue,
  type ScriptView,
} from '../powershell/script-view.js';

/** Where and how each tunnel kind's script runs. */
export interface ClientScriptKind {
  tunnel: TunnelKind;
  path: string;
  scriptId: string;
  /** Environment variable for the log and backup folder, as PowerShell expands it. */
  dataRoot: string;
  /** Lines of the help text that say how to deploy the script. */
  runAs: string[];
}

export const CLIENT_SCRIPT_KINDS: readonly ClientScriptKind[] = [
  {
    tunnel: 'device',
    path: 'client/Set-DeviceTunnelIkev2Policy.ps1',
    scriptId: 'device-tunnel-ikev2-policy',
    dataRoot: '$env:ProgramData',
    runAs: [
      'Run it as SYSTEM or an administrator: a GPO startup script, or an Intune',
      'platform script in system context.',
    ],
  },
  {
    tunnel: 'user',
    path: 'client/Set-UserTunnelIkev2Policy.ps1',
    scriptId: 'user-tunnel-ikev2-policy',
    dataRoot: '$env:LOCALAPPDATA',
    runAs: [
      "Run it as the user who owns the connections, because a user tunnel is in that user's",
      'phone book: a GPO logon script, or an Intune platform script with "Run this script',
      'using the logged on credentials" set to Yes.',
    ],
  },
];

/** Order of the Set-VpnConnectionIPsecConfiguration arguments, as in Microsoft's examples. */
const SET_ORDER = [
  'AuthenticationTransformConstants',
  'CipherTransformConstants',
  'EncryptionMethod',
  'IntegrityCheckMethod',
  'DHGroup',
  'PfsGroup',
];

export interface ClientView extends ScriptView {
  /** The baseline's windows.minClientBuild. */
  minimumBuild: string;
  tunnelKind: TunnelKind;
  runAs: string[];
  allUserConnection: boolean;
  /** `$true` or `$false`, as the backup records it. */
  allUserConnectionLiteral: string;
  connectionScope: string;
  connections: string[];
  expected: NamedValue[];
  setArguments: NamedValue[];
}

function requireValue(values: ReadonlyMap<string, string>, parameter: string): string {
  const value = values.get(parameter);
  if (value === undefined) {
    throw new Error(`no baseline value for -${parameter}`);
  }
  return value;
}

/** Names of the baseline's connections of one tunnel kind, in baseline order. */
export function listConnectionNames(baseline: Baseline, tunnel: TunnelKind): string[] {
  return baseline.connections
    .filter((connection) => connection.tunnel === tunnel)
    .map((connection) => connection.name);
}

/** Builds one client script's view: its connections, the expected policy and the Set arguments. */
export function buildClientView(context: RenderContext, kind: ClientScriptKind): ClientView {
  const policy = listIpsecPolicy(context.baseline);
  const byParameter = new Map(policy);
  const allUserConnection = kind.tunnel === 'device';

  return {
    ...buildScriptView(context, kind.scriptId, kind.dataRoot),
    minimumBuild: context.baseline.windows.minClientBuild,
    tunnelKind: kind.tunnel,
    runAs: kind.runAs,
    allUserConnection,
    allUserConnectionLiteral: allUserConnection ? '$true' : '$false',
    connectionScope: allUserConnection ? 'all-user connections' : "the current user's connections",
    connections: listConnectionNames(context.baseline, kind.tunnel),
    expected: alignNamedValues(policy),
    setArguments: alignNamedValues(
      SET_ORDER.map((parameter): [string, string] => [
        parameter,
        requireValue(byParameter, parameter),
      ]),
    ),
  };
}
