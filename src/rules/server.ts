/** Rules on the RRAS lifetimes. */
import type { Rule } from './rule.js';

/** RRAS bounds for SA lifetime and idle timeout, in seconds ([MS-RRASM] IKEV2_TUNNEL_CONFIG_PARAMS_1). */
export const SA_LIFETIME_MIN_SECONDS = 300;
export const SA_LIFETIME_MAX_SECONDS = 17_279_999;
/** Minimum SA data size for renegotiation, in kilobytes ([MS-RRASM] IKEV2_TUNNEL_CONFIG_PARAMS_1). */
export const SA_DATA_SIZE_MIN_KILOBYTES = 1024;

function outsideLifetimeRange(seconds: number): boolean {
  return seconds < SA_LIFETIME_MIN_SECONDS || seconds > SA_LIFETIME_MAX_SECONDS;
}

const saLifetimeRange: Rule = {
  code: 'sa-lifetime-range',
  severity: 'error',
  waivable: false,
  summary: `server.saLifetimeSeconds and idleDisconnectSeconds must be ${SA_LIFETIME_MIN_SECONDS} to ${SA_LIFETIME_MAX_SECONDS}.`,
  check(baseline) {
    const findings = [];
    const { saLifetimeSeconds, idleDisconnectSeconds } = baseline.server;
    if (outsideLifetimeRange(saLifetimeSeconds)) {
      findings.push({
        path: ['server', 'saLifetimeSeconds'],
        message: `server.saLifetimeSeconds is ${saLifetimeSeconds}, outside the RRAS range ${SA_LIFETIME_MIN_SECONDS} to ${SA_LIFETIME_MAX_SECONDS} seconds`,
        hint: 'Use a value in range; 28800 (8 hours) is the RRAS default.',
      });
    }
    if (idleDisconnectSeconds !== undefined && outsideLifetimeRange(idleDisconnectSeconds)) {
      findings.push({
        path: ['server', 'idleDisconnectSeconds'],
        message: `server.idleDisconnectSeconds is ${idleDisconnectSeconds}, outside the RRAS range ${SA_LIFETIME_MIN_SECONDS} to ${SA_LIFETIME_MAX_SECONDS} seconds`,
        hint: 'Use a value in range; 300 is the RRAS default.',
      });
    }
    return findings;
  },
};

const mmSaLifetimeRange: Rule = {
  code: 'mm-sa-lifetime-range',
  severity: 'warning',
  waivable: true,
  summary: 'server.mmSaLifetimeSeconds outside the range RRAS documents for SA lifetimes.',
  check(baseline) {
    const seconds = baseline.server.mmSaLifetimeSeconds;
    if (!outsideLifetimeRange(seconds)) {
      return [];
    }
    // NOTE: Microsoft documents no bounds for -MMSALifeTimeSeconds; the child SA bounds
    // are applied as a warning.
    return [
      {
        path: ['server', 'mmSaLifetimeSeconds'],
        message: `server.mmSaLifetimeSeconds is ${seconds}, outside ${SA_LIFETIME_MIN_SECONDS} to ${SA_LIFETIME_MAX_SECONDS} seconds, the range RRAS enforces for the child SA lifetime`,
        hint: 'Use a value in that range; 86400 (24 hours) is common.',
      },
    ];
  },
};

const saDataSizeMin: Rule = {
  code: 'sa-data-size-min',
  severity: 'error',
  waivable: false,
  summary: `server.saDataSizeKilobytes must be at least ${SA_DATA_SIZE_MIN_KILOBYTES}.`,
  check(baseline) {
    const kilobytes = baseline.server.saDataSizeKilobytes;
    if (kilobytes >= SA_DATA_SIZE_MIN_KILOBYTES) {
      return [];
    }
    return [
      {
        path: ['server', 'saDataSizeKilobytes'],
        message: `server.saDataSizeKilobytes is ${kilobytes}, below the RRAS minimum of ${SA_DATA_SIZE_MIN_KILOBYTES} KB`,
        hint: 'Use at least 1024; 102400 is the RRAS default and 1024000 a common baseline value.',
      },
    ];
  },
};

export const SERVER_RULES: readonly Rule[] = [saLifetimeRange, mmSaLifetimeRange, saDataSizeMin];
