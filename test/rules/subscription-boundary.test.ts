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

  it('crosses into another tenant\u2019s subscription with a subscription failure alone, and says so', () => {
    // Tenant b-dir holds s2 (and org b); own (org acme, tenant acme-dir) owns s1. The hub links s1 to s2
    // whatever their tenants: {subscription} alone reaches vault, no tenant failure — the worst case
    // (one cross-tenant flaw of the control plane), stated as an assumption.
    const text = twoSubscriptions
      .replace('tenants:\n  - id: acme-dir\n    organizations: [acme]\n', 'tenants:\n  - id: acme-dir\n    organizations: [acme]\n  - id: b-dir\n    organizations: [b]\n')
      .replace('organizations:\n  - id: acme\n', 'organizations:\n  - id: acme\n  - id: b\n')
      .replace('  - id: s2\n    tenant: acme-dir\n    organizations: [acme]\n', '  - id: s2\n    tenant: b-dir\n    organizations: [b]\n')
      .replace('  - id: vault\n    organization: acme\n', '  - id: vault\n    organization: b\n');
    const prepared = prepareText(text);
    expect(reachedDataIds(ask(prepared, { from: ['own'] }))).toEqual([]);
    expect(reachedDataIds(ask(prepared, { from: ['own'], fail: ['subscription'] }))).toEqual(['vault']);
    expect(prepared.deployment.assumptions).toEqual([
      "subscriptions of 2 tenants (acme-dir: s1; b-dir: s2): assumed that a subscription failure alone crosses from one tenant's subscriptions into another's, with no tenant failure, as a cross-tenant flaw of the Azure control plane or a resource provider would (worst case); so whoever controls a subscription is one failure from every other tenant's subscriptions",
    ]);
    // One tenant: nothing to say.
    expect(prepareText(twoSubscriptions).deployment.assumptions).toEqual([]);
  });
});
