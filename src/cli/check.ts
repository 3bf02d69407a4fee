/** `check`: read what machines have and name every field that differs, the side to fix and the command. */
import { loadBaselineFile } from '../baseline/load.js';
import { hasBlockingDiagnostics, sortDiagnostics, type Diagnostic } from '../diagnostics.js';
import { compareObservations, type CheckBaseline } from '../check/check.js';
import type { CheckReport } from '../check/findings.js';
import { readInputs, type CheckInput, type InputKind } from '../check/inputs/index.js';
import { formatJsonReport } from '../check/report/json.js';
import { formatMarkdownReport } from '../check/report/markdown.js';
import { formatTextReport } from '../check/report/text.js';
import { EXIT_FINDINGS, EXIT_INPUT_ERROR, EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';
import { printDiagnostics } from './validate.js';

export interface CheckOptions {
  server?: string[];
  client?: string[];
  profileXml?: string[];
  nps?: string[];
  registry?: string[];
  collected?: string[];
  gateway?: string[];
  gatewayConnection?: string;
  connectionName?: string;
  json?: boolean;
  markdown?: boolean;
  strict?: boolean;
}

const OPTION_KINDS: ReadonlyArray<{ option: keyof CheckOptions; kind: InputKind }> = [
  { option: 'server', kind: 'server' },
  { option: 'client', kind: 'client' },
  { option: 'profileXml', kind: 'profile-xml' },
  { option: 'nps', kind: 'nps' },
  { option: 'registry', kind: 'registry' },
  { option: 'collected', kind: 'collected' },
  { option: 'gateway', kind: 'gateway' },
];

export function runCheck(
  baselineFile: string | undefined,
  options: CheckOptions,
  io: CliIo,
): number {
  const inputs: CheckInput[] = OPTION_KINDS.flatMap(({ option, kind }) =>
    ((options[option] as string[] | undefined) ?? []).map((file) => ({ kind, file })),
  );
  if (inputs.length === 0) {
    io.stderr(
      'error: no inputs: pass at least one of --server, --client, --profile-xml, --nps, --registry, --collected or --gateway.\n',
    );
    return EXIT_INPUT_ERROR;
  }
  const misplacedBaseline = inputs.find(
    (input) => input.kind !== 'gateway' && /\.ya?ml$/i.test(input.file),
  );
  if (misplacedBaseline !== undefined) {
    // Input options take several files, so a baseline written after one is read as an input.
    io.stderr(
      `error: ${misplacedBaseline.file} was given as a --${misplacedBaseline.kind} input, but it looks like a baseline. Put the baseline first, before the options: aovpn-baseline check BASELINE --${misplacedBaseline.kind} FILE...\n`,
    );
    return EXIT_INPUT_ERROR;
  }
  if (options.json === true && options.markdown === true) {
    io.stderr('error: choose one of --json and --markdown.\n');
    return EXIT_INPUT_ERROR;
  }
  if (options.connectionName !== undefined && options.connectionName.trim() === '') {
    // An empty name would print fix commands with -ConnectionName '', which names no connection.
    io.stderr(
      'error: --connection-name is empty; pass the connection name as Get-VpnConnection shows it.\n',
    );
    return EXIT_INPUT_ERROR;
  }

  const gatewayConnectionError = checkGatewayConnection(options);
  if (gatewayConnectionError !== undefined) {
    io.stderr(`error: ${gatewayConnectionError}\n`);
    return EXIT_INPUT_ERROR;
  }

  const baseline = loadCheckBaseline(baselineFile, io);
  if (baseline === 'failed') {
    return EXIT_INPUT_ERROR;
  }

  const read = readInputs(inputs, io.cwd, { gatewayConnection: options.gatewayConnection });
  const errors = read.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  if (errors.length > 0) {
    printDiagnostics(sortDiagnostics(errors), io);
    io.stderr('check: an input could not be read, so no verdict was made.\n');
    return EXIT_INPUT_ERROR;
  }

  const report = compareObservations(read.observations, baseline, {
    connectionName: options.connectionName,
  });
  report.notes = uniqueNotes([...read.diagnostics, ...report.notes]);
  const comparisonErrors = report.notes.filter((note) => note.severity === 'error');
  if (comparisonErrors.length > 0) {
    printDiagnostics(comparisonErrors, io);
    return EXIT_INPUT_ERROR;
  }
  io.stdout(formatReport(report, options));
  return exitCodeOf(report, options.strict === true);
}

/** Returns the usage error of `--gateway-connection`, if any. */
function checkGatewayConnection(options: CheckOptions): string | undefined {
  if (options.gatewayConnection === undefined) {
    return undefined;
  }
  if (options.gatewayConnection.trim() === '') {
    return '--gateway-connection is empty; pass the name of the gateway connection that serves Windows clients.';
  }
  if ((options.gateway ?? []).length === 0) {
    return '--gateway-connection selects a connection of a --gateway file, but no --gateway file was given.';
  }
  return undefined;
}

function loadCheckBaseline(
  file: string | undefined,
  io: CliIo,
): CheckBaseline | undefined | 'failed' {
  if (file === undefined) {
    return undefined;
  }
  const loaded = loadBaselineFile(file, io.cwd);
  if (loaded.baseline === undefined || hasBlockingDiagnostics(loaded.diagnostics)) {
    printDiagnostics(loaded.diagnostics, io);
    io.stderr(`${file}: the baseline is not valid, so machines were not compared with it.\n`);
    return 'failed';
  }
  return { file, baseline: loaded.baseline };
}

function formatReport(report: CheckReport, options: CheckOptions): string {
  if (options.json === true) {
    return formatJsonReport(report);
  }
  return options.markdown === true ? formatMarkdownReport(report) : formatTextReport(report);
}

function exitCodeOf(report: CheckReport, strict: boolean): number {
  if (report.verdict !== 'agreement') {
    return EXIT_FINDINGS;
  }
  const warned =
    report.findings.some((finding) => finding.severity === 'warning') ||
    report.notes.some((note) => note.severity === 'warning');
  return strict && warned ? EXIT_FINDINGS : EXIT_OK;
}

function uniqueNotes(notes: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return notes.filter((note) => {
    const key = `${note.code}\n${note.message}\n${note.position?.file}:${note.position?.line}`;
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}
