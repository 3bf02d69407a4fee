/** Consequences of a difference in each field for the connection, as codes and sentences. */
import type { CryptoFieldKey } from '../../crypto/vocabulary.js';

/** SA lifetime and data size the server rekeys child SAs at, when known. */
export interface RekeyLimits {
  saLifetimeSeconds?: number;
  saDataSizeKilobytes?: number;
}

/** RRAS defaults shown by Get-VpnServerConfiguration (Microsoft Learn, Get-VpnServerConfiguration). */
const RRAS_DEFAULT_SA_LIFETIME_SECONDS = 28800;
const RRAS_DEFAULT_SA_DATA_SIZE_KILOBYTES = 102400;

export interface Consequence {
  code: string;
  message: string;
  breaksNegotiation: boolean;
}

export function cryptoConsequence(key: CryptoFieldKey, limits: RekeyLimits): Consequence {
  if (key === 'esp.pfsGroup') {
    // RFC 7296 section 2.17: the child SA created in IKE_AUTH takes its keys from the IKE SA
    // (KEYMAT = prf+(SK_d, Ni | Nr)), so a PFS group is first used when a CREATE_CHILD_SA
    // exchange rekeys it.
    const seconds = limits.saLifetimeSeconds ?? RRAS_DEFAULT_SA_LIFETIME_SECONDS;
    const kilobytes = limits.saDataSizeKilobytes ?? RRAS_DEFAULT_SA_DATA_SIZE_KILOBYTES;
    const known =
      limits.saLifetimeSeconds !== undefined
        ? ''
        : ' (RRAS defaults; the server lifetimes were not read)';
    return {
      code: 'pfs-mismatch-at-rekey',
      message: `the tunnel connects, then the first child SA rekey fails and the tunnel drops: after ${seconds} s (${formatDuration(seconds)}, SALifeTime) or ${kilobytes} KB (SADataSizeForRenegotiation), whichever comes first${known}`,
      breaksNegotiation: true,
    };
  }
  if (key.startsWith('ike.')) {
    return {
      code: 'ike-policy-mismatch',
      message:
        'the IKE SA cannot be negotiated, so the connection fails with error 13868 (policy match error)',
      breaksNegotiation: true,
    };
  }
  return {
    code: 'esp-policy-mismatch',
    message:
      'the first child SA cannot be negotiated in IKE_AUTH, so the connection fails (error 13868, policy match error)',
    breaksNegotiation: true,
  };
}

export function lifetimeConsequence(): Consequence {
  return {
    code: 'lifetime-differs',
    // RFC 7296 section 2.8: lifetimes are not negotiated; each end rekeys on its own policy.
    message:
      'IKEv2 does not negotiate lifetimes (RFC 7296 section 2.8): each side rekeys on its own, so this does not break negotiation',
    breaksNegotiation: false,
  };
}

/**
 * Rewords the PFS finding when the same artifact has a difference that stops the
 * connection anyway: the rekey failure shows only once those are fixed.
 */
export function qualifyPfsFindings<
  T extends { code: string; message: string; field: string; artifact: string },
>(findings: T[]): T[] {
  return findings.map((finding) => {
    const blocked = findings.some(
      (other) =>
        other.artifact === finding.artifact &&
        (other.code === 'ike-policy-mismatch' || other.code === 'esp-policy-mismatch'),
    );
    if (finding.code !== 'pfs-mismatch-at-rekey' || !blocked) {
      return finding;
    }
    return { ...finding, message: `once the other differences are fixed, ${finding.message}` };
  });
}

function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) {
    return `${seconds / 3600} h`;
  }
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} s`;
}
