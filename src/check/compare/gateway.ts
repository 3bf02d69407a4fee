/**
 * A strongSwan gateway as the responder: the Windows side (the baseline, a client or a
 * ProfileXML) is turned into the offer a Windows client sends, and src/strongswan
 * predicts which IKEv2 exchange fails. Each mismatched transform type is one finding.
 */
import type { Baseline, EspSettings, IkeSettings } from '../../baseline/types.js';
import type { CryptoFieldKey } from '../../crypto/vocabulary.js';
import type { Diagnostic } from '../../diagnostics.js';
import { checkGateway, describeFailure, failureCode } from '../../strongswan/check-gateway.js';
import type { GatewayConnection } from '../../strongswan/gateway.js';
import type { FailedExchange } from '../../strongswan/predict.js';
import {
  formatKeywordProposal,
  transformsOfType,
  type Proposal,
} from '../../strongswan/proposals.js';
import { keywordOf, type TransformType } from '../../strongswan/transforms.js';
import { buildCustomPolicyOffer, type ClientOffer } from '../../strongswan/windows-client.js';
import { buildDefaultOffer } from '../../strongswan/windows-defaults.js';
import type { CheckFinding } from '../findings.js';
import {
  inputDiagnostic,
  type ClientObservation,
  type GatewayObservation,
  type ProfileXmlObservation,
  type RegistryObservation,
} from '../model.js';
import { parseOsBuild } from './windows-defaults.js';

/** First build of Windows 11, which adds an AES-GCM proposal to the default IKE proposals. */
const WINDOWS_11_FIRST_BUILD = 22000;

type CryptoValues = Readonly<Record<CryptoFieldKey, string>>;

const IKE_FIELD_BY_TYPE: Readonly<Partial<Record<TransformType, string>>> = {
  ENCR: 'ike.encryption',
  INTEG: 'ike.integrity',
  PRF: 'ike.integrity',
  KE: 'ike.dhGroup',
};

const ESP_FIELD_BY_TYPE: Readonly<Partial<Record<TransformType, string>>> = {
  ENCR: 'esp.cipher',
  INTEG: 'esp.integrity',
  KE: 'esp.pfsGroup',
};

/** Names the baseline field of a mismatched transform type; `esp` for ESN, which has no field. */
function fieldOf(exchange: FailedExchange, type: TransformType): string {
  const table = exchange === 'IKE_SA_INIT' ? IKE_FIELD_BY_TYPE : ESP_FIELD_BY_TYPE;
  return table[type] ?? (exchange === 'IKE_SA_INIT' ? 'ike' : 'esp');
}

function listKeywords(proposals: readonly Proposal[], type: TransformType): string {
  const keywords = new Set(
    proposals.flatMap((proposal) => transformsOfType(proposal, type)).map(keywordOf),
  );
  return keywords.size === 0 ? '(none)' : [...keywords].join(', ');
}

function settingOf(gateway: GatewayObservation, exchange: FailedExchange, where: string): string {
  const ike = exchange === 'IKE_SA_INIT';
  switch (gateway.config.format) {
    case 'ipsec.conf':
      return `${ike ? 'ike=' : 'esp='} (conn ${where})`;
    case 'charon log':
      return ike ? 'configured IKE proposals' : 'configured ESP proposals';
    default:
      return `${ike ? 'proposals' : 'esp_proposals'} (${where})`;
  }
}

/** Writes the line that makes the gateway accept `offered`, in the gateway's own format. */
function fixLine(gateway: GatewayObservation, exchange: FailedExchange, offered: string): string {
  const ike = exchange === 'IKE_SA_INIT';
  const swanctl = `${ike ? 'proposals' : 'esp_proposals'} = ${offered}`;
  const ipsecConf = `${ike ? 'ike' : 'esp'}=${offered}!`;
  switch (gateway.config.format) {
    case 'ipsec.conf':
      return ipsecConf;
    case 'charon log':
      return `${swanctl} (swanctl.conf) or ${ipsecConf} (ipsec.conf)`;
    default:
      return swanctl;
  }
}

/**
 * Leaves out the INTEG type when the ciphers differ too and one side has no INTEG
 * transform: an AEAD cipher against a non-AEAD one is one difference, not two.
 */
function listReportedTypes(
  types: readonly TransformType[],
  offered: readonly Proposal[],
  accepted: readonly Proposal[],
): TransformType[] {
  const hasIntegrity = (proposals: readonly Proposal[]): boolean =>
    proposals.some((proposal) => transformsOfType(proposal, 'INTEG').length > 0);
  const aeadAgainstClassic = hasIntegrity(offered) !== hasIntegrity(accepted);
  return types.filter(
    (type) => !(type === 'INTEG' && aeadAgainstClassic && types.includes('ENCR')),
  );
}

