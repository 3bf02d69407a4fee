/**
 * Every generated ProfileXML is validated against Microsoft's XSD with xmllint. Without
 * xmllint these tests are skipped locally and fail with CI=true.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../../src/baseline/load.js';
import type { Baseline, Connection } from '../../../src/baseline/types.js';
import { CRYPTO_FIELDS, type CryptoFieldKey } from '../../../src/crypto/vocabulary.js';
import { hasBlockingDiagnostics } from '../../../src/diagnostics.js';
import { renderBaseline } from '../../../src/render/render.js';
import { profileXmlTarget } from '../../../src/targets/profile-xml/index.js';
import type { GeneratedFile } from '../../../src/targets/target.js';
import { REPO_ROOT, validBaseline } from '../../helpers/baselines.js';
import { renderTarget } from '../../helpers/render-target.js';
import {
  isXmllintAvailable,
  mustRunSchemaTests,
  validateWithXsd,
  XMLLINT_INSTALL_HINT,
} from '../../helpers/xmllint.js';

const runSchemaTests = mustRunSchemaTests();
if (!runSchemaTests) {
  console.warn(`ProfileXML schema tests skipped: xmllint not found; ${XMLLINT_INSTALL_HINT}.`);
}

function xmlFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
  return files.filter((file) => file.path.endsWith('.xml'));
}

function expectValid(file: GeneratedFile): void {
  const result = validateWithXsd(file.content);
  expect(result.messages, file.path).not.toMatch(/fails to validate|error/i);
  expect(result.valid, `${file.path}: ${result.messages}`).toBe(true);
}

function withConnections(...connections: Connection[]): Baseline {
  return { ...validBaseline(), connections };
}

const USER: Connection = {
  name: 'User Tunnel',
  tunnel: 'user',
  servers: ['vpn.example.com'],
  eapConfig: 'eap.xml',
};
const DEVICE: Connection = {
  name: 'Device Tunnel',
  tunnel: 'device',
  servers: ['vpn.example.com'],
};

test('xmllint is installed', (context) => {
  if (!isXmllintAvailable() && process.env.CI !== 'true') {
    context.skip(`xmllint not found; ${XMLLINT_INSTALL_HINT}`);
  }
  expect(isXmllintAvailable(), `xmllint not found; ${XMLLINT_INSTALL_HINT}`).toBe(true);
});

describe.runIf(runSchemaTests)('shipped baselines validate', () => {
  const shipped = readdirSync(join(REPO_ROOT, 'baselines')).filter((name) =>
    name.endsWith('.yaml'),
  );

  test('at least one shipped baseline', () => {
    expect(shipped.length).toBeGreaterThan(0);
  });

  test.each(shipped)('%s', (name) => {
    const loaded = loadBaselineFile(join('baselines', name), REPO_ROOT);
    expect(hasBlockingDiagnostics(loaded.diagnostics), JSON.stringify(loaded.diagnostics)).toBe(
      false,
    );
    const files = xmlFiles(renderBaseline(loaded, [profileXmlTarget]));
    expect(files.length).toBe(loaded.baseline!.connections.length);
    files.forEach(expectValid);
  });
});

describe.runIf(runSchemaTests)('edge cases validate', () => {
  const longName = 'Contoso Always On VPN Connection For The Research Department '
    .repeat(4)
    .slice(0, 256);
  const cases: Array<{ name: string; baseline: Baseline }> = [
    {
      name: 'markup characters in names',
      baseline: withConnections(
        { ...DEVICE, name: `R&D <Lab> "Device" 'VPN'` },
        { ...USER, name: 'Sales & Marketing <VPN> -- test-' },
      ),
    },
    {
      name: 'non-ASCII names',
      baseline: withConnections(
        { ...DEVICE, name: 'Zürich Gerät' },
        { ...USER, name: '東京 VPN 😀' },
      ),
    },
    {
      name: 'control character in a name',
      baseline: withConnections({ ...DEVICE, name: 'bell\u0007 tunnel' }),
    },
    {
      name: 'very long names',
      baseline: withConnections(
        { ...DEVICE, name: longName },
        { ...USER, name: `${longName.slice(0, 255)}!` },
      ),
    },
    {
      name: 'IPv6 routes and DNS servers',
      baseline: withConnections(
        {
          ...DEVICE,
          routes: [
            { prefix: '2001:db8::10/128' },
            { prefix: '2001:db8:abcd::/48', metric: 10 },
            { prefix: '::ffff:10.0.0.0/104', exclude: true },
          ],
        },
        {
          ...USER,
          domainNameInformation: [
            { domainName: '.corp.example.com', dnsServers: ['2001:db8::53', '10.0.0.53'] },
          ],
          routes: [{ prefix: '::/0' }, { prefix: '0.0.0.0/0', exclude: true, metric: 9999 }],
        },
      ),
    },
    {
      name: 'every optional element',
      baseline: withConnections(
        {
          ...DEVICE,
          registerDns: true,
          disableClassBasedDefaultRoute: false,
          alwaysOn: true,
          dnsSuffix: 'corp.example.com',
          trustedNetworkDetection: ['corp.example.com'],
        },
        {
          ...USER,
          servers: ['vpn1.example.com', 'vpn2.example.com', '203.0.113.10'],
          routingPolicy: 'ForceTunnel',
          rememberCredentials: false,
          registerDns: false,
          disableClassBasedDefaultRoute: true,
          alwaysOn: false,
          dnsSuffix: 'corp.example.com',
          trustedNetworkDetection: ['corp.example.com', 'lab.example.com'],
          domainNameInformation: [
            { domainName: 'host.example.com' },
            { domainName: '.example.com', dnsServers: ['10.0.0.1'] },
          ],
        },
      ),
    },
    {
      name: 'no optional elements',
      baseline: withConnections({ ...DEVICE }, { ...USER }),
    },
    {
      name: 'markup in the description',
      baseline: { ...withConnections(DEVICE), description: 'Uses <GCM> & "AES" -- see --> here-' },
    },
  ];

  test.each(cases)('$name', ({ baseline }) => {
    const files = xmlFiles(renderTarget(profileXmlTarget, baseline));
    expect(files.length).toBe(baseline.connections.length);
    files.forEach(expectValid);
  });
});

/**
 * The VPNv2 CSP spelling of every baseline value, written out from the ENUM values of
 * the VPNv2 DDF (2024), independent of the vocabulary table. null: the CSP has no value.
 */
