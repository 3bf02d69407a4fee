/** The user tunnel's EAP configuration, embedded as XML in the ProfileXML. */
import type { Connection } from '../../baseline/types.js';
import type { RenderContext } from '../../render/context.js';

const XML_DECLARATION = /^<\?xml[\s\S]*?\?>/;
const LEADING_COMMENT = /^<!--[\s\S]*?-->/;
const TRAILING_COMMENT = /<!--[\s\S]*?-->$/;

/**
 * Reads the EAP XML a user tunnel names (eapConfig, relative to the baseline) and
 * returns its EapHostConfig element as an XML fragment for the Eap/Configuration
 * element: the byte-order mark, XML declaration, and comments and white space around the
 * root element are removed, line endings become LF, and everything inside the root
 * element, namespace declarations included, is kept as written.
 */
// NOTE: only the root element is checked here. A malformed EAP file gives a malformed
// ProfileXML; the tests validate rendered profiles with xmllint, rendering does not.
export function readEapConfiguration(context: RenderContext, connection: Connection): string {
  if (connection.eapConfig === undefined) {
    throw new Error(`user tunnel "${connection.name}" has no eapConfig to embed in its ProfileXML`);
  }
  const text = context.readRelative(connection.eapConfig);
  const fragment = extractRootElement(text);

  if (!/^<EapHostConfig[\s>]/.test(fragment) || !/<\/EapHostConfig>$/.test(fragment)) {
    throw new Error(
      `eapConfig ${connection.eapConfig} of connection "${connection.name}" does not contain an EapHostConfig root element; export it again with (Get-VpnConnection -Name X).EapConfigXmlStream.InnerXml`,
    );
  }
  if (/<!DOCTYPE/i.test(fragment)) {
    throw new Error(
      `eapConfig ${connection.eapConfig} of connection "${connection.name}" contains a DOCTYPE, which cannot stand inside a ProfileXML; remove it`,
    );
  }
  return fragment;
}

/** Removes what surrounds the root element: BOM, XML declaration, comments, white space. */
export function extractRootElement(text: string): string {
  let body = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .trim();
  body = body.replace(XML_DECLARATION, '').trim();
  while (LEADING_COMMENT.test(body)) {
    body = body.replace(LEADING_COMMENT, '').trim();
  }
  while (TRAILING_COMMENT.test(body)) {
    body = body.replace(TRAILING_COMMENT, '').trim();
  }
  return body;
}
