// Rule `user-data`: a user's session reaches their own profile container and the shares/databases
// that list them; readers only read; users without a session reach their data as themselves.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeRecords, edgeStrings } from '../support/model.js';

const { graph } = buildModelText(
  acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: crew
    organization: acme
    count: 2
    hostPool: pool
  - id: boss
    organization: acme
data:
  - id: profiles
    organization: acme
    location: fslogixProfile
    users: [ann, crew]
  - id: ann-profile
    organization: acme
    location: fslogixProfile
    users: [ann]
  - id: docs
    organization: acme
    location: share
    users: [ann]
    readers: [crew]
  - id: ledger
    organization: acme
    location: database
    users: [boss]
`),
);

describe('rule user-data', () => {
  it('gives each owner their own container, writers control and readers read access', () => {
    expect(edgeStrings(graph, 'user-data')).toEqual([
      'ann/session -> ann-profile [user-data]',
      'ann/session -> docs [user-data]',
      'ann/session -> profiles/ann [user-data]',
      'boss -> ledger [user-data]',
      'crew#1/session -> docs [user-data read]',
      'crew#1/session -> profiles/crew#1 [user-data]',
      'crew#2/session -> docs [user-data read]',
      'crew#2/session -> profiles/crew#2 [user-data]',
    ]);
  });

  it('crosses no boundary', () => {
    for (const edge of edgeRecords(graph, 'user-data')) {
      expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], blockedBy: null });
    }
  });

  it('splits a profile store of several users into one data node per member, a single-user one not', () => {
    expect(graph.hasNode('profiles')).toBe(false);
    for (const id of ['profiles/ann', 'profiles/crew#1', 'profiles/crew#2', 'ann-profile', 'docs', 'ledger']) {
      expect(graph.getNodeAttributes(id)).toMatchObject({ kind: 'data', organization: 'acme' });
    }
  });
});
