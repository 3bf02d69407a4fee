import { describe, expect, test } from 'vitest';
import type { Connection } from '../../../src/baseline/types.js';
import { buildOmaUri, escapeProfileName } from '../../../src/targets/profile-xml/oma-uri.js';

describe('escapeProfileName', () => {
  const cases: Array<[string, string]> = [
    ['ContosoVPN', 'ContosoVPN'],
    ['Contoso VPN', 'Contoso%20VPN'],
    ['Contoso-VPN_2.0~a', 'Contoso-VPN_2.0~a'],
    ['R&D <Lab>', 'R%26D%20%3CLab%3E'],
    [`"quoted" 'name'`, '%22quoted%22%20%27name%27'],
    ['100% VPN?#', '100%25%20VPN%3F%23'],
    ['Zürich', 'Z%C3%BCrich'],
    ['東京', '%E6%9D%B1%E4%BA%AC'],
    ['VPN 😀', 'VPN%20%F0%9F%98%80'],
    ['back\\slash', 'back%5Cslash'],
    ['.', '%2E'],
    ['..', '%2E%2E'],
    ['a.b', 'a.b'],
  ];
  test.each(cases)('%s', (name, expected) => {
    expect(escapeProfileName(name)).toBe(expected);
  });

  test('escaped name decodes to the original', () => {
    for (const [name] of cases) {
      expect(decodeURIComponent(escapeProfileName(name))).toBe(name);
    }
  });

  test('forward slash is rejected', () => {
    expect(() => escapeProfileName('Contoso/VPN')).toThrow(/forward slash/);
  });
});

describe('buildOmaUri', () => {
  const connection = (tunnel: Connection['tunnel']): Connection => ({
    name: 'Contoso VPN',
    tunnel,
    servers: ['vpn.contoso.com'],
  });

  test('user tunnel uses the User scope', () => {
    expect(buildOmaUri(connection('user'))).toBe(
      './User/Vendor/MSFT/VPNv2/Contoso%20VPN/ProfileXML',
    );
  });

  test('device tunnel uses the Device scope', () => {
    expect(buildOmaUri(connection('device'))).toBe(
      './Device/Vendor/MSFT/VPNv2/Contoso%20VPN/ProfileXML',
    );
  });
});
