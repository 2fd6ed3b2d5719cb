// Failure sets of boundary types up to a size, over the types a graph actually has: the rows of a
// sweep and the candidates of a comparison. Canonical order: by size, then alphabetically.

import { BOUNDARY_TYPES, type BoundaryType } from '../domain/boundary.js';
import type { CompiledGraph } from '../compile/compile.js';
import { compareSets } from './antichain.js';

/** Boundary types with at least one instance in the graph, in BOUNDARY_TYPES order. */
export function typesPresent(compiled: CompiledGraph): BoundaryType[] {
  const present = new Set<number>();
  for (let i = 0; i < compiled.instanceCount; i++) present.add(compiled.instanceType[i]!);
  return BOUNDARY_TYPES.filter((_, index) => present.has(index));
}

/** Every subset of `types` with at most `order` members, the empty set first. */
export function subsetsUpTo(types: readonly BoundaryType[], order: number): BoundaryType[][] {
  const out: BoundaryType[][] = [[]];
  const extend = (start: number, current: BoundaryType[]) => {
    if (current.length === order) return;
    for (let i = start; i < types.length; i++) {
      const next = [...current, types[i]!];
      out.push(next);
      extend(i + 1, next);
    }
  };
  extend(0, []);
  return out.map((set) => [...set].sort()).sort(compareSets);
}
