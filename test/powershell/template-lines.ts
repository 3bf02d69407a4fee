/**
 * Maps a line of a generated script back to the template line that produced it, so a
 * failure names the template to fix. Handlebars keeps no source map, so each template
 * line becomes a pattern (its literal text, with every {{...}} as a wildcard) and the
 * line with the most literal text that matches wins.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT } from '../helpers/baselines.js';

export const TEMPLATE_FOLDER = join(REPO_ROOT, 'templates');

export interface TemplateLine {
  /** Template path relative to the template folder's parent, such as templates/rras/x.ps1.hbs. */
  template: string;
  line: number;
}

interface LinePattern extends TemplateLine {
  pattern: RegExp;
  literalLength: number;
}

/** Literal text shorter than this matches too many lines to point anywhere. */
const MIN_LITERAL_LENGTH = 4;

function listFiles(folder: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileLine(text: string): { pattern: RegExp; literalLength: number } | undefined {
  const literals = text.trim().split(/\{\{~?[^}]*~?\}\}/);
  const literalLength = literals.join('').trim().length;
  if (literalLength < MIN_LITERAL_LENGTH) {
    return undefined;
  }
  const body = literals.map(escapeRegExp).join('.*?');
  return { pattern: new RegExp(`^\\s*${body}\\s*$`), literalLength };
}

/** Compiles every line of every template under `folder`. */
export function loadTemplatePatterns(folder = TEMPLATE_FOLDER): LinePattern[] {
  const patterns: LinePattern[] = [];
  for (const file of listFiles(folder)) {
    const template = relative(join(folder, '..'), file);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        const compiled = compileLine(text);
        if (compiled !== undefined) {
          patterns.push({ template, line: index + 1, ...compiled });
        }
      });
  }
  return patterns;
}

/**
 * Finds the template line that most likely produced `generatedLine`. Templates whose
 * path contains `target` are preferred. Returns undefined when no line matches.
 */
export function findTemplateLine(
  generatedLine: string,
  patterns: readonly LinePattern[],
  target?: string,
): TemplateLine | undefined {
  let best: LinePattern | undefined;
  let bestScore = -1;
  for (const candidate of patterns) {
    if (!candidate.pattern.test(generatedLine)) {
      continue;
    }
    const preferred = target !== undefined && candidate.template.includes(target) ? 1e6 : 0;
    const score = preferred + candidate.literalLength;
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best === undefined ? undefined : { template: best.template, line: best.line };
}

/** "templates/x.hbs line N", or a note that no template line matched. */
export function describeTemplateLine(
  scriptText: string,
  line: number,
  patterns: readonly LinePattern[],
  target?: string,
): string {
  const generatedLine = scriptText.replace(/^\uFEFF/, '').split('\n')[line - 1] ?? '';
  const found = findTemplateLine(generatedLine, patterns, target);
  return found === undefined
    ? 'no template line matches it'
    : `from ${found.template} line ${found.line}`;
}
