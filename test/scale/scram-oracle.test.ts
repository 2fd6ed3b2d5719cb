// An external oracle for minimal failure sets: SCRAM, the Open-PSA fault-tree engine. Each model's
// graph is unrolled into an acyclic fault tree (test/support/fault-tree.ts: one layer per crossing
// of a failed boundary instance, enough layers for every single and double failure), SCRAM computes
// the minimal cut sets of order ≤ 2 of "the attacker reaches data node X", and indepth's `depth --by
// instance --order 2` must list exactly those sets for every data node. Skipped, with a message, where
// `scram` is not installed (Debian: apt-get install scram; .ci/run installs it).

import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { CONTROL_NAMES, type ControlName } from '../../src/domain/controls.js';
import { eventName, unrollFaultTree } from '../support/fault-tree.js';
import { generatedModel } from '../support/generated.js';
import { prepareBundled } from '../support/model.js';
import { compareSets, minimalCutSets, SCRAM } from '../support/scram.js';

const ORDER = 2;

interface Case {
  readonly name: string;
  readonly prepared: () => PreparedModel;
  /** null: the model's first organization (its insiders). */
  readonly from: string | null;
  readonly controls: Partial<Record<ControlName, boolean>>;
}

const CASES: readonly Case[] = [
  { name: 'generated, 4 organizations on shared host clusters, an insider organization', prepared: () => generatedModel(3, { organizations: 4, users: 120, sharedHosts: true }), from: null, controls: {} },
  { name: 'generated, 4 organizations on separate host clusters, an insider organization', prepared: () => generatedModel(4, { organizations: 4, users: 120, sharedHosts: false }), from: null, controls: {} },
  { name: 'generated, 2 organizations in one shared tenant, an insider organization', prepared: () => generatedModel(5, { organizations: 2, users: 16, sharedTenant: true }), from: null, controls: {} },
  { name: 'generated, the internet with Reverse Connect off', prepared: () => generatedModel(6, { organizations: 2, users: 16 }), from: 'internet', controls: { reverseConnect: false } },
  { name: 'bundled cross-org-shared, an insider organization', prepared: () => prepareBundled('cross-org-shared'), from: null, controls: {} },
  { name: 'bundled msp-hosting, a customer organization', prepared: () => prepareBundled('msp-hosting'), from: 'contoso', controls: {} },
  { name: 'bundled hybrid-onprem, the internet with Reverse Connect off', prepared: () => prepareBundled('hybrid-onprem'), from: 'internet', controls: { reverseConnect: false } },
  { name: 'bundled admins-personal, an insider organization', prepared: () => prepareBundled('admins-personal'), from: null, controls: {} },
];

describe.skipIf(SCRAM === null)('SCRAM oracle: minimal failure sets of order ≤ 2 equal the fault tree\'s minimal cut sets', () => {
  it.each(CASES)('$name', ({ prepared: load, from, controls }) => {
    const prepared = load();
    const c = prepared.compiled;
    const attacker = from ?? prepared.model.organizations[0]!.id;
    const outcome = analyzeDepth(prepared, { from: [attacker], by: 'instance', order: ORDER, maxSets: 100_000, controls });
    if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
    const result = outcome.result;
    let blockedMask = 0;
    CONTROL_NAMES.forEach((name, bit) => {
      if (result.controls[name]) blockedMask |= 1 << bit;
    });
    const targets = result.data.map((d) => c.nodeIndex.get(d.id)!);
    const tree = unrollFaultTree(c, { footholds: result.footholds.map((id) => c.nodeIndex.get(id)!), blockedMask, targets, order: ORDER });
    const cutSets = minimalCutSets(tree.xml, ORDER);

    const depths = new Set<number | null>();
    let compared = 0;
    for (const d of result.data) {
      const node = c.nodeIndex.get(d.id)!;
      depths.add(d.depth);
      expect(d.minimalSets.length, `${d.id}: every minimal set listed`).toBe(d.minimalSetCount);
      const ours = d.minimalSets.map((set) => set.map((id) => eventName(c.instanceIndex.get(id)!)).sort()).sort(compareSets);
      if (tree.alwaysReached.has(node)) {
        expect(d.depth, `${d.id}: the fault tree is true with nothing failed`).toBe(0);
        continue;
      }
      if (tree.neverReached.has(node)) {
        expect(ours, `${d.id}: no path in the unrolled tree (within its layers)`).toEqual([]);
        continue;
      }
      expect(cutSets.has(`t${node}`), `${d.id}: SCRAM reported its top event`).toBe(true);
      expect(ours, `${d.id}: minimal sets vs SCRAM's minimal cut sets`).toEqual(cutSets.get(`t${node}`));
      if (ours.length > 0) compared++;
    }
    expect(compared, 'data nodes whose non-empty minimal sets SCRAM confirmed').toBeGreaterThan(0);
    // The comparison must not be vacuous: some data at depth 1 or 2 by instance.
    expect([...depths].some((depth) => depth === 1 || depth === 2), `depths seen: ${[...depths].join(', ')}`).toBe(true);
  });
});

describe.skipIf(SCRAM !== null)('SCRAM oracle', () => {
  it('is skipped: `scram` is not installed (Debian: apt-get install scram; .ci/run installs it)', () => {
    expect(SCRAM).toBeNull();
  });
});
