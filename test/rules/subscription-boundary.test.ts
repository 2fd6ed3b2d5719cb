// Rule `subscription-boundary`: with two or more subscriptions, control of one reaches another only
// across subscription@<target>, through the `any-subscription` hub; with one there is no hub at all.

import { describe, expect, it } from 'vitest';
import { acme, ask, buildModelText, edgeRecords, edgeStrings, prepareText, reachedDataIds } from '../support/model.js';

const twoSubscriptions = `name: test
organizations:
  - id: acme
tenants:
  - id: acme-dir
    organizations: [acme]
subscriptions:
  - id: s1
    tenant: acme-dir
    organizations: [acme]
  - id: s2
    tenant: acme-dir
    organizations: [acme]
users:
  - id: own
    organization: acme
    privilege: subscriptionOwner
    subscription: s1
data:
  - id: vault
    organization: acme
    location: database
    subscription: s2
`;

describe('rule subscription-boundary', () => {
  it('links each subscription to the hub and the hub to each across its subscription boundary', () => {
    const { graph } = buildModelText(twoSubscriptions);
    expect(edgeStrings(graph, 'subscription-boundary')).toEqual([
      'any-subscription -> s1 [subscription-boundary subscription@s1]',
      'any-subscription -> s2 [subscription-boundary subscription@s2]',
      's1 -> any-subscription [subscription-boundary]',
      's2 -> any-subscription [subscription-boundary]',
    ]);
    for (const edge of edgeRecords(graph, 'subscription-boundary')) {
      const crossing = edge.from === 'any-subscription';
      expect(edge).toMatchObject({
        boundary: crossing ? 'subscription' : null,
        instance: crossing ? `subscription@${edge.to}` : null,
        groups: [],
        access: 'control',
        blockedBy: null,
      });
    }
  });

  it('has no hub and no edges with a single subscription', () => {
    const { graph } = buildModelText(acme(''));
    expect(graph.hasNode('any-subscription')).toBe(false);
    expect(edgeStrings(graph, 'subscription-boundary')).toEqual([]);
  });

  it('keeps the owner of s1 out of s2 unless a subscription boundary fails', () => {
    const prepared = prepareText(twoSubscriptions);
    expect(reachedDataIds(ask(prepared, { from: ['own'] }))).toEqual([]);
    expect(reachedDataIds(ask(prepared, { from: ['own'], fail: ['subscription@s2'] }))).toEqual(['vault']);
    expect(reachedDataIds(ask(prepared, { from: ['own'], fail: ['subscription@s1'] }))).toEqual([]);
  });
});
