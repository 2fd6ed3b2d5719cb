// Rule `credential-use`: a stolen credential acts as its principal (MFA removes no such edge), and a
// modelled end-user device holds its user's credentials.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeRecords, edgeStrings } from '../support/model.js';

const users = `
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: bob
    organization: acme
    device: false
  - id: crew
    organization: acme
    count: 2
`;

describe('rule credential-use', () => {
  const { graph } = buildModelText(acme(users));

  it('links credential to principal for everyone, and device to credential where a device is modelled', () => {
    expect(edgeStrings(graph, 'credential-use')).toEqual([
      'ann/credential -> ann [credential-use]',
      'ann/device -> ann/credential [credential-use]',
      'bob/credential -> bob [credential-use]',
      'crew#1/credential -> crew#1 [credential-use]',
      'crew#1/device -> crew#1/credential [credential-use]',
      'crew#2/credential -> crew#2 [credential-use]',
      'crew#2/device -> crew#2/credential [credential-use]',
    ]);
    expect(graph.hasNode('bob/device')).toBe(false);
  });

  it('is legitimate access that no control blocks, MFA on or off', () => {
    for (const mfa of [true, false]) {
      const built = buildModelText(acme(`${users}controls:\n  mfa: ${mfa}\n`));
      for (const edge of edgeRecords(built.graph, 'credential-use')) {
        expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
      }
    }
  });
});
