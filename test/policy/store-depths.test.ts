// Differential test of check's depth answers: storeDepths reads each store's least deep node, its
// minimal sets and a witness path off one attacker pass per foothold set (run ahead on the worker
// pool by prefetch). Here it is checked against the straightforward way — the full `depth` analysis
// (analyzeDepth) from the same footholds, reduced store by store — on the bundled models and on
// small generated ones; and the policies are checked to ask only what prefetch foresaw.

import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { createPolicyContext, deeper, type DepthQuestion, type StoreDepth } from '../../src/policy/context.js';
import { defaultPolicyConfig } from '../../src/policy/load-policy.js';
import { depthQuestionsAsked, runPolicies } from '../../src/policy/run-policies.js';
import { generatedModel } from '../support/generated.js';
import { ask, BUNDLED_MODELS, prepareBundled } from '../support/model.js';

/** Store depths as `depth` reports them: for each store, its least deep data node (the first on ties). */
function referenceStoreDepths(prepared: PreparedModel, from: readonly string[]): Map<string, StoreDepth> | null {
  if (from.length === 0) return null;
  const outcome = analyzeDepth(prepared, { from, by: 'type', order: 0, controls: {}, maxSets: 4 });
  if (!outcome.ok) return null;
  const out = new Map<string, StoreDepth>();
  for (const node of outcome.result.data) {
    const known = out.get(node.store);
    if (known !== undefined && !deeper(known.depth, node.depth)) continue;
    const { store, organization, classification, depth, minimalSets: sets, minimalSetCount: setCount } = node;
    const beyond = node.beyondRead ?? node;
    const beyondRead = { depth: beyond.depth, sets: beyond.minimalSets, setCount: beyond.minimalSetCount, path: (node.beyondRead === undefined ? node.witnesses[0]?.path : beyondWitness(prepared, from, node.id, beyond.minimalSets[0])) ?? [] };
    out.set(store, { store, organization, classification, depth, sets, setCount, path: node.witnesses[0]?.path ?? [], beyondRead });
  }
  return out;
}

/** The what-if path to a node with `set` failed: a witness of reach beyond read when the node is controlled under it. */
function beyondWitness(prepared: PreparedModel, from: readonly string[], node: string, set: readonly string[] | undefined) {
  if (set === undefined) return [];
  return ask(prepared, { name: 'witness', from, fail: set, controls: {} }).data.find((d) => d.id === node)?.path ?? [];
}

const MODELS: readonly { name: string; prepared: () => PreparedModel }[] = [
  ...BUNDLED_MODELS.map((name) => ({ name, prepared: () => prepareBundled(name) })),
  { name: 'generated, shared hosts', prepared: () => generatedModel(5, { organizations: 4, users: 150, sharedHosts: true }) },
  { name: 'generated, shared tenant', prepared: () => generatedModel(6, { organizations: 3, users: 100, sharedHosts: true, sharedTenant: true }) },
];

describe('storeDepths from attacker passes equals the depth analysis reduced per store', () => {
  for (const { name, prepared: make } of MODELS) {
    it(name, async () => {
      const prepared = make();
      const orgs = prepared.model.organizations.map((o) => o.id);
      const users = prepared.model.users.filter((u) => u.privilege === 'standard').map((u) => u.id);
      const sets = [...orgs.map((o) => [o]), ['internet'], users.slice(0, 3), [], ['no-such-foothold']];
      const onDemand = createPolicyContext('m.yaml', prepared, new Map());
      const ahead = createPolicyContext('m.yaml', prepared, new Map());
      await ahead.prefetch(sets.map((from) => ({ from })), 2);
      for (const from of sets) {
        const expected = referenceStoreDepths(prepared, from);
        expect(onDemand.storeDepths(from)).toEqual(expected);
        expect(ahead.storeDepths(from)).toEqual(expected);
        if (expected !== null) expect([...ahead.storeDepths(from)!.keys()]).toEqual([...expected.keys()]);
      }
    });
  }
});

describe('depthQuestionsAsked', () => {
  it('names every question the default policies ask, with and without a baseline', () => {
    const current = createPolicyContext('a.yaml', prepareBundled('cross-org-shared'), new Map());
    const before = createPolicyContext('b.yaml', prepareBundled('cross-org-separated'), new Map());
    const asked = depthQuestionsAsked(defaultPolicyConfig(), current, before);
    const keyOf = (from: readonly string[], below?: number) => `${[...from].sort().join()}${below === undefined ? '' : ` below ${below}`}`;
    const record = (context: typeof current, into: string[]): typeof current => ({
      ...context,
      storeDepths: (from) => (into.push(keyOf(from)), context.storeDepths(from)),
      leakageBelow: (from, target, organization, below) => (into.push(keyOf(from, below)), context.leakageBelow(from, target, organization, below)),
    });
    const seen: string[] = [];
    const seenBefore: string[] = [];
    runPolicies(defaultPolicyConfig(), record(current, seen), record(before, seenBefore));
    const keys = (questions: readonly DepthQuestion[]) => new Set(questions.map((q) => keyOf(q.from, q.below)));
    expect(keys(asked.current)).toEqual(new Set(seen));
    expect(keys(asked.baseline)).toEqual(new Set(seenBefore));
    // The insiders of both organizations held to minDepth 2, their admins (each organization's tenant
    // admin) held to minDepthFromAdmins 1, and every set again without a bound for depth-regression
    // (with the internet).
    expect(keys(asked.current)).toEqual(
      new Set(['contoso below 2', 'fabrikam below 2', 'contoso-it below 1', 'fabrikam-it below 1', 'contoso', 'contoso-it', 'fabrikam', 'fabrikam-it', 'internet']),
    );
  });
});