function buildFindings(
  gateway: GatewayObservation,
  offer: ClientOffer,
  initiator: string,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const item of checkGateway(gateway.config, offer).predictions) {
    const exchange = item.prediction?.failedExchange;
    if (exchange === undefined || exchange === null) {
      continue;
    }
    const connection = gateway.config.connections.find((each) => each.name === item.connection);
    const ike = exchange === 'IKE_SA_INIT';
    const gatewayProposals = ike ? connection!.ike : childProposals(connection!, item.child);
    const offered = ike ? offer.ike : offer.esp;
    const where = ike ? item.connection : `${item.connection}, child ${item.child}`;
    const setting = settingOf(gateway, exchange, where);
    const fix = fixLine(gateway, exchange, offered.map(formatKeywordProposal).join(', '));
    const types = listReportedTypes(item.prediction!.mismatchedTypes, offered, gatewayProposals);
    for (const type of types) {
      findings.push({
        code: failureCode(exchange),
        severity: item.uncertain ? 'warning' : 'mismatch',
        artifact: gateway.artifact,
        field: fieldOf(exchange, type),
        setting,
        expected: listKeywords(offered, type),
        actual: listKeywords(gatewayProposals, type),
        sideToFix: 'gateway',
        fix,
        message: `${describeFailure(exchange)} for ${initiator} (${offer.label}): the gateway accepts no ${type} transform it offers`,
        breaksNegotiation: true,
        position: { file: gateway.config.file, line: connection!.line, column: 1 },
      });
    }
  }
  return findings;
}

function childProposals(connection: GatewayConnection, child: string): Proposal[] {
  return connection.children.find((each) => each.name === child)?.esp ?? [];
}

function splitValues(values: CryptoValues): { ike: IkeSettings; esp: EspSettings } {
  return {
    ike: {
      encryption: values['ike.encryption'],
      integrity: values['ike.integrity'],
      dhGroup: values['ike.dhGroup'],
    },
    esp: {
      cipher: values['esp.cipher'],
      integrity: values['esp.integrity'],
      pfsGroup: values['esp.pfsGroup'],
    },
  };
}

function defaultOffer(
  osVersion: string | undefined,
  registry: RegistryObservation | undefined,
): ClientOffer {
  const build = parseOsBuild(osVersion);
  const release = build !== undefined && build >= WINDOWS_11_FIRST_BUILD ? '11' : '10';
  return buildDefaultOffer(registry?.effective ?? 0, release);
}

/** Drift mode: predicts whether a Windows client configured from the baseline connects to the gateway. */
export function compareBaselineWithGateway(
  gateway: GatewayObservation,
  baseline: Baseline,
): CheckFinding[] {
  const offer = buildCustomPolicyOffer(baseline.ike, baseline.esp);
  return buildFindings(gateway, offer, 'a client configured from the baseline');
}

/** Negotiation mode: a client capture against the gateway. */
export function compareClientWithGateway(
  client: ClientObservation,
  gateway: GatewayObservation,
  registry: RegistryObservation | undefined,
): CheckFinding[] {
  if (client.crypto === undefined) {
    const offer = defaultOffer(client.osVersion, client.registry ?? registry);
    return buildFindings(gateway, offer, client.artifact);
  }
  const values = Object.fromEntries(
    Object.entries(client.crypto).map(([key, located]) => [key, located.value]),
  ) as CryptoValues;
  const { ike, esp } = splitValues(values);
  return buildFindings(gateway, buildCustomPolicyOffer(ike, esp), client.artifact);
}

/** Negotiation mode: a ProfileXML against the gateway. A suite with missing or invalid elements is only noted. */
export function compareProfileWithGateway(
  profile: ProfileXmlObservation,
  gateway: GatewayObservation,
  registry: RegistryObservation | undefined,
  notes: Diagnostic[],
): CheckFinding[] {
  if (!profile.hasSuite) {
    return buildFindings(gateway, defaultOffer(undefined, registry), profile.artifact);
  }
  const entries = Object.entries(profile.crypto).map(([key, located]) => [key, located.value]);
  if (entries.length < 6 || profile.problems.length > 0) {
    notes.push(
      inputDiagnostic(
        'gateway-profile-incomplete',
        'info',
        profile.position,
        `${profile.artifact} has a CryptographySuite with missing or invalid elements, so it was not compared with ${gateway.artifact}`,
        'Fix the CryptographySuite first; check reports its problems against a server or a baseline.',
      ),
    );
    return [];
  }
  const { ike, esp } = splitValues(Object.fromEntries(entries) as CryptoValues);
  return buildFindings(gateway, buildCustomPolicyOffer(ike, esp), profile.artifact);
}
