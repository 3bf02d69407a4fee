/**
 * What Windows prints for a configuration, per capture format, so tests can feed
 * `check` the same text an admin would capture. Layouts follow Microsoft's examples.
 * Format-List pads each label to the longest one and adds blank lines around the
 * block. Windows PowerShell 5.1's ConvertTo-Json indents by four spaces and writes two
 * spaces after each colon. Text files captured on Windows use CRLF.
 */
import type { Baseline, MppeLevel } from '../../src/baseline/types.js';
import {
  CRYPTO_FIELDS,
  PROFILE_XML_SPELLING,
  spell,
  type CryptoFieldKey,
} from '../../src/crypto/vocabulary.js';
import { xmlText } from '../../src/render/escape.js';

export type CryptoValues = Record<CryptoFieldKey, string>;

/** What `Get-VpnServerConfiguration` returns on a server configured from a baseline. */
export interface ServerState {
  crypto: CryptoValues;
  saLifetimeSeconds: number;
  mmSaLifetimeSeconds: number;
  saDataSizeKilobytes: number;
  idleDisconnectSeconds: number;
}

/** One network policy as NPS stores it. */
export interface NpsState {
  networkPolicy: string;
  encryption: MppeLevel[];
}

/** One ProfileXML CryptographySuite, in CSP spelling. */
export interface ProfileState {
  profileName: string;
  deviceTunnel: boolean;
  suite: Record<CryptoFieldKey, string>;
}

export function cryptoOf(baseline: Baseline): CryptoValues {
  return Object.fromEntries(
    CRYPTO_FIELDS.map((field) => [
      field.key,
      (baseline[field.path[0]] as unknown as Record<string, string>)[field.path[1]]!,
    ]),
  ) as CryptoValues;
}

export function serverStateOf(baseline: Baseline): ServerState {
  return {
    crypto: cryptoOf(baseline),
    saLifetimeSeconds: baseline.server.saLifetimeSeconds,
    mmSaLifetimeSeconds: baseline.server.mmSaLifetimeSeconds,
    saDataSizeKilobytes: baseline.server.saDataSizeKilobytes,
    // RRAS default when the baseline does not set it.
    idleDisconnectSeconds: baseline.server.idleDisconnectSeconds ?? 300,
  };
}

export function profileStateOf(baseline: Baseline, index: number): ProfileState {
  const connection = baseline.connections[index]!;
  const crypto = cryptoOf(baseline);
  return {
    profileName: connection.name,
    deviceTunnel: connection.tunnel === 'device',
    suite: Object.fromEntries(
      CRYPTO_FIELDS.map((field) => [
        field.key,
        spell(PROFILE_XML_SPELLING, field.key, crypto[field.key])!,
      ]),
    ) as Record<CryptoFieldKey, string>,
  };
}

function crlf(lines: readonly string[]): string {
  return lines.map((line) => `${line}\r\n`).join('');
}

function formatList(properties: ReadonlyArray<[string, string]>): string {
  const width = Math.max(...properties.map(([label]) => label.length));
  return crlf([
    '',
    ...properties.map(([label, value]) => `${label.padEnd(width)} : ${value}`),
    '',
    '',
  ]);
}

/** ConvertTo-Json of a flat object as Windows PowerShell 5.1 writes it. */
function json51(properties: ReadonlyArray<[string, string | boolean | null]>, indent = ''): string {
  const lines = properties.map(
    ([name, value], index) =>
      `${indent}    ${JSON.stringify(name)}:  ${JSON.stringify(value)}${index < properties.length - 1 ? ',' : ''}`,
  );
  return ['{', ...lines, `${indent}}`].join('\r\n');
}

const parameter = (key: CryptoFieldKey): string =>
  CRYPTO_FIELDS.find((field) => field.key === key)!.parameter;

/** `Get-VpnServerConfiguration | Format-List`, in the order of Microsoft's custom-policy example. */
export function printServerText(state: ServerState): string {
  return formatList([
    ['AuthenticationTransformConstants', state.crypto['esp.integrity']],
    ['CipherTransformConstants', state.crypto['esp.cipher']],
    ['CustomPolicy', 'True'],
    ['DHGroup', state.crypto['ike.dhGroup']],
    ['EncryptionMethod', state.crypto['ike.encryption']],
    ['Ikev2Ports', '128'],
    ['IdleDisconnect(s)', String(state.idleDisconnectSeconds)],
    ['IntegrityCheckMethod', state.crypto['ike.integrity']],
    ['L2tpPorts', '2'],
    ['PFSgroup', state.crypto['esp.pfsGroup']],
    ['SADataSizeForRenegotiation(KB)', String(state.saDataSizeKilobytes)],
    ['SALifeTime(s)', String(state.saLifetimeSeconds)],
  ]);
}

function serverProperties(state: ServerState): Array<[string, string]> {
  return [
    ['CustomPolicy', 'True'],
    ...CRYPTO_FIELDS.map((field): [string, string] => [field.parameter, state.crypto[field.key]]),
    ['SALifeTime', String(state.saLifetimeSeconds)],
    ['MMSALifeTime', String(state.mmSaLifetimeSeconds)],
    ['SADataSizeForRenegotiation', String(state.saDataSizeKilobytes)],
    ['IdleDisconnect', String(state.idleDisconnectSeconds)],
  ];
}

/** Prints the server's properties as the collector selects them: converted with [string], then ConvertTo-Json. */
export function printServerJson(state: ServerState): string {
  return json51(serverProperties(state));
}

const CLIENT_ORDER: readonly CryptoFieldKey[] = [
  'esp.integrity',
  'esp.cipher',
  'ike.dhGroup',
  'ike.integrity',
  'esp.pfsGroup',
  'ike.encryption',
];

