/** Expected values for tests, written out by hand so a wrong mapping table fails them. */
import type { CryptoFieldKey } from '../../src/crypto/vocabulary.js';

/**
 * The VPNv2 CSP spelling of every baseline value, written out from the ENUM values of
 * the VPNv2 DDF (2024), independent of the vocabulary table. null: the CSP has no value.
 */
export const EXPECTED_CSP_SPELLING: Record<CryptoFieldKey, Record<string, string | null>> = {
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
