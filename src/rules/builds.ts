/**
 * Minimum Windows builds a baseline's values need, and the rule that compares them
 * with the builds the baseline declares.
 */
import type { Baseline } from '../baseline/types.js';
import type { Rule } from './rule.js';

export interface BuildRequirement {
  build: string;
  reason: string;
}

export interface RequiredBuilds {
  client: BuildRequirement[];
  server: BuildRequirement[];
}

/** Windows 10 1607 / Server 2016. */
const BUILD_1607 = '10.0.14393';
/** Windows 10 1803 / Server 1803. */
const BUILD_1803 = '10.0.17134';

/** Compares dotted build numbers numerically. */
export function compareBuilds(left: string, right: string): number {
  const leftParts = left.split('.').map(Number);
  const rightParts = right.split('.').map(Number);
  for (let index = 0; index < Math.max(leftParts.length, rightParts.length); index++) {
    const difference = (leftParts[index] ?? 0) - (rightParts[index] ?? 0);
    if (difference !== 0) {
      return difference;
    }
  }
  return 0;
}

/** The highest of the requirements, or undefined when there are none. */
export function highestBuild(
  requirements: readonly BuildRequirement[],
): BuildRequirement | undefined {
  let highest: BuildRequirement | undefined;
  for (const requirement of requirements) {
    if (highest === undefined || compareBuilds(requirement.build, highest.build) > 0) {
      highest = requirement;
    }
  }
  return highest;
}

/** Lists what each side needs, with the reason for each build. */
export function computeRequiredBuilds(baseline: Baseline): RequiredBuilds {
  const client: BuildRequirement[] = [
    {
      build: BUILD_1607,
      reason: 'ProfileXML CryptographySuite (VPNv2 CSP, applicability OsBuildVersion 10.0.14393)',
    },
  ];
  const server: BuildRequirement[] = [
    {
      build: BUILD_1607,
      reason:
        '-MMSALifeTimeSeconds of Set-VpnServerConfiguration (Windows Server 2016 docset onwards)',
    },
  ];
  if (baseline.ike.encryption.startsWith('GCMAES')) {
    const reason = `ike.encryption ${baseline.ike.encryption}: AES-GCM for the IKE SA needs Windows 10 / Server version 1803`;
    client.push({ build: BUILD_1803, reason });
    server.push({ build: BUILD_1803, reason });
  }
  return { client, server };
}

const minBuildTooLow: Rule = {
  code: 'min-build-too-low',
  severity: 'warning',
  waivable: true,
  summary: 'A declared minimum Windows build is lower than the baseline values need.',
  check(baseline) {
    const required = computeRequiredBuilds(baseline);
    const sides = [
      { side: 'client', key: 'minClientBuild', requirements: required.client },
      { side: 'server', key: 'minServerBuild', requirements: required.server },
    ] as const;
    return sides.flatMap(({ side, key, requirements }) => {
      const declared = baseline.windows[key];
      const highest = highestBuild(requirements);
      if (highest === undefined || compareBuilds(declared, highest.build) >= 0) {
        return [];
      }
      return [
        {
          path: ['windows', key],
          message: `windows.${key} is ${declared}, but the ${side} needs at least ${highest.build} for ${highest.reason}`,
          hint: `Raise windows.${key} to ${highest.build}, or change the value that needs it.`,
        },
      ];
    });
  },
};

/** Windows Server 2022. */
const BUILD_SERVER_2022 = '10.0.20348';

const serverIkeGcmUnconfirmed: Rule = {
  code: 'server-ike-gcm-unconfirmed',
  severity: 'warning',
  waivable: true,
  summary: 'IKE SA GCM on an RRAS server older than Windows Server 2022.',
  check(baseline) {
    if (
      !baseline.ike.encryption.startsWith('GCMAES') ||
      compareBuilds(baseline.windows.minServerBuild, BUILD_SERVER_2022) >= 0
    ) {
      return [];
    }
    // NOTE: community baselines run GCMAES for -EncryptionMethod on Server 1803 and later,
    // but Microsoft's Set-VpnServerConfiguration documentation lists it only from the
    // Windows Server 2022 docset on, so the tool warns rather than trusting either.
    return [
      {
        path: ['ike', 'encryption'],
        message: `ike.encryption is ${baseline.ike.encryption} and windows.minServerBuild is ${baseline.windows.minServerBuild}, but Microsoft documents GCM for Set-VpnServerConfiguration -EncryptionMethod only from Windows Server 2022 (10.0.20348)`,
        hint: 'Run the generated server script with -WhatIf on your oldest RRAS server first, then waive server-ike-gcm-unconfirmed with what you tested, or raise windows.minServerBuild.',
      },
    ];
  },
};

export const BUILD_RULES: readonly Rule[] = [minBuildTooLow, serverIkeGcmUnconfirmed];
