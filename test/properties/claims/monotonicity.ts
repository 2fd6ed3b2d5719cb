// Claim 6. The guide's premise of defense in depth: "build a series of security mechanisms and
// controls layered throughout your computer network to protect your data and network from being
// compromised or attacked." A layer can only help: failing more boundaries never shrinks what an
// attacker reaches, and turning a control on never grows it.
//
// Precisely, for any model, foothold, failure sets F ⊆ G (by type, and separately by instance) and
// control settings C ≤ C' (C' turns on at least what C turns on):
//   - reach(F) ⊆ reach(G): every data store reached stays reached, with at least the same impacts,
//     and the number of reached nodes does not drop;
//   - reach(G, C') ⊆ reach(G, C), and every store's type depth under C' is ≥ its depth under C.

import fc from 'fast-check';
import { BOUNDARY_TYPES, type BoundaryType } from '../../../src/domain/boundary.js';
import { CONTROL_NAMES, type ControlName } from '../../../src/domain/controls.js';
import type { WhatIfResult } from '../../../src/analyze/what-if-types.js';
import type { Model } from '../../../src/model/types.js';
import { controlsArbitrary } from '../../arbitraries/common.js';
import { modelArbitrary } from '../../arbitraries/model.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { claimFails, type Claim } from '../support/claim.js';
import { principals } from '../support/facts.js';
import { depth, load, simulate } from '../support/load.js';

export interface Input {
  readonly model: ModelDoc;
  /** Index into the model's foothold names (organizations, users, `internet`). */
  readonly from: number;
  readonly fail: BoundaryType[];
  readonly failMore: BoundaryType[];
  /** Indices into the model's boundary instances. */
  readonly instances: number[];
  readonly instancesMore: number[];
  readonly controls: Record<ControlName, boolean>;
  readonly controlsMore: ControlName[];
}

const types = fc.subarray([...BOUNDARY_TYPES]);
const indices = fc.uniqueArray(fc.nat({ max: 200 }), { maxLength: 4 });

/** Foothold names of a model: organizations with a standard user, every user entry, the internet. */
export function footholdNames(model: Model): string[] {
  const standardOrgs = new Set(principals(model).filter((p) => p.user.privilege === 'standard').map((p) => p.user.organization));
  return [...model.organizations.map((o) => o.id).filter((o) => standardOrgs.has(o)), ...model.users.map((u) => u.id), 'internet'];
}

export const monotonicity: Claim<Input> = {
  name: 'monotonicity',
  guide: 'build a series of security mechanisms and controls layered throughout your computer network to protect your data and network from being compromised or attacked.',
  arbitrary: fc.record({
    model: modelArbitrary(),
    from: fc.nat({ max: 20 }),
    fail: types,
    failMore: types,
    instances: indices,
    instancesMore: indices,
    controls: controlsArbitrary,
    controlsMore: fc.subarray([...CONTROL_NAMES]),
  }),
  predicate(input) {
    const prepared = load(input.model);
    const names = footholdNames(prepared.model);
    const from = [names[input.from % names.length]!];

    const small = input.fail;
    const big = [...new Set([...input.fail, ...input.failMore])];
    expectGrows('types', simulate(prepared, from, small), simulate(prepared, from, big), { small, big });

    const ids = prepared.compiled.instanceIds;
    const pick = (list: number[]) => (ids.length === 0 ? [] : list.map((i) => ids[i % ids.length]!));
    const fewer = [...new Set(pick(input.instances))];
    const more = [...new Set([...fewer, ...pick(input.instancesMore)])];
    expectGrows('instances', simulate(prepared, from, fewer), simulate(prepared, from, more), { small: fewer, big: more });

    const off = input.controls;
    const on = { ...off, ...Object.fromEntries(input.controlsMore.map((c) => [c, true])) };
    expectGrows('controls', simulate(prepared, from, big, on), simulate(prepared, from, big, off), { small: on, big: off });

    const depthOff = new Map(depth(prepared, from, 'type', 1, off).data.map((d) => [d.id, d.depth] as const));
    for (const d of depth(prepared, from, 'type', 1, on).data) {
      const before = depthOff.get(d.id) ?? null;
      if (before === null ? d.depth !== null : d.depth !== null && d.depth < before) {
        claimFails(`turning controls on lowered the depth of ${d.id} from ${before} to ${d.depth}`, { off, on });
      }
    }
    return 4;
  },
};

function expectGrows(what: string, small: WhatIfResult, big: WhatIfResult, sets: unknown): void {
  const bigData = new Map(big.data.map((d) => [d.id, d] as const));
  for (const d of small.data) {
    const after = bigData.get(d.id);
    if (after === undefined) claimFails(`monotonicity (${what}): ${d.id} is reached with fewer failures/controls off but not with more`, sets);
    const lost = d.impacts.filter((i) => !after.impacts.includes(i));
    if (lost.length > 0) claimFails(`monotonicity (${what}): ${d.id} loses impacts ${lost.join(', ')}`, sets);
  }
  if (big.summary.reachedNodes < small.summary.reachedNodes) {
    claimFails(`monotonicity (${what}): reached nodes drop from ${small.summary.reachedNodes} to ${big.summary.reachedNodes}`, sets);
  }
}
