// The hash-consed table store behind depth by type: one id per distinct table, however often and
// in whatever order tables are interned, through growth and after dropping tables no one holds.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TableStore } from '../../src/engine/table-store.js';
import { NUM_RUNS } from './arbitrary.js';

const WORDS = 3;
/** Tables drawn from few values, so that equal ones recur. */
const table = fc.array(fc.constantFrom(0, 1, 0xffffffff, 0x80000000, 7), { minLength: WORDS, maxLength: WORDS });

describe('TableStore', () => {
  it('gives equal tables the same id and distinct tables distinct ids, numbered as first met', () => {
    fc.assert(
      fc.property(fc.array(table, { maxLength: 200 }), (tables) => {
        const store = new TableStore(WORDS, 1);
        const reference = new Map<string, number>();
        for (const t of tables) {
          const key = t.join(',');
          if (!reference.has(key)) reference.set(key, reference.size);
          // Interned from an offset inside a larger array, as the engine's scratch may be.
          const padded = Uint32Array.from([9, ...t, 9]);
          expect(store.intern(padded, 1)).toBe(reference.get(key));
        }
        expect(store.count).toBe(reference.size);
        for (const [key, id] of reference) expect([...store.tables.subarray(id * WORDS, (id + 1) * WORDS)].join(',')).toBe(key);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('keeps the live tables, renumbered in order, and finds them again after compacting', () => {
    fc.assert(
      fc.property(fc.array(table, { maxLength: 100 }), fc.array(fc.boolean(), { maxLength: 100 }), (tables, keep) => {
        const store = new TableStore(WORDS);
        for (const t of tables) store.intern(Uint32Array.from(t));
        const before = Array.from({ length: store.count }, (_, id) => [...store.tables.subarray(id * WORDS, (id + 1) * WORDS)]);
        const live = Uint8Array.from(before, (_, id) => (keep[id] === true ? 1 : 0));
        const remap = store.compact(live);
        const kept = before.filter((_, id) => live[id] === 1);
        expect(store.count).toBe(kept.length);
        before.forEach((t, id) => {
          if (live[id] !== 1) return expect(remap[id]).toBe(-1);
          expect(remap[id]).toBe(kept.indexOf(t));
          expect(store.intern(Uint32Array.from(t))).toBe(remap[id]);
        });
        // A dropped table comes back under a new id.
        const dropped = before.findIndex((_, id) => live[id] !== 1);
        if (dropped >= 0) expect(store.intern(Uint32Array.from(before[dropped]!))).toBe(kept.length);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuses a width that is not a whole number of words', () => {
    expect(() => new TableStore(0)).toThrow(RangeError);
    expect(() => new TableStore(1.5)).toThrow(RangeError);
  });
});
