// Claim 8. Not a sentence of the guide but what makes checking it worth anything: the same model and
// question give the same answer. Two independent loads of the same YAML text give JSON-identical
// whatIf and analyzeDepth (by type, and by instance up to order 2) results.

import fc from 'fast-check';
import { BOUNDARY_TYPES, type BoundaryType } from '../../../src/domain/boundary.js';
import { modelArbitrary } from '../../arbitraries/model.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { claimFails, type Claim } from '../support/claim.js';
import { depth, load, simulate } from '../support/load.js';
import { footholdNames } from './monotonicity.js';

export interface Input {
  readonly model: ModelDoc;
  readonly from: number;
  readonly fail: BoundaryType[];
}

export const determinism: Claim<Input> = {
  name: 'determinism',
  guide: '(the engine\u2019s own promise) same input, same output',
  arbitrary: fc.record({ model: modelArbitrary(), from: fc.nat({ max: 20 }), fail: fc.subarray([...BOUNDARY_TYPES]) }),
  predicate({ model, from: fromIndex, fail }) {
    const answer = () => {
      const prepared = load(model);
      const names = footholdNames(prepared.model);
      const from = [names[fromIndex % names.length]!];
      return JSON.stringify({
        whatIf: simulate(prepared, from, fail),
        byType: depth(prepared, from, 'type'),
        byInstance: depth(prepared, from, 'instance', 2),
      });
    };
    const first = answer();
    const second = answer();
    if (first !== second) {
      const at = [...first].findIndex((c, i) => c !== second[i]);
      claimFails(`two loads of the same model answer differently at character ${at}`, {
        first: first.slice(Math.max(0, at - 80), at + 80),
        second: second.slice(Math.max(0, at - 80), at + 80),
      });
    }
    return 1;
  },
};
