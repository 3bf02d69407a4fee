import { describe, expect, test } from 'vitest';
import { checkGateway } from '../../src/strongswan/check-gateway.js';
import { detectGatewayFormat, readGatewayConfig } from '../../src/strongswan/gateway.js';
import { formatKeywordProposal } from '../../src/strongswan/proposals.js';
import { buildCustomPolicyOffer } from '../../src/strongswan/windows-client.js';
import { validBaseline } from '../helpers/baselines.js';

const SWANCTL = `# gateway
connections {
  rw {
    version = 2
    proposals = aes128gcm16-prfsha256-modp2048, aes256-sha384-ecp384
    children {
      net {
        esp_proposals = aes128gcm16-ecp256 # PFS on rekey
      }
    }
  }
}
connections {
  rw {
    local_addrs = 192.0.2.1
  }
}
`;

const IPSEC_CONF = `config setup
    uniqueids=never

conn %default
    keyexchange=ikev2
    esp=aes128gcm16-ecp256!

conn rw
    ike=aes128gcm16-prfsha256-modp2048!
    left=%any

conn legacy
    keyexchange=ikev1
    ike=3des-sha1-modp1024!
`;

const LOG = `Dec  4 15:55:01 gw charon: 05[CFG] <2> received proposals: IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/MODP_2048
Dec  4 15:55:01 gw charon: 05[CFG] <2> configured proposals: IKE:AES_GCM_16_256/PRF_HMAC_SHA2_384/ECP_384, IKE:AES_CBC_256/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/MODP_2048
Dec  4 15:55:01 gw charon: 05[IKE] <2> no acceptable proposal found
`;

describe('detectGatewayFormat', () => {
  test.each([
    { text: SWANCTL, format: 'swanctl.conf' },
    { text: IPSEC_CONF, format: 'ipsec.conf' },
    { text: LOG, format: 'charon log' },
  ])('$format', ({ text, format }) => {
    expect(detectGatewayFormat(text)).toBe(format);
  });
});

describe('readGatewayConfig', () => {
  test('swanctl.conf merges sections', () => {
    const config = readGatewayConfig(SWANCTL, 'gw.conf');

    expect(config.diagnostics).toEqual([]);
    expect(config.connections).toHaveLength(1);
    expect(config.connections[0]!.ike.map(formatKeywordProposal)).toEqual([
      'aes128gcm16-prfsha256-modp2048',
      'aes256-sha384-prfsha384-ecp384',
    ]);
    expect(config.connections[0]!.children[0]!.esp.map(formatKeywordProposal)).toEqual([
      'aes128gcm16-ecp256',
    ]);
  });

  test('ipsec.conf applies %default, skips IKEv1', () => {
    const config = readGatewayConfig(IPSEC_CONF, 'ipsec.conf');

    expect(config.diagnostics).toEqual([]);
    expect(config.connections.map((connection) => connection.name)).toEqual(['rw']);
    expect(config.connections[0]!.children[0]!.esp.map(formatKeywordProposal)).toEqual([
      'aes128gcm16-ecp256',
    ]);
    expect(config.connections[0]!.acceptsDefaults).toBe(false);
  });

  test('ipsec.conf without ! accepts defaults', () => {
    const config = readGatewayConfig(
      'conn rw\n  ike=aes128-sha256-modp2048\n  esp=aes128-sha256!\n',
      'ipsec.conf',
    );

    expect(config.connections[0]!.acceptsDefaults).toBe(true);
    expect(config.diagnostics.map((d) => [d.code, d.position?.line, d.position?.column])).toEqual([
      ['gateway-default-proposals', 2, 7],
    ]);
  });

  test('charon log lines', () => {
    const config = readGatewayConfig(LOG, 'charon.log');

    expect(config.connections[0]!.ike.map(formatKeywordProposal)).toEqual([
      'aes256gcm16-prfsha384-ecp384',
      'aes256-sha256-prfsha256-modp2048',
    ]);
    expect(config.received.ike.map(formatKeywordProposal)).toEqual([
      'aes128gcm16-prfsha256-modp2048',
    ]);
  });

  test('log with charon default proposals', () => {
    // Logged by charon 5.9.8 for ipsec.conf ike= without "!": the defaults are appended.
    const defaults =
      'IKE:AES_CBC_128/AES_CBC_256/AES_CTR_128/CAMELLIA_CBC_128/3DES_CBC/HMAC_SHA2_256_128/HMAC_SHA1_96/PRF_HMAC_SHA2_256/PRF_HMAC_SHA1/CURVE_25519/CURVE_448/ECP_256/ECP_256_BP/MODP_3072/MODP_2048, ' +
      'IKE:AES_GCM_16_128/CHACHA20_POLY1305/AES_CCM_8_128/PRF_HMAC_SHA2_256/ECP_384/MODP_8192';
    const log = `10[CFG] <1> configured proposals: IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/MODP_2048, ${defaults}\n`;
    const config = readGatewayConfig(log, 'charon.log');

    expect(config.diagnostics).toEqual([]);
    expect(config.connections[0]!.ike).toHaveLength(3);
    expect(config.connections[0]!.ike.map(formatKeywordProposal)[1]).toBe(
      'aes128-aes256-aes128ctr-camellia128-3des-sha256-sha1-prfsha256-prfsha1-curve25519-curve448-ecp256-ecp256bp-modp3072-modp2048',
    );
  });

  test('log with a transform name the table lacks', () => {
    const log =
      '10[CFG] <1> configured proposals: IKE:AES_CBC_128/HMAC_SHA2_256_128/PRF_HMAC_SHA2_256/ML_KEM_768\n';
    const config = readGatewayConfig(log, 'charon.log');

    expect(config.diagnostics).toEqual([]);
    expect(formatKeywordProposal(config.connections[0]!.ike[0]!)).toBe(
      'aes128-sha256-prfsha256-ML_KEM_768',
    );
  });

  test('unknown keyword position', () => {
    const text = 'connections {\n  rw {\n    proposals = aes128-sha256-modp9999\n  }\n}\n';
    const config = readGatewayConfig(text, 'gw.conf');

    expect(config.diagnostics.map((d) => [d.code, d.position?.line, d.position?.column])).toEqual([
      ['gateway-invalid-proposal', 3, 31],
    ]);
  });

  test('syntax error position', () => {
    const config = readGatewayConfig(
      'connections {\n  rw {\n    proposals aes128\n  }\n}\n',
      'gw.conf',
    );

    expect(config.diagnostics[0]!.code).toBe('gateway-syntax');
    expect(config.diagnostics[0]!.position).toEqual({ file: 'gw.conf', line: 3, column: 5 });
  });

  test('missing proposals warns', () => {
    const config = readGatewayConfig('connections {\n  rw {\n    version = 2\n  }\n}\n', 'gw.conf');

    expect(config.diagnostics.map((d) => d.code)).toEqual(['gateway-default-proposals']);
    expect(config.connections[0]!.acceptsDefaults).toBe(true);
  });

  test('no connection is an error', () => {
    const config = readGatewayConfig('charon {\n  load = vici\n}\n', 'strongswan.conf');

    expect(config.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['gateway-no-connection', 'error'],
    ]);
  });
});

