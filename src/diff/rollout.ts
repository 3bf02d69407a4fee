/**
 * The rollout warning for a crypto change. An RRAS server has exactly one custom
 * IKEv2 policy, and a Windows client with a custom policy offers exactly one proposal,
 * so old and new policies never overlap: a client connects only while its policy and
 * the server's agree.
 */
import type { Baseline } from '../baseline/types.js';
import type { CryptoFieldChange, RedeployItem, RolloutAdvice } from './model.js';

const IKE_KEYS = new Set(['ike.encryption', 'ike.integrity', 'ike.dhGroup']);
const ESP_KEYS = new Set(['esp.cipher', 'esp.integrity']);

function describeFailures(changes: readonly CryptoFieldChange[], next: Baseline): string[] {
  const changed = (keys: Set<string>) => changes.some((change) => keys.has(change.key));
  const failures: string[] = [];
  if (changed(IKE_KEYS)) {
    failures.push(
      'IKE SA values changed: a client on the other policy fails in IKE_SA_INIT, at connect time, with error 13868 (ERROR_IPSEC_IKE_POLICY_MATCH, RasClient event 20227).',
    );
  }
  if (changed(ESP_KEYS)) {
    // NOTE: Microsoft documents 13868 for IKE proposal mismatches. That Windows reports
    // the same code for a child SA (ESP) mismatch in IKE_AUTH is assumed, not confirmed.
    failures.push(
      'ESP values changed: a client on the other policy fails in IKE_AUTH, when the child SA is negotiated, at connect time; expect a policy match error (13868).',
    );
  }
  // A PFS mismatch matters only when the connect itself still succeeds.
  if (failures.length === 0 && changes.some((change) => change.key === 'esp.pfsGroup')) {
    failures.push(
      `PFS group changed: a client on the other policy still connects, then loses the tunnel at the first child SA rekey, after at most ${next.server.saLifetimeSeconds} s (server.saLifetimeSeconds) or ${next.server.saDataSizeKilobytes} KB of traffic. The drops look random, so watch for one full SA lifetime after the change.`,
    );
  }
  return failures;
}

function describeClientTargets(redeploy: readonly RedeployItem[]): string {
  const names = redeploy
    .map((item) => item.target)
    .filter((target) => target === 'client' || target === 'profile-xml');
  return `the new client policy (targets ${names.join(', ')})`;
}

/** Describes the failure on a client with the other policy: a failed connect, or for a PFS change only a failed rekey. */
function describeSymptom(changes: readonly CryptoFieldChange[]): string {
  const connectBreaks = changes.some(
    (change) => IKE_KEYS.has(change.key) || ESP_KEYS.has(change.key),
  );
  return connectBreaks
    ? 'fails to connect with 13868'
    : 'loses its tunnel at the next child SA rekey';
}

/** Builds the warning and the safe order of steps, or undefined when no crypto value changed. */
export function adviseRollout(
  changes: readonly CryptoFieldChange[],
  next: Baseline,
  redeploy: readonly RedeployItem[],
): RolloutAdvice | undefined {
  if (changes.length === 0) {
    return undefined;
  }
  const clientTargets = describeClientTargets(redeploy);
  const symptom = describeSymptom(changes);
  const npsChanges = redeploy.some((item) => item.target === 'nps');
  const steps = [
    'Before the window: check that every client can receive its new policy. Deploying clients first (step 3) reaches clients that get policy through the VPN itself (GPO over the device tunnel), because the old tunnel still works then; after the server change such a client cannot connect to fetch it.',
    'Announce a maintenance window: from the moment a client or the server changes until both carry the new policy, that client cannot connect. Every RRAS server behind the same name must change together, because a client may reach any of them.',
    `Deploy ${clientTargets} to every client. Each client that applies it ${symptom} against the unchanged server until step ${npsChanges ? 5 : 4}; clients not yet updated keep working.`,
    ...(npsChanges
      ? [
          'Run the NPS script, so the network policy already allows the MPPE levels the new values need when clients reconnect (if it removes a level the old values need, run it after the next step instead).',
        ]
      : []),
    `Run the server script (target rras) on every RRAS server and restart RemoteAccess. The restart drops every connection; updated clients reconnect, and each client not yet updated ${symptom} until it receives the new policy.`,
    'Verify: compare collected server and client settings with `aovpn-baseline check`, and watch the clients for RasClient event 20227 with error 13868.',
    'To avoid the outage entirely, stand up a second RRAS server under another name with the new policy (its own baseline), move clients with a ProfileXML that changes the server and the suite together, and retire the old server when no client uses it.',
  ];
  return { failures: describeFailures(changes, next), steps };
}
