/**
 * One handshake between the lab's gateway and client: configuration files for both
 * sides, the initiation, a ping through the tunnel, the first child SA rekey, and the
 * outcome as read from the gateway's log.
 */
import type { FailedExchange } from '../../src/strongswan/predict.js';
import { formatKeywordProposal } from '../../src/strongswan/proposals.js';
import type { ClientOffer } from '../../src/strongswan/windows-client.js';
import { LAB_ADDRESSES, type Lab } from './strongswan-lab.js';

const PRE_SHARED_KEY = 'aovpn-baseline-lab-key-not-secret';
/** Seconds until the client rekeys its child SA, so a PFS mismatch shows quickly. */
const CHILD_REKEY_SECONDS = 2;
const REKEY_WAIT_MS = 15_000;

/**
 * Test-only settings merged into the gateway's connection: addresses, PSK
 * authentication and traffic selectors. swanctl merges sections with the same name,
 * so the rendered proposals stay untouched.
 */
export function buildGatewayLabSection(connection: string, child: string): string {
  const { gatewayOuter, gatewayInner, clientInner } = LAB_ADDRESSES;
  return `
connections {
  ${connection} {
    local_addrs = ${gatewayOuter}
    local {
      auth = psk
      id = gateway.test
    }
    remote {
      auth = psk
      id = client.test
    }
    children {
      ${child} {
        local_ts = ${gatewayInner}/32
        remote_ts = ${clientInner}/32
      }
    }
  }
}
secrets {
  ike-lab {
    secret = "${PRE_SHARED_KEY}"
  }
}
`;
}

/**
 * Test-only conn for starter: addresses, PSK authentication and subnets, with the
 * rendered conn's proposals taken through `also=`. Returns ipsec.conf text and secrets.
 */
export function buildGatewayLabConn(renderedConn: string): { conn: string; secrets: string } {
  const { gatewayOuter, gatewayInner, clientInner } = LAB_ADDRESSES;
  const conn = `
conn lab
\talso=${renderedConn}
\tleft=${gatewayOuter}
\tleftid=gateway.test
\tleftauth=psk
\tleftsubnet=${gatewayInner}/32
\tright=%any
\trightid=client.test
\trightauth=psk
\trightsubnet=${clientInner}/32
\tauto=add
`;
  return { conn, secrets: `: PSK "${PRE_SHARED_KEY}"\n` };
}

/** Builds the initiator's swanctl.conf, which offers exactly the proposals of the Windows model. */
export function buildClientConf(offer: ClientOffer): string {
  const { gatewayOuter, gatewayInner, clientInner } = LAB_ADDRESSES;
  return `connections {
  windows {
    version = 2
    remote_addrs = ${gatewayOuter}
    proposals = ${offer.ike.map(formatKeywordProposal).join(', ')}
    local {
      auth = psk
      id = client.test
    }
    remote {
      auth = psk
      id = gateway.test
    }
    children {
      windows {
        esp_proposals = ${offer.esp.map(formatKeywordProposal).join(', ')}
        local_ts = ${clientInner}/32
        remote_ts = ${gatewayInner}/32
        rekey_time = ${CHILD_REKEY_SECONDS}s
        life_time = 60s
        rand_time = 0s
      }
    }
  }
}
secrets {
  ike-lab {
    secret = "${PRE_SHARED_KEY}"
  }
}
`;
}

export interface Observation {
  /** The failed exchange read from the gateway log, null when everything including the rekey worked. */
  failedExchange: FailedExchange | null | 'unclassified';
  initiateSucceeded: boolean;
  pinged: boolean;
  /** The gateway's log lines written during the scenario, for failure messages. */
  gatewayLog: string;
}

const IKE_SA_INIT_FAILED = /generating IKE_SA_INIT response \d+ \[ N\(NO_PROP\) \]/;
const IKE_AUTH_FAILED = /generating IKE_AUTH response \d+ \[[^\]]*N\(NO_PROP\)/;
const REKEY_REQUEST = /parsed CREATE_CHILD_SA request \d+ \[ N\(REKEY_SA\)/;
const REKEY_FAILED = /generating CREATE_CHILD_SA response \d+ \[ N\((NO_PROP|INVAL_KE)\) \]/;
const REKEY_DONE = /generating CREATE_CHILD_SA response \d+ \[ SA /;

/** Classifies the gateway's log, which shows a failed rekey that swanctl reports as success. */
export function classifyGatewayLog(log: string): Observation['failedExchange'] {
  if (IKE_SA_INIT_FAILED.test(log)) {
    return 'IKE_SA_INIT';
  }
  if (IKE_AUTH_FAILED.test(log)) {
    return 'IKE_AUTH';
  }
  if (REKEY_REQUEST.test(log) && REKEY_FAILED.test(log)) {
    return 'CHILD_SA_REKEY';
  }
  if (REKEY_REQUEST.test(log) && REKEY_DONE.test(log)) {
    return null;
  }
  return 'unclassified';
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

async function waitForRekeyAnswer(lab: Lab, offset: number): Promise<void> {
  const deadline = Date.now() + REKEY_WAIT_MS;
  while (Date.now() < deadline) {
    const log = lab.gateway.logSince(offset);
    if (REKEY_REQUEST.test(log) && (REKEY_FAILED.test(log) || REKEY_DONE.test(log))) {
      return;
    }
    await sleep(200);
  }
}

function packetsInGateway(lab: Lab): number {
  const listing = lab.gateway.swanctl(['--list-sas']).output;
  const match = /\bin\s+\S+,\s+\d+ bytes,\s+(\d+) packets/.exec(listing);
  return match === null ? 0 : Number(match[1]);
}

/**
 * Loads both sides, initiates from the client and observes the outcome. With
 * `gatewayConf` null, the gateway keeps what it has (starter loaded an ipsec.conf).
 */
export async function runScenario(
  lab: Lab,
  gatewayConf: string | null,
  offer: ClientOffer,
): Promise<Observation> {
  if (gatewayConf !== null) {
    lab.gateway.load(gatewayConf);
  }
  lab.client.load(buildClientConf(offer));
  const offset = lab.gateway.logSize();

  const initiate = lab.client.swanctl(
    ['--initiate', '--child', 'windows', '--timeout', '10'],
    20_000,
  );
  const initiateSucceeded = initiate.status === 0;
  let pinged = false;
  if (initiateSucceeded) {
    pinged = lab.ping() && packetsInGateway(lab) > 0;
    await waitForRekeyAnswer(lab, offset);
  }

  lab.client.swanctl(['--terminate', '--ike', 'windows', '--timeout', '5'], 10_000);
  const gatewayLog = lab.gateway.logSince(offset);
  return { failedExchange: classifyGatewayLog(gatewayLog), initiateSucceeded, pinged, gatewayLog };
}
