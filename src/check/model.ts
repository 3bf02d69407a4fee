/**
 * The observed policy: what `check` read from each input, in the baseline's vocabulary
 * (PowerShell spellings), with the position each value came from.
 */
import type { MppeLevel } from '../baseline/types.js';
import type { CryptoFieldKey } from '../crypto/vocabulary.js';
import type { Diagnostic, SourcePosition } from '../diagnostics.js';
import type { GatewayConfig } from '../strongswan/gateway.js';

/** A value read from an input, with where it was written and how. */
export interface Located<T> {
  value: T;
  /** The text as the input spelled it, when that differs from `value`. */
  written?: string;
  position: SourcePosition;
}

/** The six crypto settings of one custom policy, in PowerShell spelling. */
export type CryptoSettings = Record<CryptoFieldKey, Located<string>>;

export type LifetimeKey =
  'saLifetimeSeconds' | 'mmSaLifetimeSeconds' | 'saDataSizeKilobytes' | 'idleDisconnectSeconds';

/** `Get-VpnServerConfiguration` on the RRAS server. */
export interface ServerObservation {
  kind: 'server';
  /** Name of the input in the report, such as the file name. */
  artifact: string;
  /** Absent when the server has no custom policy and negotiates Windows' defaults. */
  crypto?: CryptoSettings;
  lifetimes: Partial<Record<LifetimeKey, Located<number>>>;
  position: SourcePosition;
}

/** `Get-VpnConnection ... | Select-Object -ExpandProperty IPsecCustomPolicy` on a client. */
export interface ClientObservation {
  kind: 'client';
  artifact: string;
  connectionName?: string;
  allUserConnection?: boolean;
  /** Absent when the connection has no custom policy, so it offers Windows' default proposals. */
  crypto?: CryptoSettings;
  /** Windows build of the client, when a collector recorded it, such as `10.0.22631`. */
  osVersion?: string;
  /** NegotiateDH2048_AES256 of the same machine, when known. */
  registry?: RegistryObservation;
  position: SourcePosition;
}

/** A value in a ProfileXML CryptographySuite that Windows does not apply as written. */
export interface ProfileXmlValueProblem {
  field: CryptoFieldKey;
  written: string;
  /** The CSP spelling Windows expects, when the written value is another target's spelling. */
  correct?: string;
  /** `profile-xml-powershell-spelling` or `profile-xml-value-invalid`. */
  code: string;
  position: SourcePosition;
}

/** A ProfileXML file, authored or exported from a client. */
export interface ProfileXmlObservation {
  kind: 'profile-xml';
  artifact: string;
  profileName?: string;
  deviceTunnel: boolean;
  /** False when the profile has no CryptographySuite, so Windows offers its default proposals. */
  hasSuite: boolean;
  /** The elements present and spelled as the VPNv2 CSP expects, in PowerShell spelling. */
  crypto: Partial<CryptoSettings>;
  problems: ProfileXmlValueProblem[];
  position: SourcePosition;
}

/** One network policy read from `netsh nps show np`. */
export interface NpsPolicy {
  name: Located<string>;
  /** MPPE levels the policy allows. */
  encryption: Located<MppeLevel[]>;
  /** True when neither encryption attribute was present, which NPS treats as "allow all". */
  encryptionFromDefault: boolean;
}

export interface NpsObservation {
  kind: 'nps';
  artifact: string;
  policies: NpsPolicy[];
  position: SourcePosition;
}

/** `reg query` of HKLM\SYSTEM\CurrentControlSet\Services\Rasman\Parameters /v NegotiateDH2048_AES256. */
export interface RegistryObservation {
  kind: 'registry';
  artifact: string;
  /** The DWORD as read, or undefined when the value is not set. */
  value?: Located<number>;
  /** The effective setting: values other than 1 and 2 act as 0. */
  effective: 0 | 1 | 2;
  position: SourcePosition;
}

/** A strongSwan gateway: swanctl.conf, ipsec.conf or charon log lines, as read by src/strongswan. */
export interface GatewayObservation {
  kind: 'gateway';
  artifact: string;
  config: GatewayConfig;
  position: SourcePosition;
}

export type Observation =
  | GatewayObservation
  | ServerObservation
  | ClientObservation
  | ProfileXmlObservation
  | NpsObservation
  | RegistryObservation;

/** Result of a parser: observations, or error diagnostics when the input cannot be read. */
export interface ParseResult {
  observations: Observation[];
  /** Errors make the input unreadable (exit 2); infos record assumptions and unread lines. */
  diagnostics: Diagnostic[];
}

/** Builds an input diagnostic at a position. */
export function inputDiagnostic(
  code: string,
  severity: Diagnostic['severity'],
  position: SourcePosition,
  message: string,
  hint?: string,
): Diagnostic {
  return { code, severity, message, hint, path: [], position };
}

export function hasInputErrors(result: ParseResult): boolean {
  return result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
