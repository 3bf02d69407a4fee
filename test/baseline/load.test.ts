import { describe, expect, test } from 'vitest';
import { loadBaselineFile, loadBaselineText } from '../../src/baseline/load.js';
import type { Baseline } from '../../src/baseline/types.js';
import { hasBlockingDiagnostics } from '../../src/diagnostics.js';
import { REPO_ROOT, validBaseline, writeBaseline } from '../helpers/baselines.js';

function load(baseline: unknown) {
  return loadBaselineFile(writeBaseline(baseline));
}

function codesOf(baseline: unknown): string[] {
  return load(baseline)
    .diagnostics.filter((diagnostic) => diagnostic.waiver === undefined)
    .map((diagnostic) => diagnostic.code);
}

function modified(change: (baseline: Baseline) => void): Baseline {
  const baseline = validBaseline();
  change(baseline);
  return baseline;
}

describe('loadBaselineFile', () => {
  test('shipped contoso baseline has no findings', () => {
    const loaded = loadBaselineFile('baselines/contoso.yaml', REPO_ROOT);
    expect(loaded.baseline?.name).toBe('contoso-aovpn');
    expect(loaded.diagnostics).toEqual([]);
  });

  test('valid test baseline has no findings', () => {
    expect(codesOf(validBaseline())).toEqual([]);
  });

  test('missing file is an unreadable-file error', () => {
    const loaded = loadBaselineFile('/nonexistent/baseline.yaml');
    expect(loaded.baseline).toBeUndefined();
    expect(loaded.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['file-unreadable']);
  });

  test('content hash ignores CRLF line endings', () => {
    const text = 'name: a\n';
    expect(loadBaselineText('a.yaml', text).contentHash).toBe(
      loadBaselineText('a.yaml', text.replace(/\n/g, '\r\n')).contentHash,
    );
  });
});

describe('schema errors', () => {
  const cases: Array<{ name: string; yaml: string; code: string; line: number; column: number }> = [
    {
      name: 'ProfileXML spelling of GCM',
      yaml: 'ike:\n  encryption: AES_GCM_128\n',
      code: 'foreign-spelling',
      line: 2,
      column: 15,
    },
    {
      name: 'SHA196 as IKE integrity',
      yaml: 'ike:\n  integrity: SHA196\n',
      code: 'foreign-spelling',
      line: 2,
      column: 14,
    },
    {
      name: 'Graph spelling',
      yaml: 'esp:\n  cipher: aes128Gcm\n',
      code: 'foreign-spelling',
      line: 2,
      column: 11,
    },
    {
      name: 'GCMAES192 for the IKE SA',
      yaml: 'ike:\n  encryption: GCMAES192\n',
      code: 'ike-encryption-gcm192',
      line: 2,
      column: 15,
    },
    {
      name: 'misspelled key',
      yaml: 'ike:\n  dhgroup: Group14\n',
      code: 'unknown-key',
      line: 2,
      column: 3,
    },
    {
      name: 'unknown value',
      yaml: 'esp:\n  pfsGroup: PFS9000\n',
      code: 'value-not-allowed',
      line: 2,
      column: 13,
    },
    {
      name: 'lifetime as text',
      yaml: 'server:\n  saLifetimeSeconds: eight hours\n',
      code: 'wrong-type',
      line: 2,
      column: 22,
    },
    {
      name: 'YAML syntax error',
      yaml: 'ike: [\n',
      code: 'yaml-syntax',
      line: 2,
      column: 1,
    },
  ];

  test.each(cases)('$name', ({ yaml, code, line, column }) => {
    const loaded = loadBaselineText('case.yaml', yaml);
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === code);
    expect(diagnostic, JSON.stringify(loaded.diagnostics, null, 2)).toBeDefined();
    expect(diagnostic?.position).toEqual({ file: 'case.yaml', line, column });
    expect(loaded.baseline).toBeUndefined();
  });

  test('foreign spelling names the right spelling and its origin', () => {
    const loaded = loadBaselineText('case.yaml', 'ike:\n  encryption: AES_GCM_128\n');
    const diagnostic = loaded.diagnostics.find(
      (candidate) => candidate.code === 'foreign-spelling',
    );
    expect(diagnostic?.message).toContain('ProfileXML');
    expect(diagnostic?.hint).toContain('"GCMAES128"');
  });

  test('unknown key suggests the close one', () => {
    const loaded = loadBaselineText('case.yaml', 'conections: []\n');
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'unknown-key');
    expect(diagnostic?.hint).toContain('Did you mean "connections"?');
  });
});

