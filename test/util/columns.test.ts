// carveColumns: one buffer, columns of the asked types and lengths that never overlap.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carveColumns, type ColumnType } from '../../src/util/columns.js';

const TYPES: readonly ColumnType[] = ['int32', 'uint32', 'uint16', 'int8', 'uint8'];
const CONSTRUCTORS = { int32: Int32Array, uint32: Uint32Array, uint16: Uint16Array, int8: Int8Array, uint8: Uint8Array } as const;

describe('carveColumns', () => {
  it('gives zeroed columns of the asked types and lengths, in one buffer, none overlapping another', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...TYPES), fc.nat(50)), { minLength: 1, maxLength: 6 }), (spec) => {
        const layout = Object.fromEntries(spec.map(([type, length], i) => [`c${i}`, [type, length] as const]));
        const columns = carveColumns(layout) as Record<string, Int32Array | Uint32Array | Uint16Array | Int8Array | Uint8Array>;
        const buffers = new Set(Object.values(columns).map((c) => c.buffer));
        expect(buffers.size).toBe(1);
        spec.forEach(([type, length], i) => {
          const column = columns[`c${i}`]!;
          expect(column).toBeInstanceOf(CONSTRUCTORS[type]);
          expect(column.length).toBe(length);
          expect(column.every((x) => x === 0)).toBe(true);
        });
        // Filling each column with its own marker leaves every other column's markers intact.
        spec.forEach((_, i) => columns[`c${i}`]!.fill(i + 1));
        spec.forEach((_, i) => expect(columns[`c${i}`]!.every((x) => x === i + 1)).toBe(true));
      }),
      { numRuns: 200 },
    );
  });
});
