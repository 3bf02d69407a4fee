/**
 * Loads Handlebars templates from templates/ and renders them with the escaping
 * helpers. Templates only read fields and call these helpers; every computed value
 * comes from the target's view model.
 */
import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import {
  lineCommentText,
  netshValue,
  powershellString,
  xmlCommentText,
  xmlText,
} from './escape.js';

const TEMPLATE_ROOT = new URL('../../templates/', import.meta.url);

const handlebars = Handlebars.create();

function requireString(helper: string, value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value !== 'string') {
    throw new Error(`template helper ${helper} needs a string, got ${JSON.stringify(value)}`);
  }
  return value;
}

// Each helper returns a SafeString so Handlebars adds no HTML escaping of its own.
handlebars.registerHelper(
  'ps',
  (value: unknown) => new Handlebars.SafeString(powershellString(requireString('ps', value))),
);
handlebars.registerHelper(
  'xml',
  (value: unknown) => new Handlebars.SafeString(xmlText(requireString('xml', value))),
);
handlebars.registerHelper(
  'netsh',
  (value: unknown) => new Handlebars.SafeString(netshValue(requireString('netsh', value))),
);
handlebars.registerHelper(
  'comment',
  (value: unknown) => new Handlebars.SafeString(lineCommentText(requireString('comment', value))),
);
handlebars.registerHelper(
  'xmlComment',
  (value: unknown) => new Handlebars.SafeString(xmlCommentText(requireString('xmlComment', value))),
);

const cache = new Map<string, Handlebars.TemplateDelegate>();
let templateRoot = TEMPLATE_ROOT;

/**
 * Renders from `folder` instead of templates/ until the returned function is called.
 * Tests use it to render from a deliberately broken copy of the templates.
 */
export function useTemplateFolder(folder: URL): () => void {
  templateRoot = folder;
  cache.clear();
  return () => {
    templateRoot = TEMPLATE_ROOT;
    cache.clear();
  };
}

/**
 * Renders templates/NAME with `view`. Output is never HTML-escaped (noEscape), and a
 * field the view lacks is an error (strict), so a typo in a template fails loudly.
 */
export function renderTemplate(name: string, view: object): string {
  let template = cache.get(name);
  if (template === undefined) {
    const source = readFileSync(new URL(name, templateRoot), 'utf8');
    template = handlebars.compile(source, { noEscape: true, strict: true });
    cache.set(name, template);
  }
  return template(view);
}
