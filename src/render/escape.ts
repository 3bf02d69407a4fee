/**
 * Escaping for every output language. Every value that reaches PowerShell, XML or a
 * comment goes through one of these; templates never rely on Handlebars' HTML escaping.
 */

/**
 * Quotes a value as a PowerShell single-quoted string literal. PowerShell also treats
 * the typographic quotes U+2018, U+2019, U+201A and U+201B as single quotes, so each of
 * them is doubled like `'`. Nothing inside a single-quoted string is expanded.
 */
export function powershellString(value: string): string {
  assertNoNul(value, 'PowerShell string');
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

/** Escapes text content or an attribute value for XML 1.0. */
export function xmlText(value: string): string {
  // XML 1.0 allows tab, LF, CR and U+0020 and above (except surrogates and FFFE/FFFF).
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(value)) {
    throw new Error(`value ${JSON.stringify(value)} contains a character XML 1.0 cannot carry`);
  }
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * Quotes a value for a netsh command line or netsh script (`netsh -f`): netsh has no
 * escape for a double quote inside a quoted value, so such a value is rejected.
 */
export function netshValue(value: string): string {
  assertNoNul(value, 'netsh value');
  if (/["\r\n]/.test(value)) {
    throw new Error(
      `value ${JSON.stringify(value)} contains a double quote or line break, which netsh cannot quote`,
    );
  }
  return `"${value}"`;
}

/** Makes text safe inside a line comment (`#` in PowerShell, strongSwan and INI files). */
export function lineCommentText(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F\u2028\u2029]+/g, ' ');
}

/**
 * Makes text safe inside an XML comment, which must not contain `--` or end with `-`.
 * Characters XML 1.0 forbids (U+FFFE, U+FFFF, lone surrogates) become U+FFFD.
 */
export function xmlCommentText(value: string): string {
  return lineCommentText(value)
    .replace(
      /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '\uFFFD',
    )
    .replace(/-(?=-)/g, '- ')
    .replace(/-$/, '- ');
}

function assertNoNul(value: string, what: string): void {
  if (value.includes('\u0000')) {
    throw new Error(`${what} ${JSON.stringify(value)} contains a NUL character`);
  }
}
