// Rule `subscription-control`: an owner controls their subscription; a subscription controls its host
// pools, their VMs, and every data node of the stores placed in it.

import { describe, expect, it } from 'vitest';
import { acme, ask, buildModelText, edgeRecords, edgeStrings, prepareText, reachedDataIds } from '../support/model.js';

const text = acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    vms: 2
users:
  - id: own
    organization: acme
    privilege: subscriptionOwner
    subscription: acme-sub
  - id: ann
    organization: acme
    hostPool: pool
data:
  - id: docs
    organization: acme
    location: share
    users: [ann]
    subscription: acme-sub
  - id: profiles
    organization: acme
    location: fslogixProfile
    users: [ann, own]
    subscription: acme-sub
  - id: notes
    organization: acme
    location: share
    users: [ann]
`);

describe('rule subscription-control', () => {
  const { graph } = buildModelText(text);

  it('links owner → subscription → pools → VMs, and subscription → each data node it holds', () => {
    expect(edgeStrings(graph, 'subscription-control')).toEqual(
      [
        'own -> acme-sub [subscription-control]',
        'acme-sub -> pool [subscription-control]',
        'pool -> pool-vm1 [subscription-control]',
        'pool -> pool-vm2 [subscription-control]',
        'acme-sub -> docs [subscription-control]',
        'acme-sub -> profiles/ann [subscription-control]',
        'acme-sub -> profiles/own [subscription-control]',
      ].sort(),
    );
    for (const edge of edgeRecords(graph, 'subscription-control')) {
      expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
    }
  });

  it('gives the owner every store with no failure, including one outside the subscription (through the VMs)', () => {
    const result = ask(prepareText(text), { from: ['own'] });
    expect(reachedDataIds(result)).toEqual(['docs', 'notes', 'profiles/ann', 'profiles/own']);
    expect(result.failedInstances).toBe(0);
  });
});