const CSP_SPELLING: Record<CryptoFieldKey, Record<string, string | null>> = {
  'ike.encryption': {
    DES: 'DES',
    DES3: 'DES3',
    AES128: 'AES128',
    AES192: 'AES192',
    AES256: 'AES256',
    GCMAES128: 'AES_GCM_128',
    GCMAES256: 'AES_GCM_256',
  },
  'ike.integrity': { MD5: 'MD5', SHA1: 'SHA196', SHA256: 'SHA256', SHA384: 'SHA384' },
  'ike.dhGroup': {
    None: 'None',
    Group1: 'Group1',
    Group2: 'Group2',
    Group14: 'Group14',
    ECP256: 'ECP256',
    ECP384: 'ECP384',
    Group24: 'Group24',
  },
  'esp.cipher': {
    DES: 'DES',
    DES3: 'DES3',
    AES128: 'AES128',
    AES192: 'AES192',
    AES256: 'AES256',
    GCMAES128: 'GCMAES128',
    GCMAES192: 'GCMAES192',
    GCMAES256: 'GCMAES256',
    None: null,
  },
  'esp.integrity': {
    MD596: 'MD596',
    SHA196: 'SHA196',
    SHA256128: 'SHA256128',
    GCMAES128: 'GCMAES128',
    GCMAES192: 'GCMAES192',
    GCMAES256: 'GCMAES256',
    None: null,
  },
  'esp.pfsGroup': {
    None: 'None',
    PFS1: 'PFS1',
    PFS2: 'PFS2',
    PFS2048: 'PFS2048',
    ECP256: 'ECP256',
    ECP384: 'ECP384',
    PFSMM: 'PFSMM',
    PFS24: 'PFS24',
  },
};

