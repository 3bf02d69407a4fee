/**
 * Builds the baseline's JSON Schema from the crypto vocabulary, so the allowed values
 * are written once. `npm run schema` writes it to schema/baseline.schema.json, which
 * editors read through `# yaml-language-server: $schema=`; a test keeps the two equal.
 */
import { CRYPTO_FIELDS, type CryptoField } from '../crypto/vocabulary.js';

type JsonSchema = Record<string, unknown>;

export const SCHEMA_ID = 'https://aovpn-baseline.invalid/schema/baseline.schema.json';

/** Windows build number such as 10.0.17134. */
const BUILD_PATTERN = '^10\\.0\\.[0-9]{4,5}$';

/** A DNS host name or an IPv4 address: what RRAS and the VPN client accept as a server. */
const HOST_PATTERN =
  '^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?$';

/** IPv4 or IPv6 prefix in CIDR form. The prefix length is range-checked by a rule. */
const CIDR_PATTERN = '^([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*)/[0-9]{1,3}$';

function cryptoProperty(field: CryptoField): JsonSchema {
  return {
    description: `${field.summary} Spelled as the PowerShell cmdlets spell it; the tool translates it for ProfileXML and other targets.`,
    type: 'string',
    enum: [...field.values],
  };
}

function cryptoSection(section: 'ike' | 'esp', description: string): JsonSchema {
  const fields = CRYPTO_FIELDS.filter((field) => field.path[0] === section);
  return {
    description,
    type: 'object',
    additionalProperties: false,
    required: fields.map((field) => field.path[1]),
    properties: Object.fromEntries(fields.map((field) => [field.path[1], cryptoProperty(field)])),
  };
}

const connectionSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'tunnel', 'servers'],
  properties: {
    name: {
      description:
        'Connection name as Windows shows it (Get-VpnConnection -Name). Also the ProfileXML profile name in the Intune OMA-URI.',
      type: 'string',
      minLength: 1,
      maxLength: 256,
    },
    tunnel: {
      description:
        'device: all-user connection authenticated with the machine certificate (IKEv2 only, -AllUserConnection). user: per-user connection authenticated with EAP.',
      enum: ['device', 'user'],
    },
    servers: {
      description: 'VPN server names or IPv4 addresses, the first one preferred.',
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: HOST_PATTERN },
    },
    routingPolicy: {
      description:
        'SplitTunnel sends only the routes below through the tunnel; ForceTunnel sends all traffic. Device tunnels support SplitTunnel only. Default SplitTunnel.',
      enum: ['SplitTunnel', 'ForceTunnel'],
    },
    routes: {
      description: 'Prefixes routed through (or, with exclude, around) the tunnel.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['prefix'],
        properties: {
          prefix: {
            description: 'IPv4 or IPv6 prefix in CIDR form, such as 10.0.0.0/8.',
            type: 'string',
            pattern: CIDR_PATTERN,
          },
          exclude: {
            description: 'Route this prefix outside the tunnel (ProfileXML ExclusionRoute).',
            type: 'boolean',
          },
          metric: { description: 'Route metric.', type: 'integer', minimum: 1, maximum: 9999 },
        },
      },
    },
    dnsSuffix: {
      description: 'Connection-specific DNS suffix, such as corp.contoso.com.',
      type: 'string',
      pattern: HOST_PATTERN,
    },
    trustedNetworkDetection: {
      description:
        'DNS suffixes of networks on which the connection stays down because the client is already inside.',
      type: 'array',
      items: { type: 'string', pattern: HOST_PATTERN },
    },
    domainNameInformation: {
      description: 'Name resolution policy: DNS servers for a namespace while connected.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['domainName'],
        properties: {
          domainName: {
            description: 'Namespace, such as .corp.contoso.com (leading dot for a suffix).',
            type: 'string',
            pattern: '^\\.?[A-Za-z0-9.-]+$',
          },
          dnsServers: {
            description: 'DNS server addresses for the namespace.',
            type: 'array',
            items: { type: 'string', pattern: '^[0-9A-Fa-f:.]+$' },
          },
        },
      },
    },
    alwaysOn: {
      description: 'Connect automatically at sign-in (user) or at startup (device). Default true.',
      type: 'boolean',
    },
    rememberCredentials: {
      description: 'User tunnels only: cache the EAP credentials.',
      type: 'boolean',
    },
    registerDns: {
      description: 'Register the tunnel address in DNS (RegisterDNS), typical for device tunnels.',
      type: 'boolean',
    },
    disableClassBasedDefaultRoute: {
      description: 'Do not add the class-based default route for the tunnel address.',
      type: 'boolean',
    },
    eapConfig: {
      description:
        'User tunnels: path, relative to this baseline, of the EAP XML exported from a template connection (the EapHostConfig element).',
      type: 'string',
      minLength: 1,
    },
  },
};

