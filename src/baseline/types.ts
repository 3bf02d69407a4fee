/** The baseline document after schema validation. Field documentation lives in the schema builder. */

export type TunnelKind = 'device' | 'user';
export type RoutingPolicy = 'SplitTunnel' | 'ForceTunnel';
export type MppeLevel = 'none' | 'basic' | 'strong' | 'strongest';

export interface IkeSettings {
  encryption: string;
  integrity: string;
  dhGroup: string;
}

export interface EspSettings {
  cipher: string;
  integrity: string;
  pfsGroup: string;
}

export interface ServerSettings {
  saLifetimeSeconds: number;
  mmSaLifetimeSeconds: number;
  saDataSizeKilobytes: number;
  idleDisconnectSeconds?: number;
}

export interface Route {
  /** IPv4 or IPv6 prefix in CIDR form, such as `10.0.0.0/8`. */
  prefix: string;
  exclude?: boolean;
  metric?: number;
}

export interface DomainNameRule {
  domainName: string;
  dnsServers?: string[];
}

export interface Connection {
  name: string;
  tunnel: TunnelKind;
  servers: string[];
  routingPolicy?: RoutingPolicy;
  routes?: Route[];
  dnsSuffix?: string;
  trustedNetworkDetection?: string[];
  domainNameInformation?: DomainNameRule[];
  alwaysOn?: boolean;
  rememberCredentials?: boolean;
  registerDns?: boolean;
  disableClassBasedDefaultRoute?: boolean;
  /** Path of the EAP XML, relative to the baseline file. */
  eapConfig?: string;
}

export interface NpsSettings {
  networkPolicy: string;
  encryption: MppeLevel[];
}

export interface WindowsBuilds {
  minClientBuild: string;
  minServerBuild: string;
}

export interface Waiver {
  rule: string;
  reason: string;
}

export interface Baseline {
  name: string;
  description?: string;
  windows: WindowsBuilds;
  ike: IkeSettings;
  esp: EspSettings;
  server: ServerSettings;
  connections: Connection[];
  nps?: NpsSettings;
  waivers?: Waiver[];
}
