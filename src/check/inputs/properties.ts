/** Properties read from Format-List text or from JSON, in one shape for the server and client readers. */
import type { SourcePosition } from '../../diagnostics.js';
import type { FormatListBlock } from './format-list.js';
import { jsonPosition, type JsonNode } from './json-source.js';
import type { SourceText } from './source-text.js';

export interface RawProperty {
  /** The name as printed, such as `SALifeTime(s)`. */
  name: string;
  kind: 'text' | 'number' | 'boolean' | 'null' | 'structure';
  /** The value as text: Format-List prints everything as text. */
  text: string;
  position: SourcePosition;
}

/** Property name without the unit that Format-List labels carry, lower-cased: `SALifeTime(s)` is `salifetime`. */
export function propertyKey(name: string): string {
  return name.replace(/\([A-Za-z]+\)$/, '').toLowerCase();
}

export function propertiesFromBlock(block: FormatListBlock): Map<string, RawProperty> {
  const properties = new Map<string, RawProperty>();
  for (const [name, located] of block.properties) {
    properties.set(propertyKey(name), {
      name,
      kind: 'text',
      text: located.value,
      position: located.position,
    });
  }
  return properties;
}

/** Reads an object's properties; PowerShell 5.1's CIM metadata (Cim*) is skipped. */
export function propertiesFromJson(
  source: SourceText,
  node: Extract<JsonNode, { type: 'object' }>,
): Map<string, RawProperty> {
  const properties = new Map<string, RawProperty>();
  for (const [name, value] of node.entries) {
    if (name.startsWith('Cim') || name.startsWith('PS')) {
      continue;
    }
    properties.set(propertyKey(name), {
      name,
      kind: jsonKind(value),
      text: jsonText(value),
      position: jsonPosition(source, value),
    });
  }
  return properties;
}

function jsonKind(node: JsonNode): RawProperty['kind'] {
  switch (node.type) {
    case 'string':
      return 'text';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    default:
      return 'structure';
  }
}

function jsonText(node: JsonNode): string {
  switch (node.type) {
    case 'string':
      return node.value;
    case 'number':
    case 'boolean':
      return String(node.value);
    case 'null':
      return '';
    default:
      return node.type;
  }
}
