/** Reading input files as Windows writes them: UTF-16 with a BOM, UTF-8 with or without one, CRLF. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Diagnostic, SourcePosition } from '../../diagnostics.js';
import { decodeText } from '../../text.js';
import { inputDiagnostic } from '../model.js';

/** One line of an input, without its line ending. */
export interface SourceLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

/** The decoded text of an input, and how to name positions in it. */
export interface SourceText {
  /** Name of the input in messages. */
  file: string;
  text: string;
  /** Line and column of the first line of `text` in `file`: 1 and 1 unless the text is embedded. */
  origin: { line: number; column: number };
}

export function positionIn(source: SourceText, line: number, column: number): SourcePosition {
  const fileLine = source.origin.line + line - 1;
  const fileColumn = line === 1 ? source.origin.column + column - 1 : column;
  return { file: source.file, line: fileLine, column: fileColumn };
}

/** Splits on LF, CRLF or CR, so captures from any tool read the same. */
export function splitLines(source: SourceText): SourceLine[] {
  return source.text.split(/\r\n|\n|\r/).map((text, index) => ({ text, line: index + 1 }));
}

/** Converts an offset in `source.text` to a position. */
export function positionAtOffset(source: SourceText, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < source.text.length; index += 1) {
    const character = source.text[index];
    if (character === '\n' || (character === '\r' && source.text[index + 1] !== '\n')) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return positionIn(source, line, offset - lineStart + 1);
}

export type ReadResult = { source: SourceText } | { diagnostics: Diagnostic[] };

/**
 * Reads and decodes an input file. A missing file, a UTF-16 file with an odd number of
 * bytes (cut off mid-character), bytes that are not valid in the encoding, or NUL
 * characters in UTF-8 text (UTF-16 read without its BOM) are errors with a position.
 */
export function readSourceFile(file: string, cwd: string): ReadResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(cwd, file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    const reason = code === 'ENOENT' ? 'file not found' : code;
    return {
      diagnostics: [
        inputDiagnostic(
          'input-unreadable',
          'error',
          { file, line: 1, column: 1 },
          `cannot read ${file} (${reason})`,
          'Check the path.',
        ),
      ],
    };
  }
  return decodeSource(file, bytes);
}

/** Decodes bytes already in memory; see readSourceFile. */
export function decodeSource(file: string, bytes: Uint8Array): ReadResult {
  const isUtf16 =
    bytes.length >= 2 &&
    ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  const text = decodeText(bytes);
  const source: SourceText = { file, text, origin: { line: 1, column: 1 } };
  if (isUtf16 && bytes.length % 2 === 1) {
    return {
      diagnostics: [
        inputDiagnostic(
          'input-truncated',
          'error',
          positionAtOffset(source, text.length),
          `${file} is UTF-16 but has an odd number of bytes, so it was cut off`,
          'Capture the output again and copy the whole file.',
        ),
      ],
    };
  }
  const bad = text.search(/[\uFFFD\u0000]/);
  if (bad >= 0) {
    const what = text[bad] === '\u0000' ? 'a NUL character' : 'bytes that are not valid text';
    return {
      diagnostics: [
        inputDiagnostic(
          'input-encoding-invalid',
          'error',
          positionAtOffset(source, bad),
          `${file} contains ${what}: the file is damaged, or UTF-16 without a byte-order mark`,
          'Save the capture as UTF-8 or as UTF-16 with a byte-order mark (Out-File does both).',
        ),
      ],
    };
  }
  return { source };
}
