// Claim 7. The guide: "Reducing these potential threats requires a fault-proof configuration, patch
// management design process, and regular patch deployment schedules. It's better to follow the
// principles of defense in depth and keep environments separate."
//
// Precisely, for a pair of models with the same organizations, users, apps and data — shared (one
// tenant, subscription and pooled pool) and separated (per-org tenant, subscription and pool, all on
// one physical host) — and any foothold: for EVERY set of failed boundary types, whatever the
// separated model exposes the shared one exposes too. Checked for all 2^11 type sets at once from
// the minimal sets of analyzeDepth (every separated minimal set contains a shared one), and for one
// random set through whatIf. Unconditional since a pool that no declared physical host places is
// assumed to share one (the public-cloud worst case): it used to need the shared pool's VMs on a
// declared host whenever a user was pinned (see README, "What the guide's claims mean, precisely").

import fc from 'fast-check';
import { BOUNDARY_TYPES, type BoundaryType } from '../../../src/domain/boundary.js';
import type { ModelPair } from '../../arbitraries/pair.js';
import { modelPair } from '../../arbitraries/pair.js';
import { claimFails, type Claim } from '../support/claim.js';
import { dataIds, depth, load, simulate } from '../support/load.js';
import { footholdNames } from './monotonicity.js';

export interface Input {
  readonly pair: ModelPair;
  readonly from: number;
  readonly fail: BoundaryType[];
}

const isSubsetOf = (small: readonly string[], big: readonly string[]) => small.every((x) => big.includes(x));

export const separationNeverHurts: Claim<Input> = {
  name: 'separation-never-hurts',
  guide: 'It\u2019s better to follow the principles of defense in depth and keep environments separate.',
  arbitrary: fc.record({ pair: modelPair, from: fc.nat({ max: 20 }), fail: fc.subarray([...BOUNDARY_TYPES]) }),
  predicate({ pair, from: fromIndex, fail }) {
    const shared = load(pair.shared);
    const separated = load(pair.separated);
    const names = footholdNames(shared.model);
    const from = [names[fromIndex % names.length]!];

    const sharedSets = new Map(depth(shared, from).data.map((d) => [d.id, d.minimalSets] as const));
    for (const d of depth(separated, from).data) {
      const covering = sharedSets.get(d.id) ?? [];
      for (const set of d.minimalSets) {
        if (!covering.some((s) => isSubsetOf(s, set))) {
          claimFails(`from ${from[0]}, failing {${set.join(', ')}} exposes ${d.id} (${d.organization}) in the separated model but not in the shared one`, {
            sharedMinimalSets: covering,
            separatedWitness: d.witnesses.find((w) => w.set === set)?.path.map((h) => `${h.from} -> ${h.to}${h.boundary ? ` [${h.boundary}]` : ''}`),
          });
        }
      }
    }

    const inShared = dataIds(simulate(shared, from, fail));
    const extra = [...dataIds(simulate(separated, from, fail))].filter((id) => !inShared.has(id));
    if (extra.length > 0) claimFails(`from ${from[0]} failing [${fail.join(', ')}], only the separated model exposes`, { extra });
    return 2;
  },
};
