/** Rules on the client connections. */
import { isIP } from 'node:net';
import type { Connection } from '../baseline/types.js';
import type { Finding, Rule } from './rule.js';

function eachConnection(
  connections: readonly Connection[],
  check: (connection: Connection, index: number) => Finding[],
): Finding[] {
  return connections.flatMap((connection, index) => check(connection, index));
}

const deviceTunnelForceTunnel: Rule = {
  code: 'device-tunnel-force-tunnel',
  severity: 'error',
  waivable: false,
  summary: 'Device tunnels support SplitTunnel only.',
  check(baseline) {
    return eachConnection(baseline.connections, (connection, index) =>
      connection.tunnel === 'device' && connection.routingPolicy === 'ForceTunnel'
        ? [
            {
              path: ['connections', index, 'routingPolicy'],
              message: `connection "${connection.name}" is a device tunnel with routingPolicy ForceTunnel, which Windows does not support for device tunnels`,
              hint: 'Use SplitTunnel with routes to the servers the device needs before sign-in.',
            },
          ]
        : [],
    );
  },
};

const deviceTunnelEap: Rule = {
  code: 'device-tunnel-eap',
  severity: 'error',
  waivable: false,
  summary: 'Device tunnels authenticate with the machine certificate, not EAP.',
  check(baseline) {
    return eachConnection(baseline.connections, (connection, index) =>
      connection.tunnel === 'device' &&
      (connection.eapConfig !== undefined || connection.rememberCredentials !== undefined)
        ? [
            {
              path: [
                'connections',
                index,
                connection.eapConfig !== undefined ? 'eapConfig' : 'rememberCredentials',
              ],
              message: `connection "${connection.name}" is a device tunnel, which authenticates with the machine certificate and takes no EAP configuration or credentials`,
              hint: 'Remove eapConfig and rememberCredentials from the device tunnel, or make it a user tunnel.',
            },
          ]
        : [],
    );
  },
};

const userTunnelEap: Rule = {
  code: 'user-tunnel-eap',
  severity: 'error',
  waivable: false,
  summary: 'User tunnels need a readable EAP XML file.',
  check(baseline, context) {
    return eachConnection(baseline.connections, (connection, index) => {
      if (connection.tunnel !== 'user') {
        return [];
      }
      if (connection.eapConfig === undefined) {
        return [
          {
            path: ['connections', index],
            message: `connection "${connection.name}" is a user tunnel without eapConfig`,
            hint: 'Export the EAP XML from a template connection ((Get-VpnConnection -Name X).EapConfigXmlStream.InnerXml) and name the file in eapConfig.',
          },
        ];
      }
      const problem = context.checkEapConfig(connection.eapConfig);
      return problem === undefined
        ? []
        : [
            {
              path: ['connections', index, 'eapConfig'],
              message: `connection "${connection.name}": eapConfig ${connection.eapConfig} ${problem}`,
              hint: 'Point eapConfig at the EAP XML file, relative to the baseline file; its root element must be EapHostConfig.',
            },
          ];
    });
  },
};

const duplicateConnectionName: Rule = {
  code: 'duplicate-connection-name',
  severity: 'error',
  waivable: false,
  summary: 'Connection names must be unique, ignoring case, as Windows compares them.',
  check(baseline) {
    const seen = new Map<string, number>();
    return eachConnection(baseline.connections, (connection, index) => {
      const key = connection.name.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index);
        return [];
      }
      return [
        {
          path: ['connections', index, 'name'],
          message: `connection name "${connection.name}" repeats connections[${first}] (Windows compares names without case)`,
          hint: 'Give each connection its own name.',
        },
      ];
    });
  },
};

const connectionNameSlash: Rule = {
  code: 'connection-name-slash',
  severity: 'error',
  waivable: false,
  summary: 'Connection names must not contain a forward slash, which the VPNv2 CSP rejects.',
  check(baseline) {
    return eachConnection(baseline.connections, (connection, index) =>
      connection.name.includes('/')
        ? [
            {
              path: ['connections', index, 'name'],
              message: `connection name "${connection.name}" contains a forward slash, which the VPNv2 CSP does not allow in a profile name (the name is a segment of the Intune OMA-URI)`,
              hint: 'Replace the slash, for example with a dash.',
            },
          ]
        : [],
    );
  },
};

function prefixProblem(prefix: string): string | undefined {
  const [address = '', lengthText = ''] = prefix.split('/');
  const family = isIP(address);
  if (family === 0) {
    return `${address} is not a valid IPv4 or IPv6 address`;
  }
  const length = Number(lengthText);
  const maximum = family === 4 ? 32 : 128;
  if (!Number.isInteger(length) || length > maximum) {
    return `prefix length ${lengthText} is outside 0 to ${maximum}`;
  }
  return undefined;
}

const routePrefixInvalid: Rule = {
  code: 'route-prefix-invalid',
  severity: 'error',
  waivable: false,
  summary: 'Route prefixes must be valid IPv4 or IPv6 CIDR prefixes.',
  check(baseline) {
    return eachConnection(baseline.connections, (connection, index) =>
      (connection.routes ?? []).flatMap((route, routeIndex) => {
        const problem = prefixProblem(route.prefix);
        return problem === undefined
          ? []
          : [
              {
                path: ['connections', index, 'routes', routeIndex, 'prefix'],
                message: `route ${route.prefix} of connection "${connection.name}" is invalid: ${problem}`,
                hint: 'Write the prefix as address/length, such as 10.0.0.0/8 or 2001:db8::/32.',
              },
            ];
      }),
    );
  },
};

const splitTunnelNoRoutes: Rule = {
  code: 'split-tunnel-no-routes',
  severity: 'warning',
  waivable: true,
  summary:
    'A split tunnel without routes sends only traffic to the assigned subnet through the tunnel.',
  check(baseline) {
    return eachConnection(baseline.connections, (connection, index) =>
      (connection.routingPolicy ?? 'SplitTunnel') === 'SplitTunnel' &&
      (connection.routes ?? []).filter((route) => route.exclude !== true).length === 0
        ? [
            {
              path: ['connections', index],
              message: `connection "${connection.name}" is a split tunnel with no routes, so only the class-based route of its tunnel address reaches the network behind the server`,
              hint: 'Add routes for the internal prefixes, or set routingPolicy: ForceTunnel (user tunnels only).',
            },
          ]
        : [],
    );
  },
};

export const CONNECTION_RULES: readonly Rule[] = [
  deviceTunnelForceTunnel,
  deviceTunnelEap,
  userTunnelEap,
  duplicateConnectionName,
  connectionNameSlash,
  routePrefixInvalid,
  splitTunnelNoRoutes,
];
