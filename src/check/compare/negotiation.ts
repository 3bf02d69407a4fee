/**
 * Client against server with no baseline: will they negotiate? Each client is the
 * initiator and the server the responder, and both are reduced to proposal sets.
 */
import {
  CRYPTO_FIELDS,
  getCryptoField,
  PROFILE_XML_SPELLING,
  spell,
  type CryptoFieldKey,
} from '../../crypto/vocabulary.js';
import type { Diagnostic, SourcePosition } from '../../diagnostics.js';
import type { CheckFinding, Side } from '../findings.js';
import {
  inputDiagnostic,
  type ClientObservation,
  type CryptoSettings,
  type ProfileXmlObservation,
  type RegistryObservation,
  type ServerObservation,
} from '../model.js';
import { cryptoConsequence, type RekeyLimits } from './consequences.js';
import type { CompareOptions } from './drift.js';
import {
  clientFixCommand,
  profileXmlFix,
  serverFixCommand,
  type CryptoValues,
} from './fix-commands.js';
import { profileProblemFindings } from './profile-problems.js';
import {
  customPolicyProposals,
  findProposalGaps,
  type FieldGap,
  type ProposalSet,
} from './proposals.js';
import { parseOsBuild, windowsDefaultProposals } from './windows-defaults.js';

/** The responder: a Windows RRAS server here, and any peer that can be reduced to proposals. */
export interface Responder {
  artifact: string;
  side: Side;
  proposals: ProposalSet;
  /** The single custom policy, when the responder has one: clients are fixed to match it. */
  values?: CryptoValues;
  limits: RekeyLimits;
  /** Builds the fix that makes the responder accept `values`. Undefined when the responder is not to be changed. */
  fixFor?: (values: CryptoValues) => string;
}

/** An initiator: a client connection or a ProfileXML. */
interface Initiator {
  artifact: string;
  side: Side;
  proposals: ProposalSet;
  values?: CryptoValues;
  position(key: CryptoFieldKey): SourcePosition;
  /** Spells a baseline value the way this initiator writes it. */
  spell(key: CryptoFieldKey, value: string): string;
  fixFor(key: CryptoFieldKey, values: CryptoValues): string;
}

export function valuesOf(settings: CryptoSettings): CryptoValues {
  return Object.fromEntries(
    CRYPTO_FIELDS.map((field) => [field.key, settings[field.key].value]),
  ) as CryptoValues;
}

/**
 * RRAS without a custom policy.
 * NOTE: Microsoft does not document what RRAS accepts by default. It is modelled as the
 * classic Windows default proposal, which field reports show negotiating 3DES, SHA-1 and
 * DH group 2 between default clients and servers.
 */
export function serverResponder(server: ServerObservation): Responder {
  const limits: RekeyLimits = {
    saLifetimeSeconds: server.lifetimes.saLifetimeSeconds?.value,
    saDataSizeKilobytes: server.lifetimes.saDataSizeKilobytes?.value,
  };
  if (server.crypto === undefined) {
    const defaults = windowsDefaultProposals(0);
    return {
      artifact: server.artifact,
      side: 'server',
      proposals: { ...defaults, label: 'RRAS default policy (no custom policy)' },
      limits,
      fixFor: (values) => serverFixCommand(values),
    };
  }
  const values = valuesOf(server.crypto);
  return {
    artifact: server.artifact,
    side: 'server',
    proposals: customPolicyProposals(`${server.artifact} custom policy`, values),
    values,
    limits,
  };
}

export function compareClientWithResponder(
  client: ClientObservation,
  responder: Responder,
  registry: RegistryObservation | undefined,
  options: CompareOptions,
  notes: Diagnostic[],
): CheckFinding[] {
  const name = client.connectionName ?? options.connectionName ?? '<connection name>';
  const values = client.crypto === undefined ? undefined : valuesOf(client.crypto);
  const initiator: Initiator = {
    artifact: client.artifact,
    side: 'client',
    proposals:
      values === undefined
        ? defaultProposals(client, client.registry ?? registry, notes)
        : customPolicyProposals(client.artifact, values),
    values,
    position: (key) => client.crypto?.[key].position ?? client.position,
    spell: (_key, value) => value,
    fixFor: (_key, wanted) => clientFixCommand(name, client.allUserConnection ?? false, wanted),
  };
  return compareInitiator(initiator, responder);
}

export function compareProfileWithResponder(
  profile: ProfileXmlObservation,
  responder: Responder,
  registry: RegistryObservation | undefined,
  notes: Diagnostic[],
): CheckFinding[] {
  const findings = profileProblemFindings(profile, responder.values, 'mismatch');
  const skipped = new Set(profile.problems.map((problem) => problem.field));
  if (profile.hasSuite) {
    findings.push(...missingElementFindings(profile, responder, skipped));
  }
  // Fields with a problem or no element are reported above. They take the responder's
  // value here so that each difference is reported once.
  const values = profile.hasSuite ? ({} as Record<CryptoFieldKey, string>) : undefined;
  for (const field of CRYPTO_FIELDS) {
    if (values !== undefined) {
      values[field.key] =
        profile.crypto[field.key]?.value ??
        responder.values?.[field.key] ??
        firstAccepted(responder, field.key);
    }
  }
  const spellCsp = (key: CryptoFieldKey, value: string): string =>
    spell(PROFILE_XML_SPELLING, key, value) ?? value;
  const initiator: Initiator = {
    artifact: profile.artifact,
    side: 'profile-xml',
    proposals:
      values === undefined
        ? defaultProposals({ position: profile.position }, registry, notes)
        : customPolicyProposals(profile.artifact, values),
    values,
    position: (key) => profile.crypto[key]?.position ?? profile.position,
    spell: spellCsp,
    fixFor: (key, wanted) => profileXmlFix(key, spellCsp(key, wanted[key])),
  };
  return [...findings, ...compareInitiator(initiator, responder)];
}

