/** Compares two loaded versions of a baseline. */
import type { LoadedBaseline } from '../baseline/load.js';
import { type Diagnostic } from '../diagnostics.js';
import type { Baseline } from '../baseline/types.js';
import { diffBuilds } from './builds.js';
import { diffConnections, type EapReader } from './connections.js';
import { describePfsFollowingIkeGroup, diffCryptoFields } from './crypto-fields.js';
import { diffFindings } from './findings.js';
import type { BaselineDiff, CryptoFieldChange } from './model.js';
import { listRedeploys } from './redeploy.js';
import { adviseRollout } from './rollout.js';
import { diffMetadata, diffNps, diffServer, diffWaivers } from './settings.js';

function eapReader(loaded: LoadedBaseline): EapReader {
  return (relativePath) => {
    try {
      return loaded.readRelative(relativePath);
    } catch {
      return undefined;
    }
  };
}

function countErrors(diagnostics: readonly Diagnostic[]): number {
  return diagnostics.filter(
    (diagnostic) => diagnostic.severity === 'error' && diagnostic.waiver === undefined,
  ).length;
}

function requireBaseline(loaded: LoadedBaseline): Baseline {
  if (loaded.baseline === undefined) {
    throw new Error(`baseline ${loaded.file} did not load`);
  }
  return loaded.baseline;
}

/** Appends the PFSMM note to the ike.dhGroup change it follows. */
function notePfsFollowingIkeGroup(
  crypto: CryptoFieldChange[],
  old: Baseline,
  next: Baseline,
): void {
  const note = describePfsFollowingIkeGroup(old, next);
  const dhGroupChange = crypto.find((change) => change.key === 'ike.dhGroup');
  if (note !== undefined && dhGroupChange !== undefined) {
    dhGroupChange.reason = `${dhGroupChange.reason}. ${note}`;
  }
}

/** Compares two baselines that passed the schema; rule findings may exist on either side. */
export function computeBaselineDiff(
  oldLoaded: LoadedBaseline,
  newLoaded: LoadedBaseline,
): BaselineDiff {
  const old = requireBaseline(oldLoaded);
  const next = requireBaseline(newLoaded);

  const crypto = diffCryptoFields(old, next);
  notePfsFollowingIkeGroup(crypto, old, next);

  const settings = [
    ...diffServer(old.server, next.server),
    ...diffConnections(old.connections, next.connections, {
      old: eapReader(oldLoaded),
      new: eapReader(newLoaded),
    }),
    ...diffNps(old.nps, next.nps),
    ...diffWaivers(old, next),
    ...diffMetadata(old, next),
  ];

  const builds = diffBuilds(old, next);
  const changedPaths = [
    ...crypto.map((change) => change.key),
    ...settings.map((change) => change.path),
    ...builds
      .filter((build) => build.declaredOld !== build.declaredNew)
      .map((build) =>
        build.side === 'client' ? 'windows.minClientBuild' : 'windows.minServerBuild',
      ),
  ];
  const redeploy = listRedeploys(changedPaths);

  const rollout = adviseRollout(crypto, next, redeploy);
  return {
    old: { file: oldLoaded.file, name: old.name },
    new: { file: newLoaded.file, name: next.name },
    crypto,
    settings,
    findings: diffFindings(oldLoaded.diagnostics, newLoaded.diagnostics),
    builds,
    redeploy,
    ...(rollout === undefined ? {} : { rollout }),
    errorCounts: {
      old: countErrors(oldLoaded.diagnostics),
      new: countErrors(newLoaded.diagnostics),
    },
    weaker: crypto.some((change) => change.verdict === 'weaker'),
  };
}
