/** Hostile ProfileXML for `check`: XML it must reject (exit 2 with a position). */
import { describe, expect, test } from 'vitest';
import { PROFILE, runCheck, SERVER } from './check-run.js';

/** Splits the profile's CryptographySuite into two elements with three values each. */
function profileWithTwoSuites(): string {
  return PROFILE.replace(
    '      <DHGroup>Group14</DHGroup>',
    '    </CryptographySuite>\n    <CryptographySuite>\n      <DHGroup>Group14</DHGroup>',
  );
}

describe('check profile-xml', () => {
  test.each([
    ['&#xFFFFFF; (beyond Unicode)', '&#xFFFFFF;'],
    ['&#9999999; (beyond Unicode)', '&#9999999;'],
    ['&#0; (not an XML character)', '&#0;'],
    ['&#x1; (not an XML character)', '&#x1;'],
    ['&#xD800; (a lone surrogate)', '&#xD800;'],
  ])('character reference %s', async (_name, reference) => {
    const profile = PROFILE.replace('<DHGroup>Group14', `<DHGroup>${reference}Group14`);
    const run = await runCheck({ 'server.txt': SERVER, 'profile.xml': profile }, [
      '--server',
      'server.txt',
      '--profile-xml',
      'profile.xml',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['profile-xml-malformed']);
    expect(run.stderr).toMatch(/profile\.xml:14:\d+:/);
  });

  test('two CryptographySuite elements', async () => {
    const run = await runCheck({ 'server.txt': SERVER, 'profile.xml': profileWithTwoSuites() }, [
      '--server',
      'server.txt',
      '--profile-xml',
      'profile.xml',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['profile-xml-element-duplicate']);
    expect(run.stderr).toContain('profile.xml:15:5:');
  });

  test('document type declaration before VPNProfile', async () => {
    const profile = PROFILE.replace(
      '<VPNProfile>',
      '<!DOCTYPE VPNProfile [<!ENTITY g "Group14">]>\n<VPNProfile>',
    );
    const run = await runCheck({ 'server.txt': SERVER, 'profile.xml': profile }, [
      '--server',
      'server.txt',
      '--profile-xml',
      'profile.xml',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['profile-xml-malformed']);
    expect(run.stderr).toContain('profile.xml:3:1:');
  });
});

describe('check profile-xml placement', () => {
  test('CryptographySuite outside NativeProfile', async () => {
    const start = PROFILE.indexOf('    <CryptographySuite>');
    const end = PROFILE.indexOf('</CryptographySuite>') + '</CryptographySuite>\n'.length;
    const suite = PROFILE.slice(start, end);
    const profile = (PROFILE.slice(0, start) + PROFILE.slice(end)).replace(
      '</VPNProfile>',
      `${suite}</VPNProfile>`,
    );
    const run = await runCheck({ 'server.txt': SERVER, 'profile.xml': profile }, [
      '--server',
      'server.txt',
      '--profile-xml',
      'profile.xml',
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.codes).toEqual(['profile-xml-element-misplaced']);
    expect(run.stderr).toContain('profile.xml:14:5:');
  });
});