function firstAccepted(responder: Responder, key: CryptoFieldKey): string {
  const proposals = [...responder.proposals.ike, ...responder.proposals.esp] as ReadonlyArray<
    Partial<Record<CryptoFieldKey, readonly string[]>>
  >;
  return proposals.find((proposal) => proposal[key] !== undefined)?.[key]?.[0] ?? '';
}

function missingElementFindings(
  profile: ProfileXmlObservation,
  responder: Responder,
  skipped: ReadonlySet<CryptoFieldKey>,
): CheckFinding[] {
  return CRYPTO_FIELDS.filter(
    (field) => profile.crypto[field.key] === undefined && !skipped.has(field.key),
  ).map((field) => {
    const want =
      responder.values === undefined
        ? undefined
        : spell(PROFILE_XML_SPELLING, field.key, responder.values[field.key]);
    return {
      code: 'profile-xml-element-missing',
      severity: 'mismatch',
      artifact: profile.artifact,
      field: field.key,
      setting: field.parameter,
      expected: want ?? '(an element)',
      actual: '(element missing)',
      sideToFix: 'profile-xml',
      fix: profileXmlFix(field.key, want ?? '...'),
      message: `the CryptographySuite has no ${field.parameter}, and what Windows offers for a missing element is not documented`,
      breaksNegotiation: true,
      position: profile.position,
    };
  });
}

function defaultProposals(
  client: Pick<ClientObservation, 'osVersion' | 'position'>,
  registry: RegistryObservation | undefined,
  notes: Diagnostic[],
): ProposalSet {
  if (registry === undefined) {
    notes.push(
      inputDiagnostic(
        'registry-assumed-default',
        'info',
        client.position,
        'no NegotiateDH2048_AES256 capture for this client, so its default proposals assume the value 0 (the Windows default)',
        'Pass --registry FILE, or use the collector, to compare with the real value.',
      ),
    );
  }
  notes.push(
    inputDiagnostic(
      'windows-default-esp-unconfirmed',
      'info',
      client.position,
      "Windows' default ESP proposals are documented only for NegotiateDH2048_AES256 = 2 (aes256-aes128-3des-des-null-sha1); that list is used, and PfsGroup is not compared",
    ),
  );
  return windowsDefaultProposals(registry?.effective ?? 0, parseOsBuild(client.osVersion));
}

function compareInitiator(initiator: Initiator, responder: Responder): CheckFinding[] {
  const { gaps, combination } = findProposalGaps(initiator.proposals, responder.proposals);
  const findings = gaps.map((gap) => gapFinding(gap, initiator, responder));
  for (const group of combination) {
    findings.push({
      code: 'proposal-combination-mismatch',
      severity: 'mismatch',
      artifact: initiator.artifact,
      field: group,
      setting: group === 'ike' ? 'IKE proposal' : 'ESP proposal',
      expected: responder.proposals.label,
      actual: initiator.proposals.label,
      sideToFix: initiator.side,
      fix: 'set a custom policy on both sides with the same values',
      message: `every ${group.toUpperCase()} field has a value in common, but no single proposal of one side matches one of the other: error 13868 (policy match error)`,
      breaksNegotiation: true,
      position: initiator.position(group === 'ike' ? 'ike.encryption' : 'esp.cipher'),
    });
  }
  return findings;
}

function gapFinding(gap: FieldGap, initiator: Initiator, responder: Responder): CheckFinding {
  const field = getCryptoField(gap.field);
  const fixResponder =
    responder.values === undefined &&
    initiator.values !== undefined &&
    responder.fixFor !== undefined;
  let sideToFix: Side = initiator.side;
  let fix: string;
  if (fixResponder) {
    sideToFix = responder.side;
    fix = responder.fixFor!(initiator.values!);
  } else if (responder.values !== undefined) {
    fix = initiator.fixFor(gap.field, responder.values);
  } else {
    fix = `choose one of ${gap.responder.join(', ')} for ${field.parameter} on both sides`;
  }
  // A custom policy shows its one value; a set of proposals shows every accepted value.
  const describe = (values: CryptoValues | undefined, accepted: string[], label: string): string =>
    values !== undefined
      ? initiator.spell(gap.field, values[gap.field])
      : `${accepted.map((value) => initiator.spell(gap.field, value)).join(' or ')} (${label})`;
  return {
    ...cryptoConsequence(gap.field, responder.limits),
    severity: 'mismatch',
    artifact: initiator.artifact,
    field: gap.field,
    setting: field.parameter,
    expected: describe(responder.values, gap.responder, responder.proposals.label),
    actual: describe(initiator.values, gap.initiator, initiator.proposals.label),
    sideToFix,
    fix,
    position: initiator.position(gap.field),
  };
}
