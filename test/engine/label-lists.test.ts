// Flat label-list primitives against the obvious array-of-arrays versions.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { intersection, mergeArrays, sortedUnique, sortedUniqueLabels } from '../../src/engine/label-lists.js';
import { NUM_RUNS } from './arbitrary.js';

/** Random labels of one width: ascending distinct instance indices each. */
const labelsOf = (width: number): fc.Arbitrary<number[][]> =>
  fc.array(fc.uniqueArray(fc.nat(40), { minLength: width, maxLength: width }).map((label) => label.sort((a, b) => a - b)), { maxLength: 30 });

function reference(labels: readonly number[][]): number[][] {
  const unique = new Map(labels.map((label) => [label.join(','), label]));
  return [...unique.values()].sort((a, b) => {
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
    return 0;
  });
}

const flat = (labels: readonly number[][]): Int32Array => Int32Array.from(labels.flat());

describe('label lists', () => {
  it('sorts and de-duplicates labels of width 1 to 3', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((width) => fc.tuple(fc.constant(width), labelsOf(width))), ([width, labels]) => {
        expect([...sortedUniqueLabels(flat(labels), width)]).toEqual(reference(labels).flat());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('merges two sorted lists into their sorted union', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((width) => fc.tuple(fc.constant(width), labelsOf(width), labelsOf(width))), ([width, a, b]) => {
        const merged = mergeArrays(flat(reference(a)), flat(reference(b)), width);
        expect([...merged]).toEqual(reference([...a, ...b]).flat());
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('intersects sorted sets', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30)), fc.array(fc.nat(30)), (a, b) => {
        const expected = [...new Set(a)].filter((x) => b.includes(x)).sort((x, y) => x - y);
        expect([...intersection(sortedUnique(Int32Array.from(a)), sortedUnique(Int32Array.from(b)))]).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
