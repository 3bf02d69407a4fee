/**
 * A well-formedness check for the XML files a baseline names (the EAP export), which are
 * embedded as markup in generated profiles. It follows the XML 1.0 grammar for one
 * document without a DOCTYPE: elements, attributes, character and entity references,
 * comments, CDATA sections and processing instructions. It does not resolve namespaces
 * or validate against a schema.
 */

// NOTE: names use simplified NameStartChar and NameChar classes (XML 1.0 section 2.3):
// ASCII letters, `_` and `:`, plus every character from U+00C0 up; later characters may
// also be digits, `.`, `-` or U+00B7. Character references are not checked for legal
// code points, so `&#0;` passes.
const NAME = '[A-Za-z_:\\u00C0-\\uFFFD][-A-Za-z0-9_:.\\u00B7\\u00C0-\\uFFFD]*';
const ATTRIBUTE = `(${NAME})\\s*=\\s*("[^<"]*"|'[^<']*')`;
const ATTRIBUTE_SHAPE = `${NAME}\\s*=\\s*(?:"[^<"]*"|'[^<']*')`;

const XML_DECLARATION = /<\?xml\s[^?]*\?>/y;
const START_TAG = new RegExp(`<(${NAME})((?:\\s+${ATTRIBUTE_SHAPE})*)\\s*(/?)>`, 'y');
const END_TAG = new RegExp(`</(${NAME})\\s*>`, 'y');
const COMMENT = /<!--([\s\S]*?)-->/y;
const CDATA_SECTION = /<!\[CDATA\[[\s\S]*?\]\]>/y;
const PROCESSING_INSTRUCTION = new RegExp(`<\\?(${NAME})(?:\\s[\\s\\S]*?)?\\?>`, 'y');
const TEXT = /[^<]+/y;

/** Characters XML 1.0 forbids anywhere (section 2.2), lone surrogates included. */
const FORBIDDEN_CHARACTER =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** References XML 1.0 defines without a DOCTYPE: the five predefined entities and character references. */
const REFERENCE = /&(?:lt|gt|amp|apos|quot|#[0-9]+|#x[0-9A-Fa-f]+);/g;

interface Cursor {
  text: string;
  index: number;
}

/**
 * Finds the first well-formedness error in an XML document with one root element.
 * Returns it as `line L, column C: problem`, or undefined when the document is well-formed.
 */
export function findXmlProblem(text: string): string | undefined {
  const forbidden = FORBIDDEN_CHARACTER.exec(text);
  if (forbidden !== null) {
    const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return at(text, forbidden.index, `character U+${code} is not allowed in XML 1.0`);
  }

  const cursor: Cursor = { text, index: 0 };
  if (text.startsWith('\uFEFF')) {
    cursor.index = 1;
  }
  match(cursor, XML_DECLARATION);
  const open: string[] = [];
  let rootClosed = false;

  while (cursor.index < text.length) {
    const start = cursor.index;
    const problem = readNode(cursor, open, rootClosed);
    if (problem !== undefined) {
      return at(text, start, problem);
    }
    if (open.length === 0 && /^<[^!?]/.test(text.slice(start, start + 2))) {
      rootClosed = true;
    }
  }

  if (open.length > 0) {
    return at(text, text.length, `element <${open[open.length - 1]}> is not closed`);
  }
  return rootClosed ? undefined : at(text, 0, 'there is no root element');
}

/** Reads one node at the cursor and advances past it. Returns a problem text if it is malformed. */
function readNode(cursor: Cursor, open: string[], rootClosed: boolean): string | undefined {
  const comment = match(cursor, COMMENT);
  if (comment !== undefined) {
    const body = comment[1] ?? '';
    return body.includes('--') || body.endsWith('-')
      ? 'a comment contains "--" or ends with "-"'
      : undefined;
  }
  if (match(cursor, CDATA_SECTION) !== undefined) {
    return open.length === 0 ? 'a CDATA section stands outside the root element' : undefined;
  }
  const instruction = match(cursor, PROCESSING_INSTRUCTION);
  if (instruction !== undefined) {
    return instruction[1]?.toLowerCase() === 'xml'
      ? 'an XML declaration may only start the document'
      : undefined;
  }
  if (cursor.text.startsWith('<!', cursor.index)) {
    return 'a DOCTYPE or other declaration is not allowed';
  }

  const endTag = match(cursor, END_TAG);
  if (endTag !== undefined) {
    const expected = open.pop();
    return endTag[1] === expected
      ? undefined
      : `end tag </${endTag[1]}> does not match ${expected === undefined ? 'any open element' : `<${expected}>`}`;
  }
  const startTag = match(cursor, START_TAG);
  if (startTag !== undefined) {
    return readStartTag(startTag, open, rootClosed);
  }
  if (cursor.text.startsWith('<', cursor.index)) {
    return 'a tag is malformed';
  }

  const text = match(cursor, TEXT)?.[0] ?? '';
  if (open.length === 0) {
    return text.trim() === '' ? undefined : 'text stands outside the root element';
  }
  return checkCharacterData(text);
}

function readStartTag(
  startTag: RegExpExecArray,
  open: string[],
  rootClosed: boolean,
): string | undefined {
  const [, name = '', attributes = '', selfClosing] = startTag;
  if (open.length === 0 && rootClosed) {
    return `a second root element <${name}> follows the first one`;
  }
  const problem = checkAttributes(attributes);
  if (problem !== undefined) {
    return `element <${name}>: ${problem}`;
  }
  if (selfClosing !== '/') {
    open.push(name);
  }
  return undefined;
}

function checkAttributes(attributes: string): string | undefined {
  const seen = new Set<string>();
  for (const [, name = '', quoted = ''] of attributes.matchAll(new RegExp(ATTRIBUTE, 'g'))) {
    if (seen.has(name)) {
      return `attribute ${name} appears twice`;
    }
    seen.add(name);
    if (quoted.slice(1, -1).replace(REFERENCE, '').includes('&')) {
      return `attribute ${name} contains an & that does not start a predefined or character reference`;
    }
  }
  return undefined;
}

function checkCharacterData(text: string): string | undefined {
  if (text.includes(']]>')) {
    return 'text contains "]]>", which XML allows only to end a CDATA section';
  }
  if (text.replace(REFERENCE, '').includes('&')) {
    return 'text contains an & that does not start a predefined or character reference (write &amp;)';
  }
  return undefined;
}

function match(cursor: Cursor, pattern: RegExp): RegExpExecArray | undefined {
  pattern.lastIndex = cursor.index;
  const result = pattern.exec(cursor.text);
  if (result === null) {
    return undefined;
  }
  cursor.index = pattern.lastIndex;
  return result;
}

function at(text: string, index: number, problem: string): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${problem}`;
}
