// Differential test of the passes bounded below one failure (PassTask.below): what a minimum-depth
// policy reads through leakageBelow — a target's leakage to an organization when it is below the
// minimum — equals the full pass's answer (storeDepths, leakageDepth) filtered by that minimum, for
// every foothold set, target, organization and minimum, computed on demand and ahead on workers.

import { describe, expect, it } from 'vitest';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { createPolicyContext, leakageDepth, type PolicyContext, type StoreDepth } from '../../src/policy/context.js';
import { generatedModel } from '../support/generated.js';
import { BUNDLED_MODELS, prepareBundled } from '../support/model.js';
import { contextOfText } from './helpers.js';

// b's standard user bob may read a's share; b's subscription owner holds Contributor on a's
// subscription through Azure Lighthouse (as in cross-org-depth.test.ts): an organization authorized
// to read only, whose leakage is its reach beyond read — from bob, none without a failure; from
// b-owner, control of the share's storage with none.
const READER = `name: reader-and-bridge
organizations: [{id: a}, {id: b}]
tenants:
  - {id: a-dir, organizations: [a]}
  - {id: b-dir, organizations: [b]}
subscriptions:
  - {id: a-sub, tenant: a-dir, organizations: [a]}
  - {id: b-sub, tenant: b-dir, organizations: [b]}
hostPools:
  - {id: a-pool, subscription: a-sub, type: pooled}
  - {id: b-pool, subscription: b-sub, type: pooled}
users:
  - {id: ann, organization: a, hostPool: a-pool}
  - {id: bob, organization: b, hostPool: b-pool}
  - {id: b-owner, organization: b, hostPool: b-pool, privilege: subscriptionOwner, subscription: b-sub}
roleAssignments:
  - {principal: b-owner, role: Contributor, scope: a-sub, delegation: lighthouse}
data:
  - {id: a-share, organization: a, location: share, users: [ann], readers: [bob], subscription: a-sub}
`;

const MODELS: readonly { name: string; prepared: () => PreparedModel }[] = [
  { name: 'a reader and a bridge', prepared: () => contextOfText(READER).prepared },
  ...BUNDLED_MODELS.map((name) => ({ name, prepared: () => prepareBundled(name) })),
  { name: 'generated, shared hosts', prepared: () => generatedModel(5, { organizations: 4, users: 150, sharedHosts: true }) },
  { name: 'generated, shared tenant', prepared: () => generatedModel(6, { organizations: 3, users: 100, sharedHosts: true, sharedTenant: true }) },
];

const MINIMUMS = [1, 2, 3];

/** Every (set, target, organization, minimum) answer of a context, as `key → answer` (undefined left out). */
function answers(context: PolicyContext, sets: readonly (readonly string[])[], organizations: readonly string[]): Map<string, StoreDepth> {
  const out = new Map<string, StoreDepth>();
  for (const from of sets) {
    for (const target of context.targets) {
      for (const organization of organizations) {
        for (const below of MINIMUMS) {
          const depth = context.leakageBelow(from, target, organization, below);
          if (depth !== undefined) out.set(`${from.join()} | ${target.id} | ${organization} | ${below}`, depth);
        }
      }
    }
  }
  return out;
}

describe('leakageBelow equals the full pass filtered by the minimum', () => {
  for (const { name, prepared: make } of MODELS) {
    it(name, async () => {
      const prepared = make();
      const organizations = prepared.model.organizations.map((o) => o.id);
      const reference = createPolicyContext('m.yaml', prepared, new Map());
      const sets = [...reference.footholdSets.map((s) => s.from), ['internet'], ['no-such-foothold']];
      const expected = new Map<string, StoreDepth>();
      for (const from of sets) {
        for (const target of reference.targets) {
          for (const organization of organizations) {
            const depth = leakageDepth(target, organization, reference.storeDepths(from)?.get(target.id));
            for (const below of MINIMUMS) {
              if (depth !== undefined && depth.depth !== null && depth.depth < below) expected.set(`${from.join()} | ${target.id} | ${organization} | ${below}`, depth);
            }
          }
        }
      }
      // Minimum 1 first: the fresh context answers it from bounded passes before any full one exists.
      const onDemand = createPolicyContext('m.yaml', prepared, new Map());
      const ahead = createPolicyContext('m.yaml', prepared, new Map());
      await ahead.prefetch(sets.map((from) => ({ from, below: 1 })), 2);
      const bounded = (context: PolicyContext) => new Map([...answers(context, sets, organizations)].filter(([key]) => key.endsWith('| 1')));
      const expectedBounded = new Map([...expected].filter(([key]) => key.endsWith('| 1')));
      expect(bounded(onDemand)).toEqual(expectedBounded);
      expect(bounded(ahead)).toEqual(expectedBounded);
      // Then every minimum (2 and 3 need full passes).
      expect(answers(onDemand, sets, organizations)).toEqual(expected);
      // Not vacuous: depth 0 occurs (and, in the reader model, leakage beyond read alone).
      if (name !== 'admins-personal' && name !== 'hybrid-onprem' && name !== 'single-org-pooled') expect(expectedBounded.size).toBeGreaterThan(0);
      if (name === 'a reader and a bridge') {
        expect([...expectedBounded.values()].some((d) => d.readOnly === true)).toBe(true);
        expect(reference.storeDepths(['b'])!.get('a-share')!.depth).toBe(0);
        expect(expectedBounded.has('b | a-share | b | 1')).toBe(false);
      }
    });
  }
});
