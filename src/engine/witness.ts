// A witnessing attack path for a node under one failure set (of types or of instances): the
// shortest path using only edges traversable when exactly that set fails. For a minimal set every
// such path crosses every member, since a path avoiding one would make a smaller set suffice.

import { BOUNDARY_TYPES } from '../domain/boundary.js';
import type { BoundaryType } from '../domain/boundary.js';
import type { CompiledGraph } from '../compile/compile.js';
import { explainPath, reach } from './reach.js';
import type { Hop } from './reach.js';
import { failInstances, failTypes } from './scenario.js';
import type { ControlMask } from './scenario.js';

export type FailureSet =
  | { readonly kind: 'types'; readonly types: readonly BoundaryType[] }
  | { readonly kind: 'instances'; readonly instances: readonly number[] };

export interface Witness {
  readonly hops: readonly Hop[];
  /** What the path crosses, distinct: boundary types in BOUNDARY_TYPES order, or instance ids in id order. */
  readonly crossed: readonly string[];
}

/** null when the node is not reached under that failure set. */
export function witnessPath(
  compiled: CompiledGraph,
  sources: readonly number[],
  controls: ControlMask,
  node: number,
  set: FailureSet,
): Witness | null {
  const failed = set.kind === 'types' ? failTypes(compiled, set.types) : failInstances(compiled, set.instances);
  const hops = explainPath(compiled, reach(compiled, sources, { failed, controls }), node);
  if (hops === null) return null;
  if (set.kind === 'types') {
    const types = new Set(hops.map((hop) => hop.boundary));
    return { hops, crossed: BOUNDARY_TYPES.filter((type) => types.has(type)) };
  }
  const instances = new Set(hops.flatMap((hop) => (hop.instance === null ? [] : [hop.instance])));
  return { hops, crossed: [...instances].sort() };
}
