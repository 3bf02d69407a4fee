/** `check`: compare what machines have with a baseline, or clients with a server. */
import type { Baseline } from '../baseline/types.js';
import type { Diagnostic } from '../diagnostics.js';
import {
  baselineValues,
  compareClientWithBaseline,
  compareProfileWithBaseline,
  compareServerWithBaseline,
  type CompareOptions,
} from './compare/drift.js';
import {
  compareClientWithResponder,
  compareProfileWithResponder,
  serverResponder,
  valuesOf,
} from './compare/negotiation.js';
import { qualifyPfsFindings } from './compare/consequences.js';
import {
  compareBaselineWithGateway,
  compareClientWithGateway,
  compareProfileWithGateway,
} from './compare/gateway.js';
import { noteSeveralConnections } from './compare/gateway-connections.js';
import { compareNpsWithBaseline, findNpsAes128Risks } from './compare/nps.js';
import type { CheckFinding, CheckReport } from './findings.js';
import {
  inputDiagnostic,
  type GatewayObservation,
  type Observation,
  type RegistryObservation,
  type ServerObservation,
} from './model.js';

export interface CheckBaseline {
  file: string;
  baseline: Baseline;
}

/**
 * Compares observations with a baseline (drift) or, without one, every client with
 * every server (negotiation). Throws nothing: a comparison that cannot be made (no
 * baseline and no server) is an error diagnostic in `notes`.
 */
export function compareObservations(
  observations: readonly Observation[],
  baseline: CheckBaseline | undefined,
  options: CompareOptions,
): CheckReport {
  const notes: Diagnostic[] = [];
  if (observations.every((observation) => observation.kind === 'registry')) {
    // Inputs without settings (a collected server without RRAS or NPS), or a registry
    // value alone, would otherwise compare nothing and report agreement.
    notes.push(
      inputDiagnostic(
        'nothing-compared',
        'error',
        { file: '(command line)', line: 1, column: 1 },
        'the inputs contain no server, client, profile, NPS or gateway settings, so there is nothing to compare',
        'Check that each file was collected on the right machine, with RemoteAccess or NPS installed.',
      ),
    );
  }
  const findings = qualifyPfsFindings(
    baseline === undefined
      ? compareWithServers(observations, options, notes)
      : compareWithBaseline(observations, baseline.baseline, options, notes),
  );
  return {
    mode: baseline === undefined ? 'negotiation' : 'drift',
    baseline: baseline?.file,
    inputs: observations.map((observation) => ({
      artifact: observation.artifact,
      kind: observation.kind,
    })),
    findings,
    notes,
    verdict: findings.some((finding) => finding.severity === 'mismatch')
      ? 'mismatch'
      : findings.some((finding) => finding.severity === 'drift')
        ? 'drift'
        : 'agreement',
  };
}

function compareWithBaseline(
  observations: readonly Observation[],
  baseline: Baseline,
  options: CompareOptions,
  notes: Diagnostic[],
): CheckFinding[] {
  const names = new Set(baseline.connections.map((connection) => connection.name));
  const userTunnels = baseline.connections.some((connection) => connection.tunnel === 'user');
  return observations.flatMap((observation): CheckFinding[] => {
    switch (observation.kind) {
      case 'server':
        return compareServerWithBaseline(observation, baseline);
      case 'client':
        if (observation.connectionName !== undefined && !names.has(observation.connectionName)) {
          notes.push(
            inputDiagnostic(
              'connection-not-in-baseline',
              'info',
              observation.position,
              `${observation.artifact} is not a connection of the baseline, so it was not compared`,
            ),
          );
          return [];
        }
        return compareClientWithBaseline(observation, baseline, options);
      case 'profile-xml':
        return compareProfileWithBaseline(observation, baseline);
      case 'nps':
        return [
          ...compareNpsWithBaseline(observation, baseline),
          ...findNpsAes128Risks(
            observation,
            baselineValues(baseline),
            baseline.nps?.networkPolicy,
            userTunnels,
          ),
        ];
      case 'registry':
        notes.push(
          inputDiagnostic(
            'registry-not-used',
            'info',
            observation.position,
            'NegotiateDH2048_AES256 only changes the proposals of connections without a custom policy, and the baseline sets one; it was not compared',
          ),
        );
        return [];
      case 'gateway': {
        const found = compareBaselineWithGateway(observation, baseline);
        notes.push(...noteSeveralConnections(observation, found));
        return found;
      }
    }
  });
}

