/**
 * The input kinds `check` reads, one reader each. A new kind (such as a gateway
 * configuration) adds a reader here and an observation kind in ../model.ts.
 */
import type { ParseResult } from '../model.js';
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

/** Captures that may be Format-List text or ConvertTo-Json output are told apart by their first character. */
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

/** Reads every input. Any error diagnostic means the inputs cannot be compared (exit 2). */
export function readInputs(inputs: readonly CheckInput[], cwd: string): ParseResult {
  const result: ParseResult = { observations: [], diagnostics: [] };
  for (const input of inputs) {
    const read = readSourceFile(input.file, cwd);
    if ('diagnostics' in read) {
      result.diagnostics.push(...read.diagnostics);
      continue;
    }
    const parsed = READERS[input.kind](read.source, input.file);
    result.observations.push(...parsed.observations);
    result.diagnostics.push(...parsed.diagnostics);
  }
  return result;
}
