import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadBaselineFile } from '../../src/baseline/load.js';
import {
  parseKeywordProposalList,
  type Proposal,
  type Protocol,
} from '../../src/strongswan/proposals.js';
import { predictOutcome } from '../../src/strongswan/predict.js';
import { buildStrongswanProposals } from '../../src/targets/strongswan/strongswan-view.js';
import { buildCustomPolicyOffer } from '../../src/strongswan/windows-client.js';
import { buildDefaultOffer } from '../../src/strongswan/windows-defaults.js';
import { REPO_ROOT, validBaseline } from '../helpers/baselines.js';
import { buildFieldVariants } from '../helpers/field-variants.js';
import { readdirSync } from 'node:fs';

function list(text: string, protocol: Protocol): Proposal[] {
  return parseKeywordProposalList(text, protocol).map((parsed) => {
    if ('error' in parsed) {
      throw new Error(parsed.error.reason);
    }
    return parsed.proposal;
  });
}

function gateway(ike: string, esp: string) {
  return { ike: list(ike, 'IKE'), esp: list(esp, 'ESP') };
}

const SHIPPED = readdirSync(join(REPO_ROOT, 'baselines')).filter((name) => name.endsWith('.yaml'));

describe('predictOutcome for shipped baselines', () => {
  test.each(SHIPPED)('%s and its field variants', (name) => {
    const loaded = loadBaselineFile(join(REPO_ROOT, 'baselines', name), REPO_ROOT);
    const baseline = loaded.baseline!;
    const rendered = buildStrongswanProposals(baseline);
    const gatewaySets = gateway(rendered.ike, rendered.esp);

    expect(predictOutcome(buildCustomPolicyOffer(baseline.ike, baseline.esp), gatewaySets)).toEqual(
      {
        failedExchange: null,
        mismatchedTypes: [],
      },
    );
    for (const variant of buildFieldVariants(baseline)) {
      const prediction = predictOutcome(
        buildCustomPolicyOffer(variant.ike, variant.esp),
        gatewaySets,
      );
      expect(prediction.failedExchange, variant.field).toBe(variant.expected);
    }
  });
});

describe('predictOutcome', () => {
  const offer = buildCustomPolicyOffer(validBaseline().ike, validBaseline().esp);
  const rows = [
    {
      name: 'identical',
      ike: 'aes128gcm16-prfsha256-modp2048',
      esp: 'aes128gcm16-ecp256',
      failed: null,
      types: [],
    },
    {
      name: 'IKE cipher',
      ike: 'aes256gcm16-prfsha256-modp2048',
      esp: 'aes128gcm16-ecp256',
      failed: 'IKE_SA_INIT',
      types: ['ENCR'],
    },
    {
      name: 'IKE PRF',
      ike: 'aes128gcm16-prfsha384-modp2048',
      esp: 'aes128gcm16-ecp256',
      failed: 'IKE_SA_INIT',
      types: ['PRF'],
    },
    {
      name: 'IKE group',
      ike: 'aes128gcm16-prfsha256-ecp256',
      esp: 'aes128gcm16-ecp256',
      failed: 'IKE_SA_INIT',
      types: ['KE'],
    },
    {
      name: 'second IKE proposal',
      ike: 'aes256-sha256-ecp384, aes128gcm16-prfsha256-modp2048',
      esp: 'aes128gcm16-ecp256',
      failed: null,
      types: [],
    },
    {
      name: 'ESP cipher',
      ike: 'aes128gcm16-prfsha256-modp2048',
      esp: 'aes256gcm16-ecp256',
      failed: 'IKE_AUTH',
      types: ['ENCR'],
    },
    {
      name: 'ESP with ESN only',
      ike: 'aes128gcm16-prfsha256-modp2048',
      esp: 'aes128gcm16-ecp256-esn',
      failed: 'IKE_AUTH',
      types: ['ESN'],
    },
    {
      name: 'PFS group',
      ike: 'aes128gcm16-prfsha256-modp2048',
      esp: 'aes128gcm16-ecp384',
      failed: 'CHILD_SA_REKEY',
      types: ['KE'],
    },
    {
      name: 'gateway without PFS',
      ike: 'aes128gcm16-prfsha256-modp2048',
      esp: 'aes128gcm16',
      failed: 'CHILD_SA_REKEY',
      types: ['KE'],
    },
    {
      name: 'optional PFS',
      ike: 'aes128gcm16-prfsha256-modp2048',
      esp: 'aes128gcm16-ecp256-modpnone',
      failed: null,
      types: [],
    },
  ] as const;

  test.each(rows)('$name', ({ ike, esp, failed, types }) => {
    const prediction = predictOutcome(offer, gateway(ike, esp));

    expect(prediction.failedExchange).toBe(failed);
    expect(prediction.mismatchedTypes).toEqual(types);
  });
});

describe('predictOutcome for Windows default proposals', () => {
  // A gateway that accepts only what Windows offers by default, and a modern one that accepts none of it.
  const legacyGateway = gateway('aes256-sha1-modp1024, aes256-sha256-modp2048', 'aes256-sha1');
  const modernGateway = gateway('aes128gcm16-prfsha256-modp2048', 'aes128gcm16-ecp256');
  const rows = [
    { value: 0, legacy: null, modern: 'IKE_SA_INIT' },
    { value: 1, legacy: null, modern: 'IKE_SA_INIT' },
    { value: 2, legacy: null, modern: 'IKE_SA_INIT' },
  ] as const;

  test.each(rows)('NegotiateDH2048_AES256=$value', ({ value, legacy, modern }) => {
    const offer = buildDefaultOffer(value);

    expect(predictOutcome(offer, legacyGateway).failedExchange).toBe(legacy);
    expect(predictOutcome(offer, modernGateway).failedExchange).toBe(modern);
  });

  test('modp2048-only gateway needs value 1 or 2', () => {
    const modp2048Only = gateway('aes256-sha256-modp2048', 'aes256-sha1');

    expect(predictOutcome(buildDefaultOffer(0), modp2048Only).failedExchange).toBe('IKE_SA_INIT');
    expect(predictOutcome(buildDefaultOffer(1), modp2048Only).failedExchange).toBe(null);
    expect(predictOutcome(buildDefaultOffer(2), modp2048Only).failedExchange).toBe(null);
  });

  test('custom policy client against legacy gateway', () => {
    const offer = buildCustomPolicyOffer(validBaseline().ike, validBaseline().esp);

    expect(predictOutcome(offer, legacyGateway).failedExchange).toBe('IKE_SA_INIT');
  });
});
