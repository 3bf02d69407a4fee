/**
 * A strict scanner for the XML subset ProfileXML uses: elements, attributes, text,
 * comments, CDATA and processing instructions. It checks nesting so that a truncated
 * or damaged file is an error with an offset, and returns every element's text.
 * Document type declarations are rejected because ProfileXML never has one.
 */

export interface XmlElement {
  name: string;
  /** Names of the enclosing elements, outermost first. */
  ancestors: string[];
  /** Text content with entities decoded; child elements' text is not included. */
  text: string;
  /** Offset of the first text character, or of the start tag when there is no text. */
  textOffset: number;
  offset: number;
}

export class XmlScanError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

const START_TAG =
  /<([A-Za-z_][\w.\-:]*)((?:\s+[A-Za-z_][\w.\-:]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.\-:]*)\s*>/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

interface OpenElement extends XmlElement {
  hasText: boolean;
}

/** Scans `text`; throws XmlScanError at the first problem. */
export function scanXml(text: string): XmlElement[] {
  const elements: XmlElement[] = [];
  const stack: OpenElement[] = [];
  let offset = 0;
  let rootClosed = false;
  while (offset < text.length) {
    const next = text.indexOf('<', offset);
    const end = next < 0 ? text.length : next;
    appendText(text, offset, end, stack, rootClosed);
    if (next < 0) {
      break;
    }
    offset = scanMarkup(text, next, stack, elements);
    if (stack.length === 0 && elements.length > 0) {
      rootClosed = true;
    }
  }
  if (stack.length > 0) {
    throw new XmlScanError(
      `the XML ends before </${stack[stack.length - 1]!.name}> (truncated?)`,
      text.length,
    );
  }
  if (elements.length === 0) {
    throw new XmlScanError('no XML element found', 0);
  }
  return elements;
}

function scanMarkup(
  text: string,
  start: number,
  stack: OpenElement[],
  elements: XmlElement[],
): number {
  for (const [open, close, what] of [
    ['<!--', '-->', 'comment'],
    ['<![CDATA[', ']]>', 'CDATA section'],
    ['<?', '?>', 'processing instruction'],
  ] as const) {
    if (text.startsWith(open, start)) {
      const closeAt = text.indexOf(close, start + open.length);
      if (closeAt < 0) {
        throw new XmlScanError(`a ${what} is not closed (truncated?)`, start);
      }
      if (what === 'CDATA section' && stack.length > 0) {
        const top = stack[stack.length - 1]!;
        addText(top, text.slice(start + open.length, closeAt), start);
      }
      return closeAt + close.length;
    }
  }

  if (text.startsWith('<!', start)) {
    throw new XmlScanError('document type declarations are not allowed in ProfileXML', start);
  }

  END_TAG.lastIndex = start;
  const endTag = END_TAG.exec(text);
  if (endTag !== null) {
    const top = stack.pop();
    if (top === undefined || top.name !== endTag[1]) {
      throw new XmlScanError(
        top === undefined
          ? `</${endTag[1]}> has no start tag`
          : `</${endTag[1]}> closes <${top.name}>`,
        start,
      );
    }
    return END_TAG.lastIndex;
  }

  START_TAG.lastIndex = start;
  const startTag = START_TAG.exec(text);
  if (startTag === null) {
    throw new XmlScanError('a tag is malformed or cut off', start);
  }
  if (stack.length === 0 && elements.length > 0) {
    throw new XmlScanError(`<${startTag[1]}> follows the root element`, start);
  }
  const element: OpenElement = {
    name: startTag[1]!,
    ancestors: stack.map((open) => open.name),
    text: '',
    textOffset: START_TAG.lastIndex,
    offset: start,
    hasText: false,
  };
  elements.push(element);
  if (startTag[3] !== '/') {
    stack.push(element);
  }
  return START_TAG.lastIndex;
}

function appendText(
  text: string,
  from: number,
  to: number,
  stack: OpenElement[],
  rootClosed: boolean,
): void {
  const raw = text.slice(from, to);
  if (raw === '') {
    return;
  }
  const top = stack[stack.length - 1];
  if (top === undefined) {
    if (raw.trim() !== '') {
      throw new XmlScanError(
        rootClosed ? 'text follows the root element' : 'text precedes the root element',
        from + raw.search(/\S/),
      );
    }
    return;
  }
  addText(top, decodeEntities(raw, from), from);
}

function addText(element: OpenElement, value: string, offset: number): void {
  if (!element.hasText && value.trim() !== '') {
    element.textOffset = offset + value.search(/\S/);
    element.hasText = true;
  }
  element.text += value;
}

function decodeEntities(raw: string, base: number): string {
  let result = '';
  let index = 0;
  for (;;) {
    const ampersand = raw.indexOf('&', index);
    if (ampersand < 0) {
      return result + raw.slice(index);
    }
    result += raw.slice(index, ampersand);
    ENTITY.lastIndex = ampersand;
    const entity = ENTITY.exec(raw);
    if (entity === null) {
      throw new XmlScanError('an "&" does not start a known entity', base + ampersand);
    }
    result +=
      entity[1] !== undefined ? NAMED[entity[1]]! : decodeCharacter(entity, base + ampersand);
    index = ENTITY.lastIndex;
  }
}

/**
 * Decodes `&#N;` or `&#xN;`. XML 1.0 (section 2.2, production Char) allows only tab,
 * line feed, carriage return and U+0020 to U+10FFFF without surrogates, U+FFFE and
 * U+FFFF. A reference to any other code point makes the document not well-formed.
 */
function decodeCharacter(entity: RegExpExecArray, offset: number): string {
  const code = entity[2] !== undefined ? Number(entity[2]) : Number.parseInt(entity[3]!, 16);
  const allowed =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) {
    throw new XmlScanError(`${entity[0]} refers to a code point that XML does not allow`, offset);
  }
  return String.fromCodePoint(code);
}