/** Builds the JSON Schema (draft-07) of a baseline document. */
export function buildBaselineSchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    title: 'aovpn-baseline',
    description:
      'One Always On VPN IKEv2 crypto baseline, rendered into matching RRAS, client, ProfileXML and NPS scripts.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'windows', 'ike', 'esp', 'server', 'connections'],
    properties: {
      name: {
        description:
          'Baseline identifier, used in generated file names and headers. Letters, digits, dot, dash and underscore.',
        type: 'string',
        pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$',
      },
      description: { description: 'Free text shown in generated headers.', type: 'string' },
      windows: {
        description:
          'Oldest Windows builds this baseline must run on. The tool computes the builds its values need and warns where a declared minimum is lower.',
        type: 'object',
        additionalProperties: false,
        required: ['minClientBuild', 'minServerBuild'],
        properties: {
          minClientBuild: {
            description: 'Oldest client build, such as 10.0.17763 (Windows 10 1809).',
            type: 'string',
            pattern: BUILD_PATTERN,
          },
          minServerBuild: {
            description: 'Oldest RRAS server build, such as 10.0.17763 (Windows Server 2019).',
            type: 'string',
            pattern: BUILD_PATTERN,
          },
        },
      },
      ike: cryptoSection('ike', 'IKE SA (IKEv2 main mode) transforms.'),
      esp: cryptoSection('esp', 'Child SA (ESP, quick mode) transforms.'),
      server: {
        description: 'RRAS custom policy lifetimes (Set-VpnServerConfiguration).',
        type: 'object',
        additionalProperties: false,
        required: ['saLifetimeSeconds', 'mmSaLifetimeSeconds', 'saDataSizeKilobytes'],
        properties: {
          saLifetimeSeconds: {
            description:
              'Child SA lifetime in seconds, -SALifeTimeSeconds. RRAS accepts 300 to 17279999.',
            type: 'integer',
          },
          mmSaLifetimeSeconds: {
            description: 'IKE SA (main mode) lifetime in seconds, -MMSALifeTimeSeconds.',
            type: 'integer',
          },
          saDataSizeKilobytes: {
            description:
              'Child SA data limit in kilobytes before rekey, -SADataSizeForRenegotiationKilobytes. RRAS needs at least 1024.',
            type: 'integer',
          },
          idleDisconnectSeconds: {
            description: 'Idle time in seconds before RRAS disconnects, -IdleDisconnectSeconds.',
            type: 'integer',
          },
        },
      },
      connections: {
        description: 'Client VPN connections that carry this policy.',
        type: 'array',
        minItems: 1,
        items: connectionSchema,
      },
      nps: {
        description:
          'NPS network policy that authorizes the user tunnel. Device tunnels authenticate at RRAS and never reach NPS.',
        type: 'object',
        additionalProperties: false,
        required: ['networkPolicy', 'encryption'],
        properties: {
          networkPolicy: {
            description:
              'Network policy name as shown in the NPS console. netsh cannot quote a double quote, so none may appear.',
            type: 'string',
            pattern: '^[^"\\u0000-\\u001f]{1,256}$',
          },
          encryption: {
            description:
              'MPPE encryption levels the network policy allows: none, basic (40-bit), strong (56-bit), strongest (128-bit).',
            type: 'array',
            minItems: 1,
            uniqueItems: true,
            items: { enum: ['none', 'basic', 'strong', 'strongest'] },
          },
        },
      },
      waivers: {
        description:
          'Rules this baseline knowingly breaks. Each names a rule code and a written reason, and shows in every output.',
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['rule', 'reason'],
          properties: {
            rule: { description: 'Rule code, such as weak-dh-group.', type: 'string' },
            reason: {
              description: 'Why the rule is waived, for reviewers.',
              type: 'string',
              minLength: 10,
            },
          },
        },
      },
    },
  };
}
