/** Parsing a JSON capture into located nodes, with syntax errors as diagnostics. */
import type { Diagnostic } from '../../diagnostics.js';
import { inputDiagnostic } from '../model.js';
import { JsonSyntaxError, parseJson, type JsonNode } from './json-source.js';
import { positionAtOffset, type SourceText } from './source-text.js';

export function parseJsonDocument(
  source: SourceText,
): { node: JsonNode } | { diagnostics: Diagnostic[] } {
  try {
    return { node: parseJson(source.text) };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) {
      throw error;
    }
    return {
      diagnostics: [
        inputDiagnostic(
          'json-syntax',
          'error',
          positionAtOffset(source, error.offset),
          `${source.file} is not valid JSON: ${error.message}`,
          'Capture the output again with ConvertTo-Json, or use the collector script.',
        ),
      ],
    };
  }
}

/** The one object of a capture: a single object, or an array holding exactly one. */
export function singleObject(
  source: SourceText,
  node: JsonNode,
  describe: string,
): { node: Extract<JsonNode, { type: 'object' }> } | { diagnostics: Diagnostic[] } {
  const candidate = node.type === 'array' && node.items.length === 1 ? node.items[0]! : node;
  if (candidate.type === 'object') {
    return { node: candidate };
  }
  return {
    diagnostics: [
      inputDiagnostic(
        'json-shape',
        'error',
        positionAtOffset(source, node.offset),
        `${source.file} holds ${node.type === 'array' ? `an array of ${node.items.length}` : `a ${node.type}`}, but ${describe} is one JSON object`,
        'Capture one server or one connection per file.',
      ),
    ],
  };
}
