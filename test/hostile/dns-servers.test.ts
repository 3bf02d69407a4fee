/** DNS server values that pass the schema's character check but are not addresses. */
import { describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../src/baseline/load.js';
import { validBaseline, writeBaseline } from '../helpers/baselines.js';

describe('domainNameInformation dnsServers', () => {
  test.each(['1.2.3', '10.0.0.256', '::::', '...', 'a'])('rejects %s', (server) => {
    const baseline = validBaseline();
    baseline.connections[1]!.domainNameInformation = [
      { domainName: '.corp.example.com', dnsServers: ['10.0.0.1', server] },
    ];
    const loaded = loadBaselineFile(writeBaseline(baseline));
    const diagnostic = loaded.diagnostics.find(
      (candidate) => candidate.code === 'dns-server-invalid',
    );
    expect(diagnostic, JSON.stringify(loaded.diagnostics)).toBeDefined();
    expect(diagnostic?.path).toEqual([
      'connections',
      1,
      'domainNameInformation',
      0,
      'dnsServers',
      1,
    ]);
  });

  test.each(['10.10.0.10', '2001:db8::53'])('accepts %s', (server) => {
    const baseline = validBaseline();
    baseline.connections[1]!.domainNameInformation = [
      { domainName: '.corp.example.com', dnsServers: [server] },
    ];
    const loaded = loadBaselineFile(writeBaseline(baseline));
    expect(loaded.diagnostics).toEqual([]);
  });
});
