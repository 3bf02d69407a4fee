/**
 * The view model of one VPNProfile: every value the template prints, already in the
 * VPNv2 CSP spelling. Absent optional elements are null, because templates render in
 * Handlebars strict mode.
 */
import type { Connection, Route } from '../../baseline/types.js';
import { headerLines, type RenderContext } from '../../render/context.js';
import { buildCryptographySuite, type SuiteElement } from './cryptography-suite.js';
import { readEapConfiguration } from './eap-configuration.js';
import { buildOmaUri } from './oma-uri.js';

export interface RouteView {
  address: string;
  prefixSize: string;
  exclusionRoute: string | null;
  metric: string | null;
}

export interface DomainNameView {
  domainName: string;
  dnsServers: string | null;
}

export interface ProfileView {
  header: string[];
  rememberCredentials: string | null;
  alwaysOn: string;
  dnsSuffix: string | null;
  trustedNetworkDetection: string | null;
  deviceTunnel: string | null;
  registerDns: string | null;
  domainNameInformation: DomainNameView[];
  servers: string;
  routingPolicyType: string;
  nativeProtocolType: string;
  disableClassBasedDefaultRoute: string | null;
  cryptographySuite: SuiteElement[];
  userMethod: string | null;
  eapConfiguration: string | null;
  machineMethod: string | null;
  routes: RouteView[];
}

/** Builds the view of one connection's VPNProfile. */
export function buildProfileView(context: RenderContext, connection: Connection): ProfileView {
  const isDevice = connection.tunnel === 'device';
  return {
    header: buildHeader(context, connection),
    rememberCredentials: optionalBoolean(isDevice ? undefined : connection.rememberCredentials),
    alwaysOn: String(connection.alwaysOn ?? true),
    dnsSuffix: connection.dnsSuffix ?? null,
    trustedNetworkDetection: joinList(connection.trustedNetworkDetection),
    deviceTunnel: isDevice ? 'true' : null,
    registerDns: optionalBoolean(connection.registerDns),
    domainNameInformation: (connection.domainNameInformation ?? []).map((rule) => ({
      domainName: rule.domainName,
      dnsServers: joinList(rule.dnsServers),
    })),
    servers: joinServers(connection.servers),
    routingPolicyType: selectRoutingPolicy(connection),
    // Windows ignores the CryptographySuite when NativeProtocolType is Automatic, which
    // also tries SSTP before IKEv2 (VPNv2 CSP), so the profile pins IKEv2.
    nativeProtocolType: 'IKEv2',
    disableClassBasedDefaultRoute: optionalBoolean(connection.disableClassBasedDefaultRoute),
    cryptographySuite: buildCryptographySuite(context.baseline),
    // NOTE: community profiles for Intune and Windows 11 add <MachineMethod>Eap</MachineMethod>
    // to user tunnels, but the 2024 XSD makes MachineMethod an alternative to UserMethod
    // and the CSP allows only Certificate, so it is not rendered.
    userMethod: isDevice ? null : 'Eap',
    eapConfiguration: isDevice ? null : readEapConfiguration(context, connection),
    machineMethod: isDevice ? 'Certificate' : null,
    routes: (connection.routes ?? []).map(buildRouteView),
  };
}

/** Header comments, which the template writes before the root element. */
function buildHeader(context: RenderContext, connection: Connection): string[] {
  // NOTE: XML 1.0 allows comments before the root element, and community ProfileXML
  // templates deployed through Intune and the MDM WMI bridge start with comments the
  // same way, but Microsoft does not document whether the VPNv2 CSP accepts them.
  return [
    ...headerLines(context),
    `Connection "${connection.name}", ${connection.tunnel} tunnel.`,
    `Intune OMA-URI: ${buildOmaUri(connection)} (data type String (XML file)).`,
  ];
}

/**
 * Joins the servers for NativeProfile/Servers. The VPNv2 CSP separates servers with
 * commas, and each may carry a friendly name after a semicolon. Reading the node back
 * returns the server name as the friendly name when none was given.
 */
export function joinServers(servers: readonly string[]): string {
  // NOTE: each server is written as "name;name", the server as its own friendly name.
  // Community profiles list the server twice like this and state that Intune deployments
  // to Windows 11 require it, which Microsoft does not document. The form is the
  // documented server;friendlyName syntax.
  return servers.map((server) => `${server};${server}`).join(',');
}

function selectRoutingPolicy(connection: Connection): string {
  const policy = connection.routingPolicy ?? 'SplitTunnel';
  if (connection.tunnel === 'device' && policy !== 'SplitTunnel') {
    throw new Error(
      `connection "${connection.name}" is a device tunnel with routingPolicy ${policy}; device tunnels support SplitTunnel only`,
    );
  }
  return policy;
}

function buildRouteView(route: Route): RouteView {
  const slash = route.prefix.lastIndexOf('/');
  return {
    address: route.prefix.slice(0, slash),
    prefixSize: route.prefix.slice(slash + 1),
    exclusionRoute: optionalBoolean(route.exclude),
    metric: route.metric === undefined ? null : String(route.metric),
  };
}

function optionalBoolean(value: boolean | undefined): string | null {
  return value === undefined ? null : String(value);
}

function joinList(values: readonly string[] | undefined): string | null {
  return values === undefined || values.length === 0 ? null : values.join(',');
}