const cryptoCases = CRYPTO_FIELDS.flatMap((field) =>
  field.values.map((value) => ({ key: field.key, element: field.parameter, value })),
);

function withCryptoValue(key: CryptoFieldKey, value: string): Baseline {
  const baseline = withConnections(DEVICE);
  const [section, name] = key.split('.') as ['ike' | 'esp', string];
  (baseline[section] as unknown as Record<string, string>)[name] = value;
  return baseline;
}

describe('CryptographySuite values', () => {
  test('table covers every baseline value', () => {
    for (const field of CRYPTO_FIELDS) {
      expect(Object.keys(CSP_SPELLING[field.key]).sort(), field.key).toEqual(
        [...field.values].sort(),
      );
    }
  });

  test.each(cryptoCases)('$key $value', ({ key, element, value }) => {
    const expected = CSP_SPELLING[key][value];
    const baseline = withCryptoValue(key, value);
    if (expected === null) {
      expect(() => renderTarget(profileXmlTarget, baseline)).toThrow(/cannot express/);
      return;
    }
    const [file] = xmlFiles(renderTarget(profileXmlTarget, baseline));
    const match = new RegExp(`<${element}>([^<]*)</${element}>`).exec(file!.content);
    expect(match?.[1]).toBe(expected);
    if (runSchemaTests) {
      expectValid(file!);
    }
  });
});

describe.runIf(runSchemaTests)('validation can fail', () => {
  const baseline = withConnections({ ...DEVICE, registerDns: true }, USER);
  const [device, user] = xmlFiles(renderTarget(profileXmlTarget, baseline));

  const cases: Array<{ name: string; mutate: () => string; message: RegExp }> = [
    {
      name: 'element out of order',
      mutate: () =>
        device!.content
          .replace('  <AlwaysOn>true</AlwaysOn>\n', '')
          .replace(
            '<DeviceTunnel>true</DeviceTunnel>',
            '<DeviceTunnel>true</DeviceTunnel><AlwaysOn>true</AlwaysOn>',
          ),
      message: /AlwaysOn/,
    },
    {
      name: 'CryptographySuite out of order',
      mutate: () =>
        device!.content
          .replace('      <EncryptionMethod>AES_GCM_128</EncryptionMethod>\n', '')
          .replace(
            '<CryptographySuite>',
            '<CryptographySuite><EncryptionMethod>AES_GCM_128</EncryptionMethod>',
          ),
      message: /AuthenticationTransformConstants/,
    },
    {
      name: 'Route before NativeProfile',
      mutate: () =>
        device!.content.replace(
          '<NativeProfile>',
          '<Route><Address>10.0.0.0</Address><PrefixSize>8</PrefixSize></Route><NativeProfile>',
        ),
      message: /NativeProfile/,
    },
    {
      name: 'MachineMethod beside UserMethod',
      mutate: () =>
        user!.content.replace(
          '<UserMethod>Eap</UserMethod>',
          '<UserMethod>Eap</UserMethod><MachineMethod>Eap</MachineMethod>',
        ),
      message: /MachineMethod/,
    },
    {
      name: 'EapHostConfig without its namespace',
      mutate: () =>
        user!.content.replace(
          ' xmlns="http://www.microsoft.com/provisioning/EapHostConfig">\n  <EapMethod>',
          '>\n  <EapMethod>',
        ),
      message: /EapHostConfig/,
    },
    {
      name: 'unknown element',
      mutate: () => device!.content.replace('<AlwaysOn>', '<Unknown>x</Unknown><AlwaysOn>'),
      message: /Unknown/,
    },
  ];

  test('unmodified profiles are valid', () => {
    expectValid(device!);
    expectValid(user!);
  });

  test.each(cases)('$name is rejected', ({ mutate, message }) => {
    const mutated = mutate();
    expect(mutated).not.toBe(device!.content);
    expect(mutated).not.toBe(user!.content);
    const result = validateWithXsd(mutated);
    expect(result.valid).toBe(false);
    expect(result.messages).toMatch(message);
  });
});
