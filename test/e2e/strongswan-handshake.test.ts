/**
 * Real IKEv2 handshakes between two charon daemons: the gateway runs the rendered
 * strongSwan configuration, the initiator offers the proposals of the Windows client
 * model. Every outcome is predicted by checkGateway before the
 * handshake runs (for custom policies also by `check --client --gateway`), and the
 * prediction must equal what the gateway's log shows.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import type { Baseline } from '../../src/baseline/types.js';
import { runCli } from '../../src/cli/main.js';
import {
  buildConnectionName,
  buildStrongswanProposals,
} from '../../src/targets/strongswan/strongswan-view.js';
import { formatKeywordProposal, parseKeywordProposalList } from '../../src/strongswan/proposals.js';
import { checkGateway } from '../../src/strongswan/check-gateway.js';
import { readGatewayConfig } from '../../src/strongswan/gateway.js';
import type { FailedExchange } from '../../src/strongswan/predict.js';
import { buildCustomPolicyOffer, type ClientOffer } from '../../src/strongswan/windows-client.js';
import { buildDefaultOffer } from '../../src/strongswan/windows-defaults.js';
import { REPO_ROOT } from '../helpers/baselines.js';
import { runCheckGateway } from '../helpers/check-gateway-cli.js';
import { buildFieldVariants } from '../helpers/field-variants.js';
import { findMissingRequirements, Lab } from '../helpers/strongswan-lab.js';
import {
  buildGatewayLabConn,
  buildGatewayLabSection,
  runScenario,
} from '../helpers/strongswan-scenario.js';

const missing = findMissingRequirements();
const inCi = process.env.CI === 'true';
const INSTALL_HINT = 'as root, run bash .ci/install-debian-packages.sh';
const skipReason =
  missing.length === 0 ? '' : ` (skipped, missing: ${missing.join('; ')}; ${INSTALL_HINT})`;
if (missing.length > 0 && !inCi) {
  process.stderr.write(
    `strongSwan handshake tests skipped, missing: ${missing.join('; ')}. To run them, ${INSTALL_HINT}.\n`,
  );
}

const SHIPPED = readdirSync(join(REPO_ROOT, 'baselines'))
  .filter((name) => name.endsWith('.yaml'))
  .sort();

/** A gateway that accepts only proposals a Windows client sends by default. */
const LEGACY_GATEWAY = `connections {
  legacy {
    version = 2
    proposals = aes256-sha1-modp1024, aes256-sha256-modp2048
    children {
      legacy {
        esp_proposals = aes256-sha1
      }
    }
  }
}
`;

function loadShipped(name: string): Baseline {
  const loaded = loadBaselineFile(join(REPO_ROOT, 'baselines', name), REPO_ROOT);
  if (loaded.baseline === undefined) {
    throw new Error(`${name} does not load: ${JSON.stringify(loaded.diagnostics)}`);
  }
  return loaded.baseline;
}

/** Renders a baseline with `render --target strongswan` and returns one of the two files. */
async function renderStrongswan(
  name: string,
  folder: string,
  file: 'swanctl.conf' | 'ipsec.conf',
): Promise<string> {
  const output = join(folder, name);
  const io = { stdout: () => undefined, stderr: () => undefined, cwd: REPO_ROOT };
  const code = await runCli(
    ['render', join('baselines', name), '-o', output, '-t', 'strongswan'],
    io,
  );
  expect(code, `render ${name}`).toBe(0);
  return readFileSync(join(output, 'strongswan', file), 'utf8');
}

function renderSwanctlConf(name: string, folder: string): Promise<string> {
  return renderStrongswan(name, folder, 'swanctl.conf');
}

/** Lists the proposals the gateway must log: the rendered ones, with charon's implied PRF. */
function expectedLogged(baseline: Baseline): { ike: string[]; esp: string[] } {
  const rendered = buildStrongswanProposals(baseline);
  const parse = (text: string, protocol: 'IKE' | 'ESP'): string[] =>
    parseKeywordProposalList(text, protocol).map((parsed) => {
      if ('error' in parsed) {
        throw new Error(parsed.error.reason);
      }
      return formatKeywordProposal(parsed.proposal);
    });
  return { ike: parse(rendered.ike, 'IKE'), esp: parse(rendered.esp, 'ESP') };
}

function withLabSection(gatewayConf: string, connection: string): string {
  return gatewayConf + buildGatewayLabSection(connection, connection);
}

/**
 * Reads the gateway's "configured proposals" log lines back with the check reader, as
 * keyword strings, so a test can assert what the gateway really accepted.
 */
function readLoggedGateway(log: string): { ike: string[]; esp: string[] } {
  const config = readGatewayConfig(log, 'gateway log');
  expect(config.diagnostics).toEqual([]);
  const connection = config.connections[0];
  return {
    ike: (connection?.ike ?? []).map(formatKeywordProposal),
    esp: (connection?.children[0]?.esp ?? []).map(formatKeywordProposal),
  };
}

/** Predicts the outcome from the exact file the gateway loads, before any handshake. */
function predict(gatewayConf: string, offer: ClientOffer): FailedExchange | null {
  const check = checkGateway(readGatewayConfig(gatewayConf, 'gateway swanctl.conf'), offer);
  expect(check.predictions).toHaveLength(1);
  expect(check.predictions[0]!.prediction).not.toBeNull();
  return check.predictions[0]!.prediction!.failedExchange;
}

describe.runIf(inCi)('strongSwan lab requirements', () => {
  test('present in CI', () => {
    expect(missing, `CI must run the strongSwan handshakes: ${INSTALL_HINT}`).toEqual([]);
  });
});

