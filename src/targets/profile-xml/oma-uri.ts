/**
 * Intune custom OMA-URI of a ProfileXML. The VPNv2 CSP documentation (Microsoft Learn,
 * "VPNv2 CSP") puts user profiles under ./User/Vendor/MSFT and device profiles under
 * ./Device/Vendor/MSFT. It forbids a forward slash in the profile name, and requires a
 * name with a space or another non-alphanumeric character to be escaped according to
 * the URL encoding standard.
 */
import type { Connection } from '../../baseline/types.js';

/** RFC 3986 section 2.3: characters a URI never needs to percent-encode. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * Escapes a connection name as one OMA-URI path segment: every character outside the
 * RFC 3986 unreserved set becomes %XX per UTF-8 byte (a space becomes %20). A name of
 * only dots is escaped entirely, because "." and ".." are relative path segments.
 */
export function escapeProfileName(name: string): string {
  if (name.includes('/')) {
    throw new Error(
      `connection name "${name}" contains a forward slash, which the VPNv2 CSP does not allow in a profile name`,
    );
  }
  if (/^\.+$/.test(name)) {
    return '%2E'.repeat(name.length);
  }
  let escaped = '';
  for (const character of name) {
    escaped += UNRESERVED.test(character) ? character : percentEncode(character);
  }
  return escaped;
}

function percentEncode(character: string): string {
  return Array.from(
    new TextEncoder().encode(character),
    (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
}

/** Builds the OMA-URI Intune writes the ProfileXML to: ./User for user tunnels, ./Device for device tunnels. */
export function buildOmaUri(connection: Connection): string {
  const scope = connection.tunnel === 'device' ? 'Device' : 'User';
  return `./${scope}/Vendor/MSFT/VPNv2/${escapeProfileName(connection.name)}/ProfileXML`;
}