describe('rules', () => {
  const cases: Array<{ name: string; change: (baseline: Baseline) => void; codes: string[] }> = [
    {
      name: 'GCM cipher with SHA integrity',
      change: (b) => (b.esp.integrity = 'SHA256128'),
      codes: ['esp-gcm-unpaired'],
    },
    {
      name: 'GCM sizes differ',
      change: (b) => (b.esp.integrity = 'GCMAES256'),
      codes: ['esp-gcm-unpaired'],
    },
    {
      name: 'GCM integrity with AES-CBC cipher',
      change: (b) => (b.esp.cipher = 'AES256'),
      codes: ['esp-gcm-unpaired'],
    },
    {
      name: 'no ESP encryption',
      change: (b) => {
        b.esp.cipher = 'None';
        b.esp.integrity = 'SHA256128';
      },
      codes: ['esp-no-confidentiality'],
    },
    {
      name: 'GMAC only',
      change: (b) => (b.esp.cipher = 'None'),
      codes: ['esp-gcm-unpaired', 'esp-no-confidentiality'],
    },
    {
      name: 'no IKE DH group',
      change: (b) => (b.ike.dhGroup = 'None'),
      codes: ['ike-no-dh-group'],
    },
    {
      name: 'DES3 for the IKE SA',
      change: (b) => (b.ike.encryption = 'DES3'),
      codes: ['weak-ike-encryption'],
    },
    {
      name: 'SHA1 for the IKE SA',
      change: (b) => (b.ike.integrity = 'SHA1'),
      codes: ['weak-ike-integrity'],
    },
    {
      name: 'MD5 for the IKE SA',
      change: (b) => (b.ike.integrity = 'MD5'),
      codes: ['weak-ike-integrity'],
    },
    { name: 'DH group 2', change: (b) => (b.ike.dhGroup = 'Group2'), codes: ['weak-dh-group'] },
    { name: 'DH group 1', change: (b) => (b.ike.dhGroup = 'Group1'), codes: ['weak-dh-group'] },
    {
      name: 'DES for ESP',
      change: (b) => {
        b.esp.cipher = 'DES';
        b.esp.integrity = 'SHA256128';
      },
      codes: ['weak-esp-cipher'],
    },
    {
      name: 'SHA196 for ESP',
      change: (b) => {
        b.esp.cipher = 'AES256';
        b.esp.integrity = 'SHA196';
      },
      codes: ['weak-esp-integrity'],
    },
    {
      name: 'MD596 for ESP',
      change: (b) => {
        b.esp.cipher = 'AES256';
        b.esp.integrity = 'MD596';
      },
      codes: ['weak-esp-integrity'],
    },
    { name: 'PFS1', change: (b) => (b.esp.pfsGroup = 'PFS1'), codes: ['weak-pfs-group'] },
    { name: 'PFS2', change: (b) => (b.esp.pfsGroup = 'PFS2'), codes: ['weak-pfs-group'] },
    {
      name: 'Group24',
      change: (b) => (b.ike.dhGroup = 'Group24'),
      codes: ['group24-not-recommended'],
    },
    {
      name: 'PFS24',
      change: (b) => (b.esp.pfsGroup = 'PFS24'),
      codes: ['group24-not-recommended'],
    },
    { name: 'no PFS', change: (b) => (b.esp.pfsGroup = 'None'), codes: ['pfs-none'] },
    {
      name: 'client build below IKE GCM',
      change: (b) => (b.windows.minClientBuild = '10.0.16299'),
      codes: ['min-build-too-low'],
    },
    {
      name: 'client build below CryptographySuite',
      change: (b) => {
        b.ike.encryption = 'AES256';
        b.windows.minClientBuild = '10.0.10586';
      },
      codes: ['min-build-too-low'],
    },
    {
      name: 'server build below documented IKE GCM',
      change: (b) => (b.windows.minServerBuild = '10.0.17763'),
      codes: ['server-ike-gcm-unconfirmed'],
    },
    {
      name: 'AES128 with strongest-only NPS',
      change: (b) => {
        b.ike.encryption = 'AES128';
        b.nps = { networkPolicy: 'VPN', encryption: ['strongest'] };
      },
      codes: ['nps-aes128-strongest-only'],
    },
    {
      name: 'AES256 with strongest-only NPS',
      change: (b) => {
        b.ike.encryption = 'AES256';
        b.esp.cipher = 'GCMAES256';
        b.esp.integrity = 'GCMAES256';
        b.nps = { networkPolicy: 'VPN', encryption: ['strongest'] };
      },
      codes: [],
    },
    {
      name: 'SA lifetime below range',
      change: (b) => (b.server.saLifetimeSeconds = 299),
      codes: ['sa-lifetime-range'],
    },
    {
      name: 'SA lifetime above range',
      change: (b) => (b.server.saLifetimeSeconds = 17_280_000),
      codes: ['sa-lifetime-range'],
    },
    {
      name: 'SA lifetime at minimum',
      change: (b) => (b.server.saLifetimeSeconds = 300),
      codes: [],
    },
    {
      name: 'SA lifetime at maximum',
      change: (b) => (b.server.saLifetimeSeconds = 17_279_999),
      codes: [],
    },
    {
      name: 'data size below minimum',
      change: (b) => (b.server.saDataSizeKilobytes = 1023),
      codes: ['sa-data-size-min'],
    },
    {
      name: 'data size at minimum',
      change: (b) => (b.server.saDataSizeKilobytes = 1024),
      codes: [],
    },
    {
      name: 'device tunnel force tunnel',
      change: (b) => (b.connections[0]!.routingPolicy = 'ForceTunnel'),
      codes: ['device-tunnel-force-tunnel'],
    },
    {
      name: 'device tunnel with EAP',
      change: (b) => (b.connections[0]!.eapConfig = 'eap.xml'),
      codes: ['device-tunnel-eap'],
    },
    {
      name: 'user tunnel without EAP',
      change: (b) => delete b.connections[1]!.eapConfig,
      codes: ['user-tunnel-eap'],
    },
    {
      name: 'user tunnel with missing EAP file',
      change: (b) => (b.connections[1]!.eapConfig = 'missing.xml'),
      codes: ['user-tunnel-eap'],
    },
    {
      name: 'duplicate names differing in case',
      change: (b) => (b.connections[1]!.name = 'device tunnel'),
      codes: ['duplicate-connection-name'],
    },
    {
      name: 'connection name with slash',
      change: (b) => (b.connections[1]!.name = 'Contoso/VPN'),
      codes: ['connection-name-slash'],
    },
    {
      name: 'route with bad octet',
      change: (b) => (b.connections[0]!.routes = [{ prefix: '10.0.0.300/8' }]),
      codes: ['route-prefix-invalid'],
    },
    {
      name: 'route with long prefix',
      change: (b) => (b.connections[0]!.routes = [{ prefix: '10.0.0.0/33' }]),
      codes: ['route-prefix-invalid'],
    },
    {
      name: 'split tunnel without routes',
      change: (b) => delete b.connections[0]!.routes,
      codes: ['split-tunnel-no-routes'],
    },
    {
      name: 'NPS with only device tunnels',
      change: (b) => b.connections.pop(),
      codes: ['nps-without-user-tunnel'],
    },
    {
      name: 'waiver of unknown rule',
      change: (b) => (b.waivers = [{ rule: 'no-such-rule', reason: 'because we say so' }]),
      codes: ['waiver-unknown-rule'],
    },
    {
      name: 'waiver of unwaivable rule',
      change: (b) => (b.waivers = [{ rule: 'esp-gcm-unpaired', reason: 'because we say so' }]),
      codes: ['waiver-not-allowed'],
    },
    {
      name: 'unused waiver',
      change: (b) => (b.waivers = [{ rule: 'weak-dh-group', reason: 'legacy gateway in Oslo' }]),
      codes: ['waiver-unused'],
    },
  ];

  test.each(cases)('$name', ({ change, codes }) => {
    expect(codesOf(modified(change)).sort()).toEqual([...codes].sort());
  });

  test('waiver keeps the finding and marks it waived', () => {
    const loaded = load(
      modified((b) => {
        b.ike.dhGroup = 'Group2';
        b.waivers = [{ rule: 'weak-dh-group', reason: 'legacy gateway in Oslo until June' }];
      }),
    );
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'weak-dh-group');
    expect(diagnostic?.waiver).toEqual({ reason: 'legacy gateway in Oslo until June' });
    expect(hasBlockingDiagnostics(loaded.diagnostics)).toBe(false);
  });

  test('rule finding points at the offending value', () => {
    const path = writeBaseline(
      'name: t\nwindows: {minClientBuild: 10.0.17763, minServerBuild: 10.0.20348}\n' +
        'ike: {encryption: AES256, integrity: SHA256, dhGroup: Group2}\n' +
        'esp: {cipher: AES256, integrity: SHA256128, pfsGroup: ECP256}\n' +
        'server: {saLifetimeSeconds: 28800, mmSaLifetimeSeconds: 86400, saDataSizeKilobytes: 1024000}\n' +
        'connections:\n  - {name: D, tunnel: device, servers: [vpn.example.com], routes: [{prefix: 10.0.0.0/8}]}\n',
    );
    const loaded = loadBaselineFile(path);
    const diagnostic = loaded.diagnostics.find((candidate) => candidate.code === 'weak-dh-group');
    expect(diagnostic?.position?.line).toBe(3);
    expect(diagnostic?.position?.column).toBe(55);
  });
});
