/** Decoding of text files as Windows tools write them. */

/**
 * Decodes a file's bytes: UTF-16LE or UTF-16BE with a byte-order mark (what Windows
 * PowerShell 5.1's `>` and `Out-File` write), otherwise UTF-8 with or without a BOM.
 * Line endings are left as they are.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
