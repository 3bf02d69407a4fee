/** Rules on the NPS network policy. */
import type { MppeLevel } from '../baseline/types.js';
import type { Rule } from './rule.js';

/**
 * The AES128 fields that, according to the field report below, fail when a network policy allows
 * Strongest (MPPE 128-bit) but not Strong (MPPE 56-bit); empty when the case does not apply.
 * Shared with `check`, which applies it to the levels an NPS really has.
 */
export function findAes128StrongestOnly(
  encryption: readonly MppeLevel[],
  ikeEncryption: string,
  espCipher: string,
): Array<{ name: string; value: string }> {
  if (!encryption.includes('strongest') || encryption.includes('strong')) {
    return [];
  }
  return [
    { name: 'ike.encryption', value: ikeEncryption },
    { name: 'esp.cipher', value: espCipher },
  ].filter((field) => field.value === 'AES128' || field.value === 'GCMAES128');
}

const aes128StrongestOnly: Rule = {
  code: 'nps-aes128-strongest-only',
  severity: 'warning',
  waivable: true,
  summary:
    'Field-reported: AES128 IKEv2 fails with 13868 when the network policy allows only Strongest (MPPE 128-bit).',
  check(baseline) {
    const nps = baseline.nps;
    if (
      nps === undefined ||
      !baseline.connections.some((connection) => connection.tunnel === 'user')
    ) {
      return [];
    }
    const aes128Fields = findAes128StrongestOnly(
      nps.encryption,
      baseline.ike.encryption,
      baseline.esp.cipher,
    );
    if (aes128Fields.length === 0) {
      return [];
    }
    const described = aes128Fields.map((field) => `${field.name} ${field.value}`).join(' and ');
    // NOTE: field-reported behaviour (Windows 10 18363 client, Server 2019 RRAS, Server 2012 R2
    // NPS), not documented by Microsoft; GCMAES128 was not part of the report.
    return [
      {
        path: ['nps', 'encryption'],
        message: `nps.encryption allows strongest but not strong, and the baseline uses ${described}: admins report that user tunnels then fail with 13868 (policy match error) while AES256 works. This is field-reported behaviour, not documented by Microsoft`,
        hint: 'Add strong to nps.encryption, or use AES256/GCMAES256; waive nps-aes128-strongest-only once tested in your environment.',
      },
    ];
  },
};

const npsWithoutUserTunnel: Rule = {
  code: 'nps-without-user-tunnel',
  severity: 'info',
  waivable: false,
  summary: 'An nps section with only device tunnels has no effect on them.',
  check(baseline) {
    if (
      baseline.nps === undefined ||
      baseline.connections.some((connection) => connection.tunnel === 'user')
    ) {
      return [];
    }
    return [
      {
        path: ['nps'],
        message:
          'the baseline has an nps section but only device tunnels, which authenticate at RRAS with the machine certificate and never reach NPS',
        hint: 'Keep it if other user tunnels use this policy; otherwise remove the nps section.',
      },
    ];
  },
};

export const NPS_RULES: readonly Rule[] = [aes128StrongestOnly, npsWithoutUserTunnel];
