// Slow, obviously-correct reference semantics over plain edge lists: a fixpoint for reachability
// and brute force over every failure subset, for differential tests against the engine.

import { BOUNDARY_TYPES } from '../../src/domain/boundary.js';
import type { BoundaryType } from '../../src/domain/boundary.js';
import type { ControlName } from '../../src/domain/controls.js';
import type { Access } from '../../src/model/types.js';
import { typeOfInstance } from './build.js';
import type { TestEdge } from './build.js';

export interface RefGraph {
  readonly nodes: readonly string[];
  readonly edges: readonly TestEdge[];
}

export interface RefReach {
  readonly controlled: ReadonlySet<string>;
  readonly reached: ReadonlySet<string>;
  /** Per reached node: fewest edges on a control path, or on a control path plus one access edge. */
  readonly distance: ReadonlyMap<string, number>;
  readonly access: ReadonlyMap<string, ReadonlySet<Access>>;
}

export function traversable(edge: TestEdge, failed: ReadonlySet<string>, controlsOn: ReadonlySet<ControlName>): boolean {
  if (edge.blockedBy != null && controlsOn.has(edge.blockedBy)) return false;
  return edge.instance == null || failed.has(edge.instance);
}

export function refReach(
  graph: RefGraph,
  sources: readonly string[],
  failed: ReadonlySet<string>,
  controlsOn: ReadonlySet<ControlName>,
): RefReach {
  const live = graph.edges.filter((edge) => traversable(edge, failed, controlsOn));
  const isControl = (edge: TestEdge): boolean => (edge.access ?? 'control') === 'control';
  // Bellman-Ford style relaxation: distances along control edges only.
  const controlDistance = new Map<string, number>(sources.map((s) => [s, 0]));
  for (let changed = true; changed; ) {
    changed = false;
    for (const edge of live.filter(isControl)) {
      const d = controlDistance.get(edge.from);
      if (d === undefined) continue;
      const old = controlDistance.get(edge.to);
      if (old === undefined || d + 1 < old) (controlDistance.set(edge.to, d + 1), (changed = true));
    }
  }
  const distance = new Map(controlDistance);
  const access = new Map<string, Set<Access>>([...controlDistance.keys()].map((v) => [v, new Set<Access>(['control'])]));
  for (const edge of live) {
    const d = controlDistance.get(edge.from);
    if (d === undefined || isControl(edge)) continue;
    const modes = access.get(edge.to) ?? new Set<Access>();
    modes.add(edge.access ?? 'control');
    access.set(edge.to, modes);
    if (!controlDistance.has(edge.to)) distance.set(edge.to, Math.min(distance.get(edge.to) ?? Infinity, d + 1));
  }
  return { controlled: new Set(controlDistance.keys()), reached: new Set(access.keys()), distance, access };
}

export function instancesOf(graph: RefGraph): string[] {
  return [...new Set(graph.edges.flatMap((edge) => (edge.instance == null ? [] : [edge.instance])))].sort();
}

export function typesOf(graph: RefGraph): BoundaryType[] {
  const present = new Set(instancesOf(graph).map(typeOfInstance));
  return BOUNDARY_TYPES.filter((type) => present.has(type));
}

/** Per node, its minimal failing type sets, by trying every subset of the types present. */
export function refMinimalTypeSets(graph: RefGraph, sources: readonly string[], controlsOn: ReadonlySet<ControlName>): Map<string, BoundaryType[][]> {
  const types = typesOf(graph);
  const instances = instancesOf(graph);
  const reachedBy = (mask: number): ReadonlySet<string> => {
    const failed = new Set(instances.filter((i) => ((mask >>> types.indexOf(typeOfInstance(i))) & 1) === 1));
    return refReach(graph, sources, failed, controlsOn).reached;
  };
  const reached = Array.from({ length: 2 ** types.length }, (_, mask) => reachedBy(mask));
  const out = new Map<string, BoundaryType[][]>();
  for (const v of graph.nodes) {
    const minimal: BoundaryType[][] = [];
    reached.forEach((set, mask) => {
      if (!set.has(v)) return;
      for (let b = 0; b < types.length; b++) if (((mask >>> b) & 1) === 1 && reached[mask ^ (1 << b)]!.has(v)) return;
      minimal.push(types.filter((_, b) => ((mask >>> b) & 1) === 1));
    });
    out.set(v, minimal.sort(bySizeThenLex((type) => BOUNDARY_TYPES.indexOf(type))));
  }
  return out;
}

/** Per node, its minimal failing instance sets of size ≤ order, by trying every such subset. */
export function refMinimalInstanceSets(
  graph: RefGraph,
  sources: readonly string[],
  controlsOn: ReadonlySet<ControlName>,
  order: number,
): Map<string, string[][]> {
  const candidates = subsetsUpTo(instancesOf(graph), order);
  const reached = new Map(candidates.map((set) => [set.join('|'), refReach(graph, sources, new Set(set), controlsOn).reached]));
  const out = new Map<string, string[][]>();
  for (const v of graph.nodes) {
    const minimal = candidates.filter(
      (set) => reached.get(set.join('|'))!.has(v) && properSubsets(set).every((sub) => !reached.get(sub.join('|'))!.has(v)),
    );
    out.set(v, minimal);
  }
  return out;
}

/** Sorted subsets of sorted items with at most `k` members, by size then lexicographically. */
export function subsetsUpTo(items: readonly string[], k: number): string[][] {
  const out: string[][] = [[]];
  for (let size = 1; size <= k; size++) {
    const grow = (start: number, prefix: string[]): void => {
      if (prefix.length === size) return void out.push(prefix);
      for (let i = start; i < items.length; i++) grow(i + 1, [...prefix, items[i]!]);
    };
    grow(0, []);
  }
  return out;
}

function properSubsets(set: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let mask = 0; mask < (1 << set.length) - 1; mask++) out.push(set.filter((_, i) => ((mask >>> i) & 1) === 1));
  return out;
}

function bySizeThenLex<T>(rank: (item: T) => number): (a: readonly T[], b: readonly T[]) => number {
  return (a, b) => {
    if (a.length !== b.length) return a.length - b.length;
    for (let i = 0; i < a.length; i++) {
      const d = rank(a[i]!) - rank(b[i]!);
      if (d !== 0) return d;
    }
    return 0;
  };
}
