/** Runs `check --client CAPTURE --gateway FILE --json` in-process and reads the predicted exchange. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EspSettings, IkeSettings } from '../../src/baseline/types.js';
import { runCli } from '../../src/cli/main.js';
import type { FailedExchange } from '../../src/strongswan/predict.js';

const EXCHANGE_BY_CODE: Readonly<Record<string, FailedExchange>> = {
  'gateway-ike-sa-init-fails': 'IKE_SA_INIT',
  'gateway-ike-auth-fails': 'IKE_AUTH',
  'gateway-child-rekey-fails': 'CHILD_SA_REKEY',
};

/** Writes a client's custom policy the way `-PassThru` prints it (Format-List). */
export function formatClientCapture(ike: IkeSettings, esp: EspSettings): string {
  const rows: Array<[string, string]> = [
    ['AuthenticationTransformConstants', esp.integrity],
    ['CipherTransformConstants', esp.cipher],
    ['DHGroup', ike.dhGroup],
    ['IntegrityCheckMethod', ike.integrity],
    ['PfsGroup', esp.pfsGroup],
    ['EncryptionMethod', ike.encryption],
  ];
  return rows.map(([name, value]) => `${name.padEnd(32)} : ${value}`).join('\r\n') + '\r\n';
}

export interface CheckCliResult {
  exitCode: number;
  /** The exchange check reports as failing, null when it reports agreement. */
  failedExchange: FailedExchange | null;
  codes: string[];
}

/** Runs check for a client with the given custom policy against a gateway file. */
export async function runCheckGateway(
  gatewayText: string,
  ike: IkeSettings,
  esp: EspSettings,
): Promise<CheckCliResult> {
  const folder = mkdtempSync(join(tmpdir(), 'aovpn-check-gateway-'));
  try {
    writeFileSync(join(folder, 'gateway.conf'), gatewayText);
    writeFileSync(join(folder, 'client.txt'), formatClientCapture(ike, esp));
    let stdout = '';
    const io = {
      stdout: (text: string) => void (stdout += text),
      stderr: () => undefined,
      cwd: folder,
    };
    const exitCode = await runCli(
      ['check', '--client', 'client.txt', '--gateway', 'gateway.conf', '--json'],
      io,
    );
    const report = JSON.parse(stdout) as { findings: Array<{ code: string }> };
    const codes = [...new Set(report.findings.map((finding) => finding.code))];
    const exchanges = [...new Set(codes.map((code) => EXCHANGE_BY_CODE[code]))];
    if (exchanges.length > 1 || exchanges.includes(undefined)) {
      throw new Error(`check reported unexpected codes: ${codes.join(', ')}`);
    }
    return { exitCode, failedExchange: exchanges[0] ?? null, codes };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
