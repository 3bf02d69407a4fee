/** The NPS network policy: drift from the baseline, and the field-reported AES128 case. */
import type { Baseline, MppeLevel } from '../../baseline/types.js';
import { findAes128StrongestOnly } from '../../rules/nps.js';
import type { CheckFinding } from '../findings.js';
import type { NpsObservation, NpsPolicy } from '../model.js';
import type { CryptoValues } from './fix-commands.js';
import { npsFixCommand } from './fix-commands.js';

const LEVEL_ORDER: readonly MppeLevel[] = ['none', 'basic', 'strong', 'strongest'];

function describeLevels(levels: readonly MppeLevel[]): string {
  return LEVEL_ORDER.filter((level) => levels.includes(level)).join(', ') || '(none allowed)';
}

export function compareNpsWithBaseline(nps: NpsObservation, baseline: Baseline): CheckFinding[] {
  const wanted = baseline.nps;
  if (wanted === undefined) {
    return [];
  }
  const policy = nps.policies.find((candidate) => candidate.name.value === wanted.networkPolicy);
  const fix = npsFixCommand(wanted.networkPolicy, wanted.encryption);
  if (policy === undefined) {
    return [
      {
        code: 'nps-policy-missing',
        severity: 'drift',
        artifact: nps.artifact,
        field: 'nps.networkPolicy',
        setting: 'network policy',
        expected: wanted.networkPolicy,
        actual: `not found (policies: ${nps.policies.map((candidate) => candidate.name.value).join(', ')})`,
        sideToFix: 'nps',
        fix: `create the network policy ${JSON.stringify(wanted.networkPolicy)}, or correct nps.networkPolicy in the baseline`,
        message: 'the baseline names a network policy that this NPS does not have',
        breaksNegotiation: false,
        position: nps.position,
      },
    ];
  }
  if (describeLevels(policy.encryption.value) === describeLevels(wanted.encryption)) {
    return [];
  }
  return [
    {
      code: 'nps-encryption-differs',
      severity: 'drift',
      artifact: nps.artifact,
      field: 'nps.encryption',
      setting: `encryption of network policy ${JSON.stringify(policy.name.value)}`,
      expected: describeLevels(wanted.encryption),
      actual:
        describeLevels(policy.encryption.value) +
        (policy.encryptionFromDefault ? ' (no encryption attributes: all allowed)' : ''),
      sideToFix: 'nps',
      fix,
      message: 'the MPPE levels the network policy allows differ from the baseline',
      breaksNegotiation: false,
      position: policy.encryption.position,
    },
  ];
}

/**
 * Applies the AES128 "Strongest only" field report to real NPS levels. Only user
 * tunnels reach NPS: the device tunnel authenticates at RRAS with the machine
 * certificate, so `userTunnels` false skips the check.
 */
export function findNpsAes128Risks(
  nps: NpsObservation,
  values: CryptoValues,
  policyName: string | undefined,
  userTunnels: boolean,
): CheckFinding[] {
  if (!userTunnels) {
    return [];
  }
  const policies = nps.policies.filter(
    (policy) => policyName === undefined || policy.name.value === policyName,
  );
  return policies.flatMap((policy) => aes128Finding(nps, policy, values));
}

function aes128Finding(
  nps: NpsObservation,
  policy: NpsPolicy,
  values: CryptoValues,
): CheckFinding[] {
  const fields = findAes128StrongestOnly(
    policy.encryption.value,
    values['ike.encryption'],
    values['esp.cipher'],
  );
  if (fields.length === 0) {
    return [];
  }
  const levels = [...policy.encryption.value, 'strong' as const];
  // NOTE: field-reported behaviour (Windows 10 18363 client, Server 2019 RRAS, Server 2012
  // R2 NPS), not documented by Microsoft.
  return [
    {
      code: 'nps-aes128-strongest-only',
      severity: 'warning',
      artifact: nps.artifact,
      field: 'nps.encryption',
      setting: `encryption of network policy ${JSON.stringify(policy.name.value)}`,
      expected: describeLevels(levels),
      actual: describeLevels(policy.encryption.value),
      sideToFix: 'nps',
      fix: npsFixCommand(policy.name.value, levels),
      message: `the policy allows Strongest (MPPE 128-bit) but not Strong (MPPE 56-bit), and the IPsec policy uses ${fields.map((field) => `${field.name} ${field.value}`).join(' and ')}: admins report that user tunnels then fail with 13868 while AES256 works (field report, not documented by Microsoft)`,
      breaksNegotiation: true,
      position: policy.encryption.position,
    },
  ];
}