describe.skipIf(missing.length > 0)(`strongSwan handshakes${skipReason}`, () => {
  const lab = missing.length === 0 ? new Lab() : undefined;
  const renderFolder = mkdtempSync(join(tmpdir(), 'aovpn-strongswan-render-'));

  beforeAll(async () => {
    await lab!.start();
  }, 60_000);

  afterAll(async () => {
    await lab?.stop();
    rmSync(renderFolder, { recursive: true, force: true });
  }, 30_000);

  describe.each(SHIPPED)('%s', (name) => {
    test('rendered pair connects, pings and rekeys', async () => {
      const baseline = loadShipped(name);
      const connection = buildConnectionName(baseline);
      const gatewayConf = withLabSection(await renderSwanctlConf(name, renderFolder), connection);
      const offer = buildCustomPolicyOffer(baseline.ike, baseline.esp);

      const predicted = predict(gatewayConf, offer);
      const checked = await runCheckGateway(gatewayConf, baseline.ike, baseline.esp);
      const observed = await runScenario(lab!, gatewayConf, offer);

      expect(predicted).toBeNull();
      expect(checked.failedExchange).toBe(predicted);
      expect(observed.failedExchange, observed.gatewayLog).toBe(predicted);
      expect(observed.initiateSucceeded).toBe(true);
      expect(observed.pinged).toBe(true);
      expect(readLoggedGateway(observed.gatewayLog)).toEqual(expectedLogged(baseline));
    }, 40_000);

    test('each field variant fails where predicted', async () => {
      const baseline = loadShipped(name);
      const connection = buildConnectionName(baseline);
      const gatewayConf = withLabSection(await renderSwanctlConf(name, renderFolder), connection);

      for (const variant of buildFieldVariants(baseline)) {
        const offer = buildCustomPolicyOffer(variant.ike, variant.esp);
        const predicted = predict(gatewayConf, offer);
        const checked = await runCheckGateway(gatewayConf, variant.ike, variant.esp);
        const observed = await runScenario(lab!, gatewayConf, offer);

        expect(predicted, variant.field).toBe(variant.expected);
        expect(checked.failedExchange, `check --gateway, ${variant.field}`).toBe(predicted);
        expect(observed.failedExchange, `${variant.field}\n${observed.gatewayLog}`).toBe(predicted);
        // Only a PFS mismatch lets the tunnel come up; it then breaks at the first rekey.
        expect(observed.initiateSucceeded, variant.field).toBe(predicted === 'CHILD_SA_REKEY');
      }
    }, 120_000);
  });

  describe('Windows default proposals', () => {
    const values = [0, 1, 2] as const;

    test.each(values)(
      'NegotiateDH2048_AES256=%s',
      async (value) => {
        const offer = buildDefaultOffer(value);
        const legacyConf = withLabSection(LEGACY_GATEWAY, 'legacy');
        const modernName = SHIPPED[0]!;
        const modern = buildConnectionName(loadShipped(modernName));
        const modernConf = withLabSection(
          await renderSwanctlConf(modernName, renderFolder),
          modern,
        );

        const legacyPredicted = predict(legacyConf, offer);
        const modernPredicted = predict(modernConf, offer);
        const legacyObserved = await runScenario(lab!, legacyConf, offer);
        const modernObserved = await runScenario(lab!, modernConf, offer);

        expect(legacyPredicted).toBeNull();
        expect(legacyObserved.failedExchange, legacyObserved.gatewayLog).toBe(legacyPredicted);
        expect(legacyObserved.pinged).toBe(true);
        expect(modernPredicted).toBe('IKE_SA_INIT');
        expect(modernObserved.failedExchange, modernObserved.gatewayLog).toBe(modernPredicted);
      },
      60_000,
    );

    test('custom policy against the default-only gateway', async () => {
      const baseline = loadShipped(SHIPPED[0]!);
      const offer = buildCustomPolicyOffer(baseline.ike, baseline.esp);
      const legacyConf = withLabSection(LEGACY_GATEWAY, 'legacy');

      const predicted = predict(legacyConf, offer);
      const observed = await runScenario(lab!, legacyConf, offer);

      expect(predicted).toBe('IKE_SA_INIT');
      expect(observed.failedExchange, observed.gatewayLog).toBe(predicted);
    }, 30_000);
  });

  // Runs last: it replaces the gateway's charon with starter and restores it afterwards.
  test('rendered ipsec.conf connects, pings and rekeys', async () => {
    try {
      for (const name of SHIPPED) {
        const baseline = loadShipped(name);
        const rendered = await renderStrongswan(name, renderFolder, 'ipsec.conf');
        const labConn = buildGatewayLabConn(buildConnectionName(baseline));
        const offer = buildCustomPolicyOffer(baseline.ike, baseline.esp);

        const predicted = predict(rendered, offer);
        await lab!.gateway.stop();
        await lab!.gateway.startStarter(rendered + labConn.conn, labConn.secrets, 'lab');
        const observed = await runScenario(lab!, null, offer);

        expect(predicted, name).toBeNull();
        expect(observed.failedExchange, `${name}\n${observed.gatewayLog}`).toBe(predicted);
        expect(observed.pinged, name).toBe(true);
        expect(readLoggedGateway(observed.gatewayLog), name).toEqual(expectedLogged(baseline));
      }
    } finally {
      await lab!.gateway.stop();
      await lab!.gateway.start();
    }
  }, 90_000);
});
