/**
 * The input kinds `check` reads, one reader each. A new kind (such as a gateway
 * configuration) adds a reader here and an observation kind in ../model.ts.
 */
import type { Diagnostic } from '../../diagnostics.js';
import { inputDiagnostic, type ParseResult } from '../model.js';
import { parseClientJson, parseClientText } from './client.js';
import { parseCollected } from './collected.js';
import { parseGatewayText } from './gateway.js';
import { parseNpsText } from './nps.js';
import { parseProfileXml } from './profile-xml.js';
import { parseRegistryText } from './registry.js';
import { parseServerJson, parseServerText } from './server.js';
import { readSourceFile, type SourceText } from './source-text.js';

export type InputKind =
  'server' | 'client' | 'profile-xml' | 'nps' | 'registry' | 'collected' | 'gateway';

export interface CheckInput {
  kind: InputKind;
  file: string;
}

type Reader = (source: SourceText, artifact: string) => ParseResult;

/** Captures that may be Format-List text or ConvertTo-Json output are distinguished by their first character. */
function textOrJson(text: Reader, json: Reader): Reader {
  return (source, artifact) => (/^\s*[[{]/.test(source.text) ? json : text)(source, artifact);
}

const READERS: Readonly<Record<InputKind, Reader>> = {
  server: textOrJson(parseServerText, parseServerJson),
  client: textOrJson(parseClientText, parseClientJson),
  'profile-xml': parseProfileXml,
  nps: parseNpsText,
  registry: parseRegistryText,
  collected: (source) => parseCollected(source),
  gateway: parseGatewayText,
};

export interface ReadOptions {
  /** The one connection of each `--gateway` file to compare (`--gateway-connection`). */
  gatewayConnection?: string;
}

/** Reads every input. Any error diagnostic means the inputs cannot be compared (exit 2). */
export function readInputs(
  inputs: readonly CheckInput[],
  cwd: string,
  options: ReadOptions = {},
): ParseResult {
  const result: ParseResult = { observations: [], diagnostics: [] };
  const readers: Readonly<Record<InputKind, Reader>> = {
    ...READERS,
    gateway: (source, artifact) => parseGatewayText(source, artifact, options.gatewayConnection),
  };
  for (const input of inputs) {
    const read = readSourceFile(input.file, cwd);
    if ('diagnostics' in read) {
      result.diagnostics.push(...read.diagnostics);
      continue;
    }
    const parsed = readers[input.kind](read.source, input.file);
    result.observations.push(...parsed.observations);
    result.diagnostics.push(...limitDiagnostics(parsed.diagnostics, input.file));
  }
  return result;
}

/** Number of problems shown per input and severity, because a damaged file can have one per line. */
const SHOWN_PER_SEVERITY = 20;

/**
 * Keeps the first problems of each severity and replaces the rest with one summary of
 * the same severity, so that a large damaged file still ends with exit code 2.
 */
function limitDiagnostics(diagnostics: readonly Diagnostic[], file: string): Diagnostic[] {
  const kept: Diagnostic[] = [];
  const hidden = new Map<Diagnostic['severity'], number>();
  for (const diagnostic of diagnostics) {
    const shown = kept.filter((each) => each.severity === diagnostic.severity).length;
    if (shown < SHOWN_PER_SEVERITY) {
      kept.push(diagnostic);
    } else {
      hidden.set(diagnostic.severity, (hidden.get(diagnostic.severity) ?? 0) + 1);
    }
  }
  for (const [severity, count] of hidden) {
    kept.push(
      inputDiagnostic(
        'input-too-many-problems',
        severity,
        { file, line: 1, column: 1 },
        `${file} has ${count} more problem(s) of severity ${severity}, not shown`,
        'Fix the problems shown first, or capture the file again.',
      ),
    );
  }
  return kept;
}
