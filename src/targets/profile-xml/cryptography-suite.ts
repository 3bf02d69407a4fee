/** The ProfileXML CryptographySuite, spelled by the VPNv2 CSP table in the crypto vocabulary. */
import type { Baseline } from '../../baseline/types.js';
import {
  getCryptoField,
  PROFILE_XML_SPELLING,
  spell,
  type CryptoFieldKey,
} from '../../crypto/vocabulary.js';

/** One CryptographySuite child element. */
export interface SuiteElement {
  /** Element name, the same as the PowerShell parameter. */
  element: string;
  /** Value in the VPNv2 CSP spelling. */
  value: string;
}

/** The CryptographySuite children in the order of the ProfileXML XSD's xs:sequence. */
export const SUITE_ORDER: readonly CryptoFieldKey[] = [
  'esp.integrity',
  'esp.cipher',
  'esp.pfsGroup',
  'ike.dhGroup',
  'ike.integrity',
  'ike.encryption',
];

/**
 * Builds the six CryptographySuite elements from the baseline. Throws when the CSP has
 * no spelling for a value (None for either ESP transform), because Windows would reject
 * the whole profile.
 */
export function buildCryptographySuite(baseline: Baseline): SuiteElement[] {
  return SUITE_ORDER.map((key) => {
    const field = getCryptoField(key);
    const [section, name] = field.path;
    const value = (baseline[section] as unknown as Record<string, string>)[name]!;
    const spelled = spell(PROFILE_XML_SPELLING, key, value);
    if (spelled === null) {
      throw new Error(
        `${key} is ${value}, which ProfileXML cannot express: the VPNv2 CSP has no ${value} value for ${field.parameter}. Choose another ${key} value.`,
      );
    }
    return { element: field.parameter, value: spelled };
  });
}
