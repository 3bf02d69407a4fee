/** Windows' default proposals against custom server policies, by registry value and Windows version. */
import { describe, expect, it } from 'vitest';
import { customPolicyProposals, findProposalGaps } from '../../src/check/compare/proposals.js';
import { windowsDefaultProposals } from '../../src/check/compare/windows-defaults.js';

const SERVER_BASE = {
  'ike.encryption': 'AES128',
  'ike.integrity': 'SHA256',
  'ike.dhGroup': 'Group2',
  'esp.cipher': 'AES128',
  'esp.integrity': 'SHA196',
  'esp.pfsGroup': 'None',
};

describe('windows default proposals', () => {
  const cases: Array<{
    name: string;
    server: Partial<typeof SERVER_BASE>;
    registry: 0 | 1 | 2;
    build?: number;
    gaps: string[];
  }> = [
    { name: 'classic agrees', server: {}, registry: 0, gaps: [] },
    {
      name: 'group14 needs registry',
      server: { 'ike.dhGroup': 'Group14', 'ike.encryption': 'AES256' },
      registry: 0,
      gaps: ['ike.dhGroup'],
    },
    {
      name: 'registry 1 adds modp2048',
      server: { 'ike.dhGroup': 'Group14', 'ike.encryption': 'AES256' },
      registry: 1,
      gaps: [],
    },
    {
      name: 'registry 2 drops modp1024',
      server: {},
      registry: 2,
      gaps: ['ike.encryption', 'ike.dhGroup'],
    },
    {
      name: 'gcm on windows 10',
      server: { 'ike.encryption': 'GCMAES128' },
      registry: 0,
      build: 19045,
      gaps: ['ike.encryption'],
    },
    {
      name: 'gcm on windows 11',
      server: { 'ike.encryption': 'GCMAES128' },
      registry: 0,
      build: 22631,
      gaps: [],
    },
    {
      name: 'esp gcm never default',
      server: { 'esp.cipher': 'GCMAES128', 'esp.integrity': 'GCMAES128' },
      registry: 0,
      gaps: ['esp.cipher', 'esp.integrity'],
    },
  ];
  for (const row of cases) {
    it(row.name, () => {
      const server = customPolicyProposals('server', { ...SERVER_BASE, ...row.server });
      const result = findProposalGaps(windowsDefaultProposals(row.registry, row.build), server);
      expect(result.gaps.map((gap) => gap.field)).toEqual(row.gaps);
      expect(result.combination).toEqual([]);
    });
  }

  it('registry 1 keeps combinations apart', () => {
    // AES128 is offered with modp1024 and Group14 only with AES256, so AES128 + Group14 has no proposal.
    const server = customPolicyProposals('server', { ...SERVER_BASE, 'ike.dhGroup': 'Group14' });
    const result = findProposalGaps(windowsDefaultProposals(1), server);
    expect(result.gaps).toEqual([]);
    expect(result.combination).toEqual(['ike']);
  });
});

describe('custom policy PfsGroup', () => {
  const cases: Array<{
    name: string;
    client: Partial<typeof SERVER_BASE>;
    server: Partial<typeof SERVER_BASE>;
    gaps: string[];
  }> = [
    {
      name: 'PFSMM equals PFS2048 with Group14',
      client: { 'ike.dhGroup': 'Group14', 'esp.pfsGroup': 'PFS2048' },
      server: { 'ike.dhGroup': 'Group14', 'esp.pfsGroup': 'PFSMM' },
      gaps: [],
    },
    {
      name: 'PFSMM follows each DH group',
      client: { 'ike.dhGroup': 'ECP256', 'esp.pfsGroup': 'PFSMM' },
      server: { 'ike.dhGroup': 'Group14', 'esp.pfsGroup': 'PFSMM' },
      gaps: ['ike.dhGroup', 'esp.pfsGroup'],
    },
    {
      name: 'PFSMM differs from ECP384',
      client: { 'ike.dhGroup': 'Group14', 'esp.pfsGroup': 'ECP384' },
      server: { 'ike.dhGroup': 'Group14', 'esp.pfsGroup': 'PFSMM' },
      gaps: ['esp.pfsGroup'],
    },
  ];
  for (const row of cases) {
    it(row.name, () => {
      const client = customPolicyProposals('client', { ...SERVER_BASE, ...row.client });
      const server = customPolicyProposals('server', { ...SERVER_BASE, ...row.server });
      expect(findProposalGaps(client, server).gaps.map((gap) => gap.field)).toEqual(row.gaps);
    });
  }
});
