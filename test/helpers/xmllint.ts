/**
 * Schema validation with xmllint (Debian package libxml2-utils). Tests that need it
 * skip with a message when it is missing, except with CI=true, where they fail.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './baselines.js';

export const PROFILE_XML_XSD = join(REPO_ROOT, 'schema/vendor/vpnv2-profilexml.xsd');

export const XMLLINT_INSTALL_HINT =
  'install it with `apt-get install -y libxml2-utils` or `bash .ci/install-debian-packages.sh`';

export interface XsdResult {
  valid: boolean;
  /** xmllint's messages, naming the line and element of each error. */
  messages: string;
}

/** Checks whether an xmllint executable runs on this machine. */
export function isXmllintAvailable(): boolean {
  const result = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  return result.error === undefined && result.status === 0;
}

/** Checks whether schema tests must run: xmllint is installed, or CI=true, where a missing xmllint fails them. */
export function mustRunSchemaTests(): boolean {
  return isXmllintAvailable() || process.env.CI === 'true';
}

/** Validates an XML document, passed on standard input, against an XSD, without network access. */
export function validateWithXsd(xml: string, xsdPath = PROFILE_XML_XSD): XsdResult {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsdPath, '-'], {
    input: xml,
    encoding: 'utf8',
  });
  if (result.error !== undefined) {
    throw new Error(`xmllint could not run (${result.error.message}); ${XMLLINT_INSTALL_HINT}`);
  }
  return { valid: result.status === 0, messages: result.stderr };
}
