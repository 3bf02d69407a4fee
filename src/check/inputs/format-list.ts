/** PowerShell Format-List text: one `Label : Value` line per property, blocks separated by blank lines. */
import type { Diagnostic } from '../../diagnostics.js';
import { inputDiagnostic, type Located } from '../model.js';
import { propertyKey } from './properties.js';
import { positionIn, splitLines, type SourceText } from './source-text.js';

export interface FormatListBlock {
  /** Properties by label as printed, such as `PFSgroup` or `SALifeTime(s)`. */
  properties: Map<string, Located<string>>;
  /** Position of the block's first line. */
  position: Located<string>['position'];
}

const PROPERTY_LINE = /^([A-Za-z][A-Za-z0-9]*(?:\([A-Za-z]+\))?)(\s*): ?(.*)$/;

/**
 * Parses Format-List output into blocks. A line that is neither blank nor
 * `Label : Value` is an error, and so is a label printed twice in one block.
 */
export function parseFormatList(
  source: SourceText,
  describe: string,
): { blocks: FormatListBlock[]; diagnostics: Diagnostic[] } {
  const blocks: FormatListBlock[] = [];
  const diagnostics: Diagnostic[] = [];
  let current: FormatListBlock | undefined;
  for (const { text, line } of splitLines(source)) {
    if (text.trim() === '') {
      current = undefined;
      continue;
    }
    const match = PROPERTY_LINE.exec(text.trimEnd());
    if (match === null) {
      diagnostics.push(
        inputDiagnostic(
          'format-list-line-invalid',
          'error',
          positionIn(source, line, 1),
          `line ${JSON.stringify(text.trim())} is not a "Name : Value" line of ${describe}`,
          'Capture the command output unchanged (Format-List text or ConvertTo-Json).',
        ),
      );
      continue;
    }
    const [, label, padding, value] = match as unknown as [string, string, string, string];
    if (current === undefined) {
      current = { properties: new Map(), position: positionIn(source, line, 1) };
      blocks.push(current);
    }
    const valueColumn = label.length + padding.length + 3;
    // Property names are case-insensitive, and SALifeTime(s) is the label of SALifeTime.
    if ([...current.properties.keys()].some((seen) => propertyKey(seen) === propertyKey(label))) {
      diagnostics.push(
        inputDiagnostic(
          'format-list-duplicate',
          'error',
          positionIn(source, line, 1),
          `${label} appears twice in one block of ${describe}`,
          'Capture the output of one command for one connection or server per file.',
        ),
      );
      continue;
    }
    current.properties.set(label, {
      value: value.trim(),
      position: positionIn(source, line, valueColumn),
    });
  }
  if (diagnostics.length === 0) {
    diagnostics.push(...checkLastLineEnded(source, describe));
  }
  return { blocks, diagnostics };
}

/**
 * Rejects text whose last property line has no line break. Windows ends Format-List
 * output with line breaks, so a missing one means the capture was cut, possibly inside
 * a value (28800 cut to 288), which would otherwise be read as a real value.
 */
function checkLastLineEnded(source: SourceText, describe: string): Diagnostic[] {
  const lines = splitLines(source);
  const last = lines[lines.length - 1]!;
  if (last.text.trim() === '') {
    return [];
  }
  return [
    inputDiagnostic(
      'format-list-cut',
      'error',
      positionIn(source, last.line, last.text.length + 1),
      `${describe} ends inside a line, so the capture was cut and its last value may be incomplete`,
      'Capture the whole output again. If the file is complete, end it with a line break.',
    ),
  ];
}
