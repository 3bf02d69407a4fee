/** A parsed YAML source that maps baseline paths back to file, line and column. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { SourcePosition } from '../diagnostics.js';

export interface YamlSource {
  file: string;
  text: string;
  document: Document;
  lineCounter: LineCounter;
}

export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  // resolveKnownTags: false leaves YAML 1.1 tags such as !!binary, !!timestamp and !!set
  // unresolved, so they are reported instead of turning into a Buffer, Date or Set.
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    resolveKnownTags: false,
  });
  return { file, text, document, lineCounter };
}

/** Converts a character offset into a 1-based position. */
export function positionAt(source: YamlSource, offset: number): SourcePosition {
  const { line, col } = source.lineCounter.linePos(offset);
  return { file: source.file, line, column: col };
}

/** Returns the scalar at `path` as written in the file, or undefined when there is none. */
export function sourceTextAt(
  source: YamlSource,
  path: ReadonlyArray<string | number>,
): string | undefined {
  const node = source.document.getIn(path, true);
  if (!isScalar(node) || node.range === undefined || node.range === null) {
    return undefined;
  }
  return source.text.slice(node.range[0], node.range[1]);
}

/**
 * Finds the position of the node at `path`. With `key: true` the position is that of
 * the map key (for unknown or misplaced keys). Falls back to the nearest ancestor that
 * exists, so a missing property points at the object that lacks it.
 */
export function locate(
  source: YamlSource,
  path: ReadonlyArray<string | number>,
  options: { key?: boolean } = {},
): SourcePosition {
  let node: unknown = source.document.contents;
  let found: Node | undefined = isNodeWithRange(node) ? node : undefined;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => keyMatches(item.key, segment));
      if (pair === undefined) {
        break;
      }
      if (last && options.key === true && isNodeWithRange(pair.key)) {
        found = pair.key;
        break;
      }
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      break;
    }
    if (isNodeWithRange(node)) {
      found = node;
    } else {
      break;
    }
  }
  const offset = found?.range?.[0] ?? 0;
  return positionAt(source, offset);
}

/**
 * Compares a map key with a path segment the way toJS() turns scalar keys into property
 * names: `true`, `1` and `null` become "true", "1" and "". A list or map used as a key
 * never gets here, because the loader rejects it as yaml-collection-key.
 */
function keyMatches(key: unknown, segment: string | number | undefined): boolean {
  return isScalar(key) && (key.value === segment || String(key.value ?? '') === String(segment));
}

function isNodeWithRange(value: unknown): value is Node {
  return (
    typeof value === 'object' &&
    value !== null &&
    'range' in value &&
    Array.isArray((value as Node).range)
  );
}
