/** Decoding of text files as Windows tools write them. */

/**
 * Decodes a file's bytes: UTF-16LE or UTF-16BE with a byte-order mark (what Windows
 * PowerShell 5.1's `>` and `Out-File` write), otherwise UTF-8 with or without a BOM.
 * Line endings are left as they are. Throws InvalidTextError for bytes that are not
 * UTF-8, instead of silently replacing them.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  const invalid = findInvalidUtf8(bytes, text);
  if (invalid !== undefined) {
    throw new InvalidTextError(invalid.line, invalid.column);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Bytes that are not valid UTF-8, such as a Windows-1252 file saved by an old editor. */
export class InvalidTextError extends Error {
  /** Node's errno name for an illegal byte sequence, so callers can switch on `code`. */
  readonly code = 'EILSEQ';

  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super(`not valid UTF-8 at line ${line}, column ${column}`);
  }
}

/**
 * Finds the first byte sequence the decoder replaced with U+FFFD. A U+FFFD that the
 * file itself contains (bytes EF BF BD) is valid and skipped.
 */
function findInvalidUtf8(
  bytes: Uint8Array,
  text: string,
): { line: number; column: number } | undefined {
  let index = text.indexOf('\uFFFD');
  while (index >= 0) {
    const before = text.slice(0, index);
    const offset = Buffer.byteLength(before, 'utf8');
    const written =
      bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd;
    if (!written) {
      return { line: before.split('\n').length, column: index - before.lastIndexOf('\n') };
    }
    index = text.indexOf('\uFFFD', index + 1);
  }
  return undefined;
}
