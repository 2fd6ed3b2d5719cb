// The int-pair hash map behind the label-family memos behaves like a Map keyed by the pair,
// through growth and collisions.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PairMap } from '../../src/engine/pair-map.js';
import { NUM_RUNS } from './arbitrary.js';

describe('PairMap', () => {
  it('agrees with a Map keyed by the pair', () => {
    const key = fc.integer({ min: 0, max: 2 ** 31 - 1 });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(key, fc.nat(20)), fc.oneof(key, fc.nat(20)), fc.integer()), { maxLength: 300 }), (writes) => {
        const map = new PairMap(2);
        const reference = new Map<string, number>();
        for (const [a, b, value] of writes) {
          map.set(a, b, value | 0);
          reference.set(`${a},${b}`, value | 0);
        }
        expect(map.size).toBe(reference.size);
        for (const [a, b] of writes) expect(map.get(a, b, -1)).toBe(reference.get(`${a},${b}`));
        expect(map.get(2 ** 31 - 1, 7, 12345)).toBe(reference.get(`${2 ** 31 - 1},7`) ?? 12345);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
