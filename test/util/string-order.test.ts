// Natural order of ids for people (`vm2` before `vm10`) and code-unit order for machines: both total,
// both deterministic.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byNaturalOrder, byString } from '../../src/util/string-order.js';

/** Ids like the ones indepth lists: letters, separators and digit runs (sometimes with leading zeros). */
const id = fc.array(fc.oneof(fc.constantFrom('a', 'b', 'vm', '-', '#', '/', ':'), fc.nat(120).map(String), fc.constantFrom('0', '007', '10')), { maxLength: 6 }).map((parts) => parts.join(''));

describe('byNaturalOrder', () => {
  it('orders group members and VMs by number, as a person counts', () => {
    // contoso-workers#1 … #12 as the compiler numbers a 12-user entry; code-unit order puts #10 after #1.
    const members = Array.from({ length: 12 }, (_, i) => `contoso-workers#${i + 1}`);
    const shuffled = [...members].reverse();
    expect([...shuffled].sort(byNaturalOrder)).toEqual(members);
    expect([...members].sort(byString).slice(0, 3)).toEqual(['contoso-workers#1', 'contoso-workers#10', 'contoso-workers#11']);
    expect(['pool-vm10', 'pool-vm9', 'pool-vm100', 'pool-vm1'].sort(byNaturalOrder)).toEqual(['pool-vm1', 'pool-vm9', 'pool-vm10', 'pool-vm100']);
  });

  it('compares digit runs of any length by value, and text by code unit', () => {
    expect(byNaturalOrder('x99999999999999999999', 'x100000000000000000000')).toBeLessThan(0);
    expect(byNaturalOrder('a2b', 'a2c')).toBeLessThan(0);
    expect(byNaturalOrder('a10', 'b2')).toBeLessThan(0); // text first: a < b
    expect(byNaturalOrder('#2', '#02')).not.toBe(0); // equal value, still a total order
    expect(Math.sign(byNaturalOrder('#2', '#02')) + Math.sign(byNaturalOrder('#02', '#2'))).toBe(0);
  });

  it('is byString wherever there are no digits', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const x = a.replace(/[0-9]/g, '');
        const y = b.replace(/[0-9]/g, '');
        expect(Math.sign(byNaturalOrder(x, y))).toBe(Math.sign(byString(x, y)));
      }),
    );
  });

  it('is a total order: reflexive only on equal strings, antisymmetric, transitive', () => {
    fc.assert(
      fc.property(id, id, id, (a, b, c) => {
        expect(byNaturalOrder(a, b) === 0).toBe(a === b);
        expect(Math.sign(byNaturalOrder(a, b)) + Math.sign(byNaturalOrder(b, a))).toBe(0);
        if (byNaturalOrder(a, b) <= 0 && byNaturalOrder(b, c) <= 0) expect(byNaturalOrder(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('sorts to the same list whatever the input order', () => {
    fc.assert(
      fc.property(fc.array(id), fc.nat(), (ids, seed) => {
        const sorted = [...ids].sort(byNaturalOrder);
        const rotated = [...ids.slice(seed % (ids.length || 1)), ...ids.slice(0, seed % (ids.length || 1))].reverse();
        expect(rotated.sort(byNaturalOrder)).toEqual(sorted);
      }),
    );
  });
});
