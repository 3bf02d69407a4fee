/**
 * A small JSON parser that keeps the position of every value, so a bad value in a
 * capture is reported with its line and column. JSON.parse reports only an offset for
 * syntax errors and nothing for values.
 */
import type { SourcePosition } from '../../diagnostics.js';
import { positionAtOffset, type SourceText } from './source-text.js';

export type JsonNode =
  | { type: 'object'; entries: Map<string, JsonNode>; offset: number }
  | { type: 'array'; items: JsonNode[]; offset: number }
  | { type: 'string'; value: string; offset: number }
  | { type: 'number'; value: number; offset: number }
  | { type: 'boolean'; value: boolean; offset: number }
  | { type: 'null'; offset: number };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses JSON text; throws JsonSyntaxError with the offset of the problem. */
export function parseJson(text: string): JsonNode {
  const parser = new JsonParser(text);
  const node = parser.parseValue();
  parser.skipSpace();
  if (!parser.atEnd()) {
    throw new JsonSyntaxError('unexpected text after the JSON value', parser.offset);
  }
  return node;
}

export function jsonPosition(source: SourceText, node: JsonNode): SourcePosition {
  return positionAtOffset(source, node.offset);
}

const STRING_PATTERN = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"/y;

class JsonParser {
  offset = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.offset >= this.text.length;
  }

  skipSpace(): void {
    while (!this.atEnd() && /[ \t\r\n]/.test(this.text[this.offset]!)) {
      this.offset += 1;
    }
  }

  parseValue(): JsonNode {
    this.skipSpace();
    if (this.atEnd()) {
      throw new JsonSyntaxError('the JSON ends early (truncated?)', this.offset);
    }
    const start = this.offset;
    const character = this.text[start]!;
    if (character === '{') {
      return this.parseObject();
    }
    if (character === '[') {
      return this.parseArray();
    }
    if (character === '"') {
      return { type: 'string', value: this.parseString(), offset: start };
    }
    const literal = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(
      this.text.slice(start, start + 40),
    );
    if (literal === null) {
      throw new JsonSyntaxError(`unexpected character ${JSON.stringify(character)}`, start);
    }
    this.offset += literal[0].length;
    if (literal[0] === 'null') {
      return { type: 'null', offset: start };
    }
    if (literal[0] === 'true' || literal[0] === 'false') {
      return { type: 'boolean', value: literal[0] === 'true', offset: start };
    }
    return { type: 'number', value: Number(literal[0]), offset: start };
  }

  private expect(character: string, what: string): void {
    this.skipSpace();
    if (this.atEnd()) {
      throw new JsonSyntaxError(
        `the JSON ends early where ${what} was expected (truncated?)`,
        this.offset,
      );
    }
    if (this.text[this.offset] !== character) {
      throw new JsonSyntaxError(`expected ${what}`, this.offset);
    }
    this.offset += 1;
  }

  private parseObject(): JsonNode {
    const start = this.offset;
    this.offset += 1;
    const entries = new Map<string, JsonNode>();
    const lowerCaseKeys = new Set<string>();
    this.skipSpace();
    if (this.text[this.offset] === '}') {
      this.offset += 1;
      return { type: 'object', entries, offset: start };
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.offset] !== '"') {
        throw new JsonSyntaxError(
          this.atEnd() ? 'the JSON ends early (truncated?)' : 'expected a property name',
          this.offset,
        );
      }
      const keyOffset = this.offset;
      const key = this.parseString();
      if (lowerCaseKeys.has(key.toLowerCase())) {
        // ConvertTo-Json writes each property once and PowerShell names ignore case, so a
        // repeated key means an edited or merged file, and either value could be meant.
        throw new JsonSyntaxError(
          `the key ${JSON.stringify(key)} appears twice in one object (names ignore case)`,
          keyOffset,
        );
      }
      lowerCaseKeys.add(key.toLowerCase());
      this.expect(':', '":"');
      entries.set(key, this.parseValue());
      this.skipSpace();
      if (this.text[this.offset] === ',') {
        this.offset += 1;
        continue;
      }
      this.expect('}', '"," or "}"');
      return { type: 'object', entries, offset: start };
    }
  }

  private parseArray(): JsonNode {
    const start = this.offset;
    this.offset += 1;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.offset] === ']') {
      this.offset += 1;
      return { type: 'array', items, offset: start };
    }
    for (;;) {
      items.push(this.parseValue());
      this.skipSpace();
      if (this.text[this.offset] === ',') {
        this.offset += 1;
        continue;
      }
      this.expect(']', '"," or "]"');
      return { type: 'array', items, offset: start };
    }
  }

  private parseString(): string {
    const start = this.offset;
    STRING_PATTERN.lastIndex = start;
    const match = STRING_PATTERN.exec(this.text);
    if (match === null) {
      throw new JsonSyntaxError('a string is not closed or contains an invalid escape', start);
    }
    this.offset += match[0].length;
    return JSON.parse(match[0]) as string;
  }
}
