/** The commands `check` prints to fix a side. Every value goes through the escaping helpers. */
import type { ServerSettings } from '../../baseline/types.js';
import type { MppeLevel } from '../../baseline/types.js';
import { CRYPTO_FIELDS, getCryptoField, type CryptoFieldKey } from '../../crypto/vocabulary.js';
import { netshValue, powershellString, xmlText } from '../../render/escape.js';
import { ENCRYPTION_POLICY_ID, ENCRYPTION_TYPE_ID, MPPE_BITS } from '../inputs/nps.js';

export type CryptoValues = Readonly<Record<CryptoFieldKey, string>>;

function cryptoParameters(values: CryptoValues): string {
  return CRYPTO_FIELDS.map(
    (field) => `-${field.parameter} ${powershellString(values[field.key])}`,
  ).join(' ');
}

/**
 * Builds Set-VpnServerConfiguration with all six values, so no value of an earlier policy
 * remains, then the restart: the cmdlet warns that changes apply after the Remote
 * Access service restarts (Set-VpnServerConfiguration documentation, Microsoft Learn).
 */
export function serverFixCommand(values: CryptoValues, lifetimes?: ServerSettings): string {
  const parts = ['Set-VpnServerConfiguration -CustomPolicy', cryptoParameters(values)];
  if (lifetimes !== undefined) {
    parts.push(`-SALifeTimeSeconds ${lifetimes.saLifetimeSeconds}`);
    parts.push(`-MMSALifeTimeSeconds ${lifetimes.mmSaLifetimeSeconds}`);
    parts.push(`-SADataSizeForRenegotiationKilobytes ${lifetimes.saDataSizeKilobytes}`);
    if (lifetimes.idleDisconnectSeconds !== undefined) {
      parts.push(`-IdleDisconnectSeconds ${lifetimes.idleDisconnectSeconds}`);
    }
  }
  return `${parts.join(' ')}; Restart-Service RemoteAccess`;
}

/** Set-VpnConnectionIPsecConfiguration, whose CustomPolicy parameter set requires all six values. */
export function clientFixCommand(
  connectionName: string,
  allUserConnection: boolean,
  values: CryptoValues,
): string {
  const allUser = allUserConnection ? ' -AllUserConnection' : '';
  return `Set-VpnConnectionIPsecConfiguration -ConnectionName ${powershellString(connectionName)} ${cryptoParameters(values)}${allUser} -Force`;
}

/** The CryptographySuite element to write in the ProfileXML, in CSP spelling. */
export function profileXmlFix(key: CryptoFieldKey, cspValue: string): string {
  const element = getCryptoField(key).parameter;
  return `<${element}>${xmlText(cspValue)}</${element}> in NativeProfile/CryptographySuite, then deploy the profile again`;
}

/**
 * netsh nps set np with both encryption attributes.
 * NOTE: the profileid/profiledata encoding comes from public deployment scripts, not
 * from Microsoft documentation; test it on a lab NPS first.
 */
export function npsFixCommand(policyName: string, levels: readonly MppeLevel[]): string {
  const mask = MPPE_BITS.filter(({ level }) => levels.includes(level)).reduce(
    (sum, { bit }) => sum + bit,
    0,
  );
  const policy = levels.includes('none') ? 1 : 2;
  const hex = (value: number): string => `0x${value.toString(16)}`;
  // Same form as the NPS target's script (nps/Set-NpsEncryption.ps1) writes.
  return `netsh nps set np name = ${netshValue(policyName)} profileid = ${hex(ENCRYPTION_POLICY_ID)} profiledata = ${hex(policy)} profileid = ${hex(ENCRYPTION_TYPE_ID)} profiledata = ${hex(mask)}`;
}