function compareWithServers(
  observations: readonly Observation[],
  options: CompareOptions,
  notes: Diagnostic[],
): CheckFinding[] {
  const servers = observations.filter(
    (observation): observation is ServerObservation => observation.kind === 'server',
  );
  const gateways = observations.filter(
    (observation): observation is GatewayObservation => observation.kind === 'gateway',
  );
  if (servers.length === 0 && gateways.length === 0) {
    notes.push(
      inputDiagnostic(
        'server-required',
        'error',
        { file: '(command line)', line: 1, column: 1 },
        'without a baseline, check compares clients with a server, but no server input was given',
        'Pass a baseline, or --server FILE, --gateway FILE, or a --collected file from collect-server.ps1.',
      ),
    );
    return [];
  }
  const compared = observations.some((observation) =>
    ['client', 'profile-xml', 'nps'].includes(observation.kind),
  );
  if (servers.length > 0 && !compared) {
    notes.push(
      inputDiagnostic(
        'client-required',
        'error',
        servers[0]!.position,
        'without a baseline, check compares clients with the server, but no client input was given, so there is nothing to compare',
        'Pass --client, --profile-xml, --nps or a --collected file from collect-client.ps1, or pass a baseline to check the server for drift.',
      ),
    );
    return [];
  }
  const registry = observations.find((observation) => observation.kind === 'registry');
  const findings: CheckFinding[] = compareWithGateways(observations, gateways, registry, notes);
  for (const server of servers) {
    const responder = serverResponder(server);
    const againstServer = (found: CheckFinding[]): CheckFinding[] =>
      servers.length === 1
        ? found
        : found.map((finding) => ({
            ...finding,
            message: `${finding.message} (against ${server.artifact})`,
          }));
    for (const observation of observations) {
      if (observation.kind === 'client') {
        findings.push(
          ...againstServer(
            compareClientWithResponder(observation, responder, registry, options, notes),
          ),
        );
      } else if (observation.kind === 'profile-xml') {
        findings.push(
          ...againstServer(compareProfileWithResponder(observation, responder, registry, notes)),
        );
      } else if (observation.kind === 'nps' && server.crypto !== undefined) {
        findings.push(
          ...findNpsAes128Risks(
            observation,
            valuesOf(server.crypto),
            undefined,
            mayHaveUserTunnels(observations),
          ),
        );
      }
    }
  }
  return findings;
}

/** Compares every client and ProfileXML with every strongSwan gateway. */
function compareWithGateways(
  observations: readonly Observation[],
  gateways: readonly GatewayObservation[],
  registry: RegistryObservation | undefined,
  notes: Diagnostic[],
): CheckFinding[] {
  const initiators = observations.filter(
    (observation) => observation.kind === 'client' || observation.kind === 'profile-xml',
  );
  if (gateways.length > 0 && initiators.length === 0) {
    notes.push(
      inputDiagnostic(
        'gateway-needs-client',
        'error',
        gateways[0]!.position,
        'without a baseline, check compares clients with the gateway, but no client input was given',
        'Pass a baseline, or --client FILE, --profile-xml FILE or a --collected file from collect-client.ps1.',
      ),
    );
    return [];
  }
  return gateways.flatMap((gateway) => {
    const found = initiators.flatMap((observation) =>
      observation.kind === 'client'
        ? compareClientWithGateway(observation, gateway, registry)
        : observation.kind === 'profile-xml'
          ? compareProfileWithGateway(observation, gateway, registry, notes)
          : [],
    );
    notes.push(...noteSeveralConnections(gateway, found));
    return found;
  });
}

/** False only when every client input is known to be a device tunnel, which never reaches NPS. */
function mayHaveUserTunnels(observations: readonly Observation[]): boolean {
  const clients = observations.filter(
    (observation) => observation.kind === 'client' || observation.kind === 'profile-xml',
  );
  return (
    clients.length === 0 ||
    clients.some((observation) => observation.kind !== 'profile-xml' || !observation.deviceTunnel)
  );
}
