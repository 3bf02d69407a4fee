/** View model of the RRAS server script (Set-VpnServerConfiguration -CustomPolicy). */
import type { ServerSettings } from '../../baseline/types.js';
import type { RenderContext } from '../../render/context.js';
import { listIpsecParameters, listIpsecPolicy } from '../powershell/ipsec-policy.js';
import {
  alignNamedValues,
  buildScriptView,
  type NamedValue,
  type ScriptView,
} from '../powershell/script-view.js';

export const RRAS_SCRIPT_ID = 'rras-ikev2-policy';

/** A server lifetime: the CIM property Get-VpnServerConfiguration returns and the Set parameter. */
interface ServerLimit {
  property: string;
  parameter: string;
  read: (server: ServerSettings) => number | undefined;
}

const SERVER_LIMITS: readonly ServerLimit[] = [
  {
    property: 'SALifeTime',
    parameter: 'SALifeTimeSeconds',
    read: (server) => server.saLifetimeSeconds,
  },
  {
    property: 'MMSALifeTime',
    parameter: 'MMSALifeTimeSeconds',
    read: (server) => server.mmSaLifetimeSeconds,
  },
  {
    property: 'SADataSizeForRenegotiation',
    parameter: 'SADataSizeForRenegotiationKilobytes',
    read: (server) => server.saDataSizeKilobytes,
  },
  {
    property: 'IdleDisconnect',
    parameter: 'IdleDisconnectSeconds',
    read: (server) => server.idleDisconnectSeconds,
  },
];

/** Properties saved to the backup: every CIM property of VpnServerIPsecConfiguration the script may change or that shows its mode. */
const BACKUP_FIELDS = [
  'TunnelType',
  'CustomPolicy',
  'EncryptionType',
  ...listIpsecParameters(),
  'SALifeTime',
  'MMSALifeTime',
  'SADataSizeForRenegotiation',
  'IdleDisconnect',
  'Ikev2Ports',
  'L2tpPorts',
  'SstpPorts',
  'GrePorts',
];

export interface RrasView extends ScriptView {
  /** The baseline's windows.minServerBuild. */
  minimumBuild: string;
  /** CIM property -> expected value; CustomPolicy must read back True. */
  expected: NamedValue[];
  enumFields: string[];
  backupFields: string[];
  /** Set-VpnServerConfiguration parameters after -CustomPolicy. */
  setArguments: NamedValue[];
}

/** Builds the server script's view: expected CIM values and the Set-VpnServerConfiguration arguments. */
export function buildRrasView(context: RenderContext): RrasView {
  const policy = listIpsecPolicy(context.baseline);
  const limits = SERVER_LIMITS.flatMap((limit) => {
    const value = limit.read(context.baseline.server);
    return value === undefined ? [] : [{ ...limit, value: String(value) }];
  });

  return {
    ...buildScriptView(context, RRAS_SCRIPT_ID),
    minimumBuild: context.baseline.windows.minServerBuild,
    expected: alignNamedValues([
      ['CustomPolicy', 'True'],
      ...policy,
      ...limits.map((limit): [string, string] => [limit.property, limit.value]),
    ]),
    enumFields: listIpsecParameters(),
    backupFields: BACKUP_FIELDS,
    setArguments: alignNamedValues([
      ...policy,
      ...limits.map((limit): [string, string] => [limit.parameter, limit.value]),
    ]),
  };
}
