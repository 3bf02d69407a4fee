/**
 * A reader for strongSwan's settings syntax (swanctl.conf, strongswan.conf): nested
 * `name { ... }` sections and `key = value` lines, `#` comments. Sections with the
 * same name merge and a later value replaces an earlier one, as in strongSwan.
 * `include` lines are reported, not followed.
 */

/** A value with the 1-based line and column where it starts. */
export interface PositionedValue {
  value: string;
  line: number;
  column: number;
}

export interface SettingsSection {
  values: Map<string, PositionedValue>;
  sections: Map<string, SettingsSection>;
  /** Line on which the section was first opened. */
  line: number;
}

export interface SettingsProblem {
  message: string;
  line: number;
  column: number;
}

export interface ParsedSettings {
  root: SettingsSection;
  problems: SettingsProblem[];
  includes: PositionedValue[];
}

function newSection(line: number): SettingsSection {
  return { values: new Map(), sections: new Map(), line };
}

function stripComment(text: string): string {
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '"') {
      quoted = !quoted;
    } else if (character === '#' && !quoted) {
      return text.slice(0, index);
    }
  }
  return text;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1);
  }
  return trimmed;
}

/** Parses settings text. Problems carry positions; parsing goes on after each. */
export function parseSettings(text: string): ParsedSettings {
  const root = newSection(1);
  const stack: SettingsSection[] = [root];
  const problems: SettingsProblem[] = [];
  const includes: PositionedValue[] = [];
  const lines = text.split(/\r?\n/);

  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    let rest = stripComment(rawLine);
    let offset = 0;
    while (rest.trim() !== '') {
      const leading = rest.length - rest.trimStart().length;
      offset += leading;
      rest = rest.trimStart();
      const column = offset + 1;
      const current = stack[stack.length - 1]!;

      if (rest.startsWith('}')) {
        if (stack.length === 1) {
          problems.push({ message: 'unmatched "}"', line: lineNumber, column });
        } else {
          stack.pop();
        }
        rest = rest.slice(1);
        offset += 1;
        continue;
      }

      const include = /^include\s+(\S.*)$/.exec(rest);
      if (include !== null && stack.length >= 1) {
        includes.push({ value: include[1]!.trim(), line: lineNumber, column });
        return;
      }

      const section = /^([^\s{}=]+)\s*\{/.exec(rest);
      if (section !== null) {
        const name = section[1]!;
        let child = current.sections.get(name);
        if (child === undefined) {
          child = newSection(lineNumber);
          current.sections.set(name, child);
        }
        stack.push(child);
        rest = rest.slice(section[0].length);
        offset += section[0].length;
        continue;
      }

      const assignment = /^([^\s{}=]+)\s*=(.*)$/.exec(rest);
      if (assignment !== null) {
        // A value runs to the end of the line; a closing brace after it ends the section.
        let value = assignment[2]!;
        let closes = 0;
        while (/}\s*$/.test(value) && !value.trim().startsWith('"')) {
          value = value.replace(/}\s*$/, '');
          closes += 1;
        }
        const valueColumn = column + assignment[0].indexOf('=') + 1;
        current.values.set(assignment[1]!, {
          value: unquote(value),
          line: lineNumber,
          column: valueColumn + (value.length - value.trimStart().length),
        });
        for (let count = 0; count < closes && stack.length > 1; count++) {
          stack.pop();
        }
        return;
      }

      problems.push({
        message: `expected "name {", "key = value" or "}", found "${rest.trim()}"`,
        line: lineNumber,
        column,
      });
      return;
    }
  });

  if (stack.length > 1) {
    const open = stack[stack.length - 1]!;
    problems.push({ message: 'section not closed with "}"', line: open.line, column: 1 });
  }
  return { root, problems, includes };
}
