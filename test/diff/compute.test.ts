import { describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import type { Baseline } from '../../src/baseline/types.js';
import { computeBaselineDiff } from '../../src/diff/compute.js';
import { TARGET_CONSUMPTION } from '../../src/diff/consumers.js';
import { TARGETS } from '../../src/targets/index.js';
import { validBaseline, writeBaseline } from '../helpers/baselines.js';

function modified(change: (baseline: Baseline) => void): Baseline {
  const baseline = validBaseline();
  change(baseline);
  return baseline;
}

function diffOf(old: Baseline, next: Baseline) {
  return computeBaselineDiff(
    loadBaselineFile(writeBaseline(old)),
    loadBaselineFile(writeBaseline(next)),
  );
}

const CRYPTO_TARGETS = ['rras', 'client', 'profile-xml', 'strongswan'];
const CONNECTION_TARGETS = ['client', 'profile-xml', 'collectors'];

interface PairCase {
  name: string;
  old?: (baseline: Baseline) => void;
  new: (baseline: Baseline) => void;
  /** Expected verdict per changed crypto field; fields not listed must not change. */
  verdicts: Record<string, string>;
  added?: string[];
  removed?: string[];
  redeploy: string[];
  settings?: string[];
}

const pairs: PairCase[] = [
  { name: 'identical', new: () => {}, verdicts: {}, redeploy: [] },
  {
    name: 'GCM to CBC of the same size',
    new: (b) => {
      b.ike.encryption = 'AES128';
      b.esp = { cipher: 'AES128', integrity: 'SHA256128', pfsGroup: 'ECP256' };
    },
    verdicts: {
      'ike.encryption': 'equivalent',
      'esp.cipher': 'equivalent',
      'esp.integrity': 'equivalent',
    },
    redeploy: CRYPTO_TARGETS,
  },
  {
    name: 'PFS group to None',
    new: (b) => {
      b.esp.pfsGroup = 'None';
    },
    verdicts: { 'esp.pfsGroup': 'weaker' },
    added: ['pfs-none'],
    redeploy: CRYPTO_TARGETS,
  },
  {
    name: 'ESP without encryption',
    new: (b) => {
      b.esp.cipher = 'None';
      b.esp.integrity = 'SHA256128';
    },
    verdicts: { 'esp.cipher': 'weaker', 'esp.integrity': 'equivalent' },
    added: ['esp-no-confidentiality'],
    redeploy: CRYPTO_TARGETS,
  },
  {
    name: 'weak DH group with waiver',
    new: (b) => {
      b.ike.dhGroup = 'Group2';
      b.waivers = [{ rule: 'weak-dh-group', reason: 'legacy gateway until June' }];
    },
    verdicts: { 'ike.dhGroup': 'weaker' },
    added: ['weak-dh-group'],
    redeploy: CRYPTO_TARGETS,
    settings: ['waiver-added'],
  },
  {
    name: 'weak cipher fixed',
    old: (b) => {
      b.ike.encryption = 'DES3';
      b.waivers = [{ rule: 'weak-ike-encryption', reason: 'old clients until March' }];
    },
    new: (b) => {
      b.ike.encryption = 'AES256';
      delete b.waivers;
    },
    verdicts: { 'ike.encryption': 'stronger' },
    removed: ['weak-ike-encryption'],
    redeploy: CRYPTO_TARGETS,
    settings: ['waiver-removed'],
  },
  {
    name: 'IKE integrity to SHA384',
    new: (b) => {
      b.ike.integrity = 'SHA384';
    },
    verdicts: { 'ike.integrity': 'stronger' },
    redeploy: CRYPTO_TARGETS,
  },
  {
    name: 'PFSMM follows IKE group',
    old: (b) => {
      b.esp.pfsGroup = 'PFSMM';
    },
    new: (b) => {
      b.esp.pfsGroup = 'PFSMM';
      b.ike.dhGroup = 'ECP384';
    },
    verdicts: { 'ike.dhGroup': 'stronger' },
    redeploy: CRYPTO_TARGETS,
  },
  {
    name: 'shorter SA lifetime',
    new: (b) => {
      b.server.saLifetimeSeconds = 3600;
    },
    verdicts: {},
    redeploy: ['rras'],
    settings: ['lifetime'],
  },
  {
    name: 'NPS drops strong',
    new: (b) => {
      b.nps!.encryption = ['strongest'];
    },
    verdicts: {},
    added: ['nps-aes128-strongest-only'],
    redeploy: ['nps'],
    settings: ['nps'],
  },
  {
    name: 'connection renamed',
    new: (b) => {
      b.connections[1]!.name = 'Staff VPN';
    },
    verdicts: {},
    redeploy: CONNECTION_TARGETS,
    settings: ['connection-renamed'],
  },
  {
    name: 'connection removed',
    new: (b) => {
      b.connections.splice(0, 1);
    },
    verdicts: {},
    redeploy: CONNECTION_TARGETS,
    settings: ['connection-removed'],
  },
  {
    name: 'connection added',
    new: (b) => {
      b.connections.push({
        name: 'Second Device Tunnel',
        tunnel: 'device',
        servers: ['vpn2.example.com'],
        routes: [{ prefix: '10.1.0.0/16' }],
      });
    },
    verdicts: {},
    redeploy: CONNECTION_TARGETS,
    settings: ['connection-added'],
  },
  {
    name: 'route added',
    new: (b) => {
      b.connections[0]!.routes!.push({ prefix: '192.168.0.0/16' });
    },
    verdicts: {},
    redeploy: ['profile-xml'],
    settings: ['connection-changed'],
  },
  {
    name: 'name only',
    new: (b) => {
      b.name = 'renamed-baseline';
    },
    verdicts: {},
    redeploy: ['strongswan'],
    settings: ['metadata'],
  },
  {
    name: 'description only',
    new: (b) => {
      b.description = 'New words';
    },
    verdicts: {},
    redeploy: [],
    settings: ['metadata'],
  },
];

describe('computeBaselineDiff pairs', () => {
  test.each(pairs)('$name', (row) => {
    const diff = diffOf(
      modified(row.old ?? (() => {})),
      modified((b) => {
        row.old?.(b);
        row.new(b);
      }),
    );

    const verdicts = Object.fromEntries(diff.crypto.map((change) => [change.key, change.verdict]));
    expect(verdicts).toEqual(row.verdicts);
    expect(diff.weaker).toBe(Object.values(row.verdicts).includes('weaker'));
    expect(diff.findings.added.map((finding) => finding.code)).toEqual(row.added ?? []);
    expect(diff.findings.removed.map((finding) => finding.code)).toEqual(row.removed ?? []);
    expect(diff.redeploy.map((item) => item.target)).toEqual(row.redeploy);
    expect(diff.settings.map((change) => change.kind)).toEqual(row.settings ?? []);
    expect(diff.rollout !== undefined).toBe(Object.keys(row.verdicts).length > 0);
  });
});

describe('computeBaselineDiff details', () => {
  test('spells values for every target', () => {
    const diff = diffOf(
      validBaseline(),
      modified((b) => {
        b.ike.encryption = 'GCMAES256';
        b.ike.integrity = 'SHA1';
        b.waivers = [{ rule: 'weak-ike-integrity', reason: 'tested with the gateway vendor' }];
      }),
    );
    const encryption = diff.crypto.find((change) => change.key === 'ike.encryption')!;
    expect(encryption.new).toEqual({
      baseline: 'GCMAES256',
      profileXml: 'AES_GCM_256',
      strongSwan: 'aes256gcm16',
      graph: 'aes256Gcm',
    });
    const integrity = diff.crypto.find((change) => change.key === 'ike.integrity')!;
    expect(integrity.new.profileXml).toBe('SHA196');
    expect(integrity.verdict).toBe('weaker');
  });

  test('PFSMM strongSwan spelling is the IKE group', () => {
    const diff = diffOf(
      validBaseline(),
      modified((b) => {
        b.esp.pfsGroup = 'PFSMM';
      }),
    );
    expect(diff.crypto[0]!.new.strongSwan).toBe('modp2048');
    expect(diff.crypto[0]!.verdict).toBe('weaker');
  });

  test('PFSMM note on the IKE group change', () => {
    const pfsmm = (b: Baseline) => {
      b.esp.pfsGroup = 'PFSMM';
    };
    const diff = diffOf(
      modified(pfsmm),
      modified((b) => {
        pfsmm(b);
        b.ike.dhGroup = 'ECP384';
      }),
    );
    expect(diff.crypto[0]!.reason).toMatch(/stays PFSMM/);
  });

  test('IKE GCM to CBC lowers the required builds', () => {
    const diff = diffOf(
      validBaseline(),
      modified((b) => {
        b.ike.encryption = 'AES128';
      }),
    );
    expect(diff.builds.map((build) => [build.side, build.requiredOld, build.requiredNew])).toEqual([
      ['client', '10.0.17134', '10.0.14393'],
      ['server', '10.0.17134', '10.0.14393'],
    ]);
  });

  test('declared build change is listed', () => {
    const diff = diffOf(
      validBaseline(),
      modified((b) => {
        b.windows.minClientBuild = '10.0.22621';
      }),
    );
    expect(diff.builds).toEqual([
      expect.objectContaining({
        side: 'client',
        declaredOld: '10.0.17763',
        declaredNew: '10.0.22621',
      }),
    ]);
    expect(diff.redeploy.map((item) => item.target)).toEqual(['client']);
  });

  test('PFS-only change warns about rekeys', () => {
    const diff = diffOf(
      validBaseline(),
      modified((b) => {
        b.esp.pfsGroup = 'ECP384';
      }),
    );
    expect(diff.rollout!.failures).toHaveLength(1);
    expect(diff.rollout!.failures[0]).toMatch(/first child SA rekey, after at most 28800 s/);
    expect(diff.rollout!.steps.join('\n')).not.toMatch(/fails to connect/);
  });

  test('IKE change warns about 13868 at connect', () => {
    const diff = diffOf(
      validBaseline(),
      modified((b) => {
        b.ike.dhGroup = 'ECP256';
      }),
    );
    expect(diff.rollout!.failures[0]).toMatch(/IKE_SA_INIT.*13868/);
    expect(diff.rollout!.steps[2]).toMatch(/fails to connect with 13868/);
  });

  test('IKE and PFS change warns once', () => {
    const diff = diffOf(
      validBaseline(),
      modified((b) => {
        b.ike.dhGroup = 'ECP384';
        b.esp.pfsGroup = 'ECP384';
      }),
    );
    expect(diff.rollout!.failures).toHaveLength(1);
    expect(diff.rollout!.failures[0]).toMatch(/^IKE SA values changed/);
  });

  test('rollout deploys clients before the server', () => {
    const diff = diffOf(
      validBaseline(),
      modified((b) => {
        b.esp.cipher = 'GCMAES256';
        b.esp.integrity = 'GCMAES256';
      }),
    );
    const steps = diff.rollout!.steps;
    const clientStep = steps.findIndex((step) => step.startsWith('Deploy the new client policy'));
    const serverStep = steps.findIndex((step) => step.startsWith('Run the server script'));
    expect(clientStep).toBeGreaterThan(-1);
    expect(serverStep).toBeGreaterThan(clientStep);
  });
});

describe('TARGET_CONSUMPTION', () => {
  test('target names are unique', () => {
    const names = TARGET_CONSUMPTION.map((row) => row.target);
    expect(new Set(names).size).toBe(names.length);
  });

  // The targets are written on other branches; once they are registered, each needs a row.
  test.runIf(TARGETS.length > 0)('every registered target has a row', () => {
    for (const target of TARGETS) {
      expect(TARGET_CONSUMPTION.map((row) => row.target)).toContain(target.name);
    }
  });
});
