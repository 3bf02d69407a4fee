/** Diagnostics: problems found in a baseline or an input file, as data. Text is made at the edge. */

export type Severity = 'error' | 'warning' | 'info';

/** A position in a source file, 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  /** Stable identifier of the check, such as `esp-gcm-unpaired`. Tests assert codes, not wording. */
  code: string;
  severity: Severity;
  /** Description of the problem, naming the value. */
  message: string;
  /** The fix: what to change, and to what. */
  hint?: string;
  /** Path of the offending node in the baseline, such as `['esp', 'cipher']`. */
  path: ReadonlyArray<string | number>;
  position?: SourcePosition;
  /** Present when the baseline waives this rule, with the written reason. */
  waiver?: { reason: string };
}

/** Checks whether any diagnostic stops rendering: an unwaived error, or with `strict` an unwaived warning. */
export function hasBlockingDiagnostics(
  diagnostics: readonly Diagnostic[],
  strict = false,
): boolean {
  return diagnostics.some(
    (diagnostic) =>
      diagnostic.waiver === undefined &&
      (diagnostic.severity === 'error' || (strict && diagnostic.severity === 'warning')),
  );
}

/** Formats a path such as `connections[1].servers[0]`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else {
      text += text === '' ? segment : `.${segment}`;
    }
  }
  return text === '' ? '(document)' : text;
}

/**
 * Control characters (C0 and C1, which start terminal escape sequences), bidirectional
 * formatting and zero-width characters. A value from a baseline may contain them.
 */
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/g;

/** Replaces unprintable characters with `<U+XXXX>`, so printed text cannot drive the terminal. */
export function escapeUnprintable(text: string): string {
  return text.replace(
    UNPRINTABLE,
    (character) => `<U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/** Formats one diagnostic as `file:line:column: severity code: message` plus an indented hint. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const where =
    diagnostic.position === undefined
      ? ''
      : `${diagnostic.position.file}:${diagnostic.position.line}:${diagnostic.position.column}: `;
  // A waived finding does not fail the run, so it is labelled "waived" rather than with
  // its severity, and the waiver's reason replaces the hint on how to fix it.
  if (diagnostic.waiver !== undefined) {
    return [
      escapeUnprintable(
        `${where}waived ${diagnostic.code} (${diagnostic.severity} without the waiver): ${diagnostic.message}`,
      ),
      `  Waiver: ${escapeUnprintable(diagnostic.waiver.reason)}`,
    ].join('\n');
  }
  const lines = [
    escapeUnprintable(`${where}${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`),
  ];
  if (diagnostic.hint !== undefined) {
    lines.push(`  ${escapeUnprintable(diagnostic.hint)}`);
  }
  return lines.join('\n');
}

/** Sorts by position, then code, so output order does not depend on rule order. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((left, right) => {
    const leftLine = left.position?.line ?? 0;
    const rightLine = right.position?.line ?? 0;
    if (leftLine !== rightLine) {
      return leftLine - rightLine;
    }
    const leftColumn = left.position?.column ?? 0;
    const rightColumn = right.position?.column ?? 0;
    if (leftColumn !== rightColumn) {
      return leftColumn - rightColumn;
    }
    return left.code.localeCompare(right.code);
  });
}
