/** The six IPsec policy values of a baseline, as the VpnClient and RemoteAccess cmdlets name them. */
import type { Baseline } from '../../baseline/types.js';
import { CRYPTO_FIELDS, type CryptoField } from '../../crypto/vocabulary.js';

function readCryptoValue(baseline: Baseline, field: CryptoField): string {
  const [section, name] = field.path;
  const value = (baseline[section] as unknown as Record<string, unknown>)[name];
  if (typeof value !== 'string') {
    throw new Error(`baseline field ${field.key} is missing`);
  }
  return value;
}

/**
 * Returns [parameter, value] for the six crypto settings in the order of CRYPTO_FIELDS.
 * Values keep the baseline's spelling, which is the PowerShell cmdlets' spelling.
 */
export function listIpsecPolicy(baseline: Baseline): Array<[string, string]> {
  return CRYPTO_FIELDS.map((field) => [field.parameter, readCryptoValue(baseline, field)]);
}

/** Parameter names of the six crypto settings, which are also their CIM property names. */
export function listIpsecParameters(): string[] {
  return CRYPTO_FIELDS.map((field) => field.parameter);
}