describe('checkGateway', () => {
  const offer = buildCustomPolicyOffer(validBaseline().ike, validBaseline().esp);

  test('matching swanctl.conf', () => {
    const check = checkGateway(readGatewayConfig(SWANCTL, 'gw.conf'), offer);

    expect(check.predictions.map((item) => item.prediction?.failedExchange)).toEqual([null]);
    expect(check.diagnostics).toEqual([]);
  });

  test('log failing in IKE_SA_INIT', () => {
    const check = checkGateway(readGatewayConfig(LOG, 'charon.log'), offer);

    expect(check.predictions[0]!.prediction?.failedExchange).toBe('IKE_SA_INIT');
    expect(check.diagnostics.map((d) => [d.code, d.severity, d.position?.line])).toEqual([
      ['gateway-ike-sa-init-fails', 'error', 2],
    ]);
  });

  test('log without ESP lines stops after IKE', () => {
    const log =
      '05[CFG] <2> configured proposals: IKE:AES_GCM_16_128/PRF_HMAC_SHA2_256/MODP_2048\n';
    const check = checkGateway(readGatewayConfig(log, 'charon.log'), offer);

    expect(check.predictions[0]!.prediction).toBeNull();
  });

  test('non-strict gateway failure is a warning', () => {
    const text = 'conn rw\n  ike=aes256-sha256-modp2048\n  esp=aes128gcm16-ecp256!\n';
    const check = checkGateway(readGatewayConfig(text, 'ipsec.conf'), offer);

    expect(check.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['gateway-default-proposals', 'warning'],
      ['gateway-ike-sa-init-fails', 'warning'],
    ]);
  });
});

describe('readGatewayConfig with a connection name', () => {
  const text =
    'include site.conf\n' +
    'connections {\n' +
    '  rw {\n    proposals = aes128gcm16-prfsha256-modp2048\n  }\n' +
    '  site {\n    proposals = aes256-sha384-modp9999\n  }\n' +
    '  old {\n    version = 1\n  }\n' +
    '}\n';

  test('keeps the named connection', () => {
    const config = readGatewayConfig(text, 'gw.conf', 'rw');

    expect(config.connections.map((connection) => connection.name)).toEqual(['rw']);
    expect(config.diagnostics.map((d) => d.code)).toEqual(['gateway-include-ignored']);
  });

  test('keeps its own problems', () => {
    const config = readGatewayConfig(text, 'gw.conf', 'site');

    expect(config.connections.map((connection) => connection.name)).toEqual(['site']);
    expect(config.diagnostics.map((d) => d.code)).toContain('gateway-invalid-proposal');
  });

  test.each([
    { name: 'vpn', reason: 'has no connection named vpn' },
    { name: 'old', reason: 'connection old is an IKEv1 connection' },
  ])('rejects $name', ({ name, reason }) => {
    const config = readGatewayConfig(text, 'gw.conf', name);

    expect(config.connections).toEqual([]);
    expect(config.diagnostics.map((d) => d.code)).toEqual(['gateway-connection-not-found']);
    expect(config.diagnostics[0]!.message).toContain(reason);
    expect(config.diagnostics[0]!.message).toContain('rw, site');
  });

  test('without a name reads all', () => {
    const config = readGatewayConfig(text, 'gw.conf');

    expect(config.connections.map((connection) => connection.name)).toEqual(['rw', 'site']);
  });
});
