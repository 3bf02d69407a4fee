/**
 * Clients that differ from a baseline in exactly one crypto field, with the exchange
 * RFC 7296 says must fail. ESP GCM cipher and integrity change together, because
 * Windows requires the same GCM transform on both.
 */
import type { Baseline, EspSettings, IkeSettings } from '../../src/baseline/types.js';
import { PFS_GROUP_OF_DH_GROUP, type CryptoFieldKey } from '../../src/crypto/vocabulary.js';
import type { FailedExchange } from '../../src/strongswan/predict.js';

export interface FieldVariant {
  field: CryptoFieldKey;
  ike: IkeSettings;
  esp: EspSettings;
  /** Where IKEv2 negotiates the field: IKE fields in IKE_SA_INIT, ESP transforms in IKE_AUTH, PFS on rekey. */
  expected: FailedExchange;
}

function other(value: string, first: string, second: string): string {
  return value === first ? second : first;
}

function changeEspCipher(esp: EspSettings): EspSettings {
  if (esp.cipher.startsWith('GCM')) {
    const cipher = other(esp.cipher, 'GCMAES256', 'GCMAES128');
    return { ...esp, cipher, integrity: cipher };
  }
  return { ...esp, cipher: other(esp.cipher, 'AES256', 'AES128') };
}

function changeEspIntegrity(esp: EspSettings): EspSettings {
  if (esp.integrity.startsWith('GCM')) {
    const integrity = other(esp.integrity, 'GCMAES192', 'GCMAES128');
    return { ...esp, cipher: integrity, integrity };
  }
  return { ...esp, integrity: other(esp.integrity, 'SHA196', 'SHA256128') };
}

/** Picks a PFS group other than the baseline's, with PFSMM resolved to the IKE group. */
function changePfsGroup(ike: IkeSettings, esp: EspSettings): EspSettings {
  const current = esp.pfsGroup === 'PFSMM' ? PFS_GROUP_OF_DH_GROUP[ike.dhGroup] : esp.pfsGroup;
  const pfsGroup = ['ECP384', 'PFS2048', 'ECP256'].find((candidate) => candidate !== current)!;
  return { ...esp, pfsGroup };
}

/** Builds one variant per crypto field of `baseline`. */
export function buildFieldVariants(baseline: Baseline): FieldVariant[] {
  const { ike, esp } = baseline;
  return [
    {
      field: 'ike.encryption',
      ike: { ...ike, encryption: other(ike.encryption, 'AES256', 'AES128') },
      esp,
      expected: 'IKE_SA_INIT',
    },
    {
      field: 'ike.integrity',
      ike: { ...ike, integrity: other(ike.integrity, 'SHA384', 'SHA256') },
      esp,
      expected: 'IKE_SA_INIT',
    },
    {
      field: 'ike.dhGroup',
      ike: { ...ike, dhGroup: other(ike.dhGroup, 'ECP384', 'ECP256') },
      esp,
      expected: 'IKE_SA_INIT',
    },
    { field: 'esp.cipher', ike, esp: changeEspCipher(esp), expected: 'IKE_AUTH' },
    { field: 'esp.integrity', ike, esp: changeEspIntegrity(esp), expected: 'IKE_AUTH' },
    {
      field: 'esp.pfsGroup',
      ike,
      esp: changePfsGroup(ike, esp),
      expected: 'CHILD_SA_REKEY',
    },
  ];
}