/** `Get-VpnConnection ... | Select-Object -ExpandProperty IPsecCustomPolicy`, in the PassThru example's order. */
export function printClientText(crypto: CryptoValues): string {
  return formatList(CLIENT_ORDER.map((key) => [parameter(key), crypto[key]]));
}

export function printClientJson(crypto: CryptoValues): string {
  return json51(CLIENT_ORDER.map((key) => [parameter(key), crypto[key]]));
}

/** Prints a minimal ProfileXML with the suite in the element order of the 2024 VPNv2 XSD. */
export function printProfileXml(state: ProfileState): string {
  const suiteOrder: CryptoFieldKey[] = [
    'esp.integrity',
    'esp.cipher',
    'esp.pfsGroup',
    'ike.dhGroup',
    'ike.integrity',
    'ike.encryption',
  ];
  const authentication = state.deviceTunnel
    ? '      <MachineMethod>Certificate</MachineMethod>'
    : '      <UserMethod>Eap</UserMethod>';
  return crlf([
    '<VPNProfile>',
    `  <ProfileName>${xmlText(state.profileName)}</ProfileName>`,
    '  <AlwaysOn>true</AlwaysOn>',
    `  <DeviceTunnel>${state.deviceTunnel}</DeviceTunnel>`,
    '  <NativeProfile>',
    '    <Servers>vpn.example.com</Servers>',
    '    <NativeProtocolType>IKEv2</NativeProtocolType>',
    '    <CryptographySuite>',
    ...suiteOrder.map(
      (key) => `      <${parameter(key)}>${xmlText(state.suite[key])}</${parameter(key)}>`,
    ),
    '    </CryptographySuite>',
    '    <Authentication>',
    authentication,
    '    </Authentication>',
    '  </NativeProfile>',
    '</VPNProfile>',
  ]);
}

/** ProfileXML as the MDM_VPNv2_01 ProfileXML property returns it: HTML-escaped. */
export function escapeProfileXml(xml: string): string {
  return xml
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const MPPE_BITS: Record<MppeLevel, number> = { none: 0, basic: 0x2, strong: 0x8, strongest: 0x4 };

/**
 * Prints `netsh nps show np` for the policies.
 * NOTE: Microsoft documents no sample of this output. The layout is a guess shaped like
 * other netsh nps listings, which is why the reader is tolerant.
 */
export function printNps(states: readonly NpsState[]): string {
  const lines = ['', 'Network policy configuration:', '-'.repeat(58)];
  for (const [index, state] of states.entries()) {
    const mask = state.encryption.reduce((sum, level) => sum + MPPE_BITS[level], 0);
    lines.push(
      `Name                    = ${state.networkPolicy}`,
      'State                   = Enabled',
      `Processing order        = ${index + 1}`,
      'Policy source           = 0',
      '',
      'Profile attributes:',
      'Name                    Id          Value',
      '-'.repeat(58),
      'Framed-Protocol         0x7         1',
      `msRASAllowEncryption    0xffffffa7  ${state.encryption.includes('none') ? 1 : 2}`,
      `msRASEncryptionType     0xffffffa6  0x${mask.toString(16)}`,
      '',
    );
  }
  lines.push('Ok.', '');
  return crlf(lines);
}

/** Prints the file collect-server.ps1 writes for a server. */
export function printCollectedServer(state: ServerState, nps?: readonly NpsState[]): string {
  const server = json51(serverProperties(state), '    ').replace(/^\{/, '{');
  const npsText = nps === undefined ? 'null' : JSON.stringify(printNps(nps));
  return [
    '{',
    '    "collector":  "aovpn-baseline collect-server",',
    '    "formatVersion":  1,',
    '    "computerName":  "RRAS01",',
    '    "osVersion":  "10.0.20348",',
    `    "vpnServerConfiguration":  ${server},`,
    `    "npsNetworkPolicies":  ${npsText}`,
    '}',
  ].join('\r\n');
}

/** Prints the file collect-client.ps1 writes for a client with these connections and profiles. */
export function printCollectedClient(
  connections: ReadonlyArray<{
    name: string;
    allUserConnection: boolean;
    crypto: CryptoValues | null;
  }>,
  profiles: readonly ProfileState[],
): string {
  const connectionText = connections.map((connection) => {
    const policy =
      connection.crypto === null
        ? 'null'
        : json51(
            CLIENT_ORDER.map((key) => [parameter(key), connection.crypto![key]]),
            '            ',
          );
    return [
      '        {',
      `            "name":  ${JSON.stringify(connection.name)},`,
      `            "allUserConnection":  ${connection.allUserConnection},`,
      '            "tunnelType":  "Ikev2",',
      `            "ipsecCustomPolicy":  ${policy}`,
      '        }',
    ].join('\r\n');
  });
  const profileText = profiles.map((profile) =>
    [
      '        {',
      `            "instanceId":  ${JSON.stringify(encodeURIComponent(profile.profileName))},`,
      `            "profileXml":  ${JSON.stringify(escapeProfileXml(printProfileXml(profile)))}`,
      '        }',
    ].join('\r\n'),
  );
  return [
    '{',
    '    "collector":  "aovpn-baseline collect-client",',
    '    "formatVersion":  1,',
    '    "computerName":  "CLIENT01",',
    '    "osVersion":  "10.0.22631",',
    '    "negotiateDh2048Aes256":  null,',
    `    "connections":  [\r\n${connectionText.join(',\r\n')}\r\n    ],`,
    `    "profileXml":  [\r\n${profileText.join(',\r\n')}\r\n    ]`,
    '}',
  ].join('\r\n');
}
