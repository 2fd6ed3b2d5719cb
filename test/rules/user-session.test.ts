// Rule `user-session`: every user with a host pool reaches their own session (one per group member);
// users without a host pool have no session.

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
`),
);

describe('rule user-session', () => {
  it('links each member with a host pool to their own session, crossing no boundary', () => {
    expect(edgeStrings(graph, 'user-session')).toEqual([
      'ann -> ann/session [user-session]',
      'crew#1 -> crew#1/session [user-session]',
      'crew#2 -> crew#2/session [user-session]',
    ]);
    for (const edge of edgeRecords(graph, 'user-session')) {
      expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
    }
  });

  it('gives a user without a host pool no session', () => {
    expect(graph.hasNode('boss')).toBe(true);
    expect(graph.hasNode('boss/session')).toBe(false);
  });
});
