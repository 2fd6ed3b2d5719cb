// Large-model correctness at CI size: a generated deployment (the real generator, YAML text, the
// real loader and rules) and `depth` answers for seeded random data nodes, checked against a plain
// BFS over the compiled arrays that shares no code with the engine:
//   by type:     depth d ⇒ every listed minimal set reaches the node, no proper subset of one does,
//                the smallest has d types and no set of d−1 types reaches it; unreachable ⇒ not
//                even every type failing reaches it.
//   by instance: depth 1 or 2 ⇒ every listed set (all minimal sets up to order 2) reaches the node
//                and no proper subset of one does; depth 2 ⇒ no single instance does; unreachable
//                within order 2 ⇒ no single instance does either.
//
// INDEPTH_SCALE_ORGS / INDEPTH_SCALE_USERS grow it (e.g. 10 and 10000: the ~85k-node benchmark model).

import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import type { DepthResult } from '../../src/analyze/depth-types.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import type { CompiledGraph } from '../../src/compile/compile.js';
import { BOUNDARY_TYPES, type BoundaryType } from '../../src/domain/boundary.js';
import { CONTROL_NAMES } from '../../src/domain/controls.js';
import { seededRandom, type Random } from '../../src/generate/random.js';
import { generatedModel as generated } from '../support/generated.js';

const ORGS = Number(process.env['INDEPTH_SCALE_ORGS'] ?? 6);
const USERS = Number(process.env['INDEPTH_SCALE_USERS'] ?? 600);
const SAMPLES = 150;
const SETS_PER_NODE = 40;
/** Sets listed per data store (counts stay exact); each listed set also gets a witness path. */
const MAX_SETS = 50;

/** Depth answers seen across all cases: together they must cover 0, 1, 2 and unreachable. */
const seen = { type: new Set<number | null>(), instance: new Set<number | null>() };

/** A generated model and a question: together they give depth 0, 1, 2 and unreachable answers. */
interface Case {
  readonly name: string;
  readonly sharedHosts: boolean;
  /** null: the first organization's standard users. */
  readonly from: string | null;
  readonly controls: Partial<Record<(typeof CONTROL_NAMES)[number], boolean>>;
}

const CASES: readonly Case[] = [
  { name: 'shared host clusters, an insider organization', sharedHosts: true, from: null, controls: {} },
  { name: 'separate host clusters, an insider organization', sharedHosts: false, from: null, controls: {} },
  { name: 'shared host clusters, the internet, Reverse Connect off', sharedHosts: true, from: 'internet', controls: { reverseConnect: false } },
];

/** Generated → YAML text → loader → rules → compiled: the path a user's model file takes. */
function generatedModel(seed: number, sharedHosts: boolean): PreparedModel {
  return generated(seed, { organizations: ORGS, users: USERS, sharedHosts });
}

/**
 * The oracle: nodes reached (controlled, or accessed through a read/tamper/deny edge from a
 * controlled node) when exactly the boundary instances `open` marks have failed. A plain FIFO BFS
 * over control edges; access edges only mark their target.
 */
function reachedUnder(c: CompiledGraph, footholds: readonly number[], blockedMask: number, open: (instance: number) => boolean): Uint8Array {
  const controlled = new Uint8Array(c.nodeCount);
  const reached = new Uint8Array(c.nodeCount);
  const queue: number[] = [];
  for (const s of footholds) if (controlled[s] === 0) (controlled[s] = 1), (reached[s] = 1), queue.push(s);
  for (let head = 0; head < queue.length; head++) {
    const u = queue[head]!;
    for (let e = c.offsets[u]!; e < c.offsets[u + 1]!; e++) {
      if ((c.blockedBy[e]! & blockedMask) !== 0) continue;
      const i = c.instance[e]!;
      if (i >= 0 && !open(i)) continue;
      const v = c.targets[e]!;
      reached[v] = 1;
      if (c.access[e] === 0 && controlled[v] === 0) (controlled[v] = 1), queue.push(v);
    }
  }
  return reached;
}

/**
 * reachedUnder memoized by failure set, keeping only the sampled nodes' answers, so that thousands
 * of oracle runs stay small at benchmark size.
 */
function oracle(c: CompiledGraph, footholds: readonly number[], blockedMask: number, watched: readonly number[]) {
  const slot = new Map(watched.map((v, k) => [v, k] as const));
  const runs = new Map<string, Uint8Array>();
  return (key: string, open: (instance: number) => boolean, node: number): boolean => {
    let bits = runs.get(key);
    if (bits === undefined) {
      const reached = reachedUnder(c, footholds, blockedMask, open);
      bits = Uint8Array.from(watched, (v) => reached[v]!);
      runs.set(key, bits);
    }
    return bits[slot.get(node)!] === 1;
  };
}

function setup(seed: number, by: 'type' | 'instance', question: Case) {
  const prepared = generatedModel(seed, question.sharedHosts);
  const c = prepared.compiled;
  const from = question.from ?? prepared.model.organizations[0]!.id;
  const outcome = analyzeDepth(prepared, { from: [from], by, order: 2, maxSets: MAX_SETS, controls: question.controls });
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  const result: DepthResult = outcome.result;
  const footholds = result.footholds.map((id) => c.nodeIndex.get(id)!);
  let blockedMask = 0;
  CONTROL_NAMES.forEach((name, bit) => {
    if (result.controls[name]) blockedMask |= 1 << bit;
  });
  const random = seededRandom(seed * 31 + 7);
  return { c, result, footholds, blockedMask, random, sampled: pick(result.data, SAMPLES, random) };
}

function pick<T>(items: readonly T[], count: number, random: Random): T[] {
  const copy = [...items];
  for (let i = 0; i < Math.min(count, copy.length); i++) {
    const j = i + Math.floor(random.next() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

describe.each(CASES)(`scale: a generated model (${ORGS} organizations, ${USERS} users), $name`, (question) => {
  it('depth by type agrees with a plain BFS under the implied failure sets', () => {
    const { c, footholds, blockedMask, sampled } = setup(11, 'type', question);
    expect(c.nodeCount).toBeGreaterThan(2000);
    // One oracle BFS per type subset, shared by every sampled node (subset bit t = BOUNDARY_TYPES[t]).
    const ask = oracle(c, footholds, blockedMask, sampled.map((d) => c.nodeIndex.get(d.id)!));
    const reaches = (subset: number, node: number): boolean => ask(String(subset), (i) => ((subset >>> c.instanceType[i]!) & 1) === 1, node);
    const subsetOf = (types: readonly string[]) => types.reduce((s, t) => s | (1 << BOUNDARY_TYPES.indexOf(t as BoundaryType)), 0);
    const all = (1 << BOUNDARY_TYPES.length) - 1;

    for (const d of sampled) {
      const node = c.nodeIndex.get(d.id)!;
      seen.type.add(d.depth);
      if (d.depth === null) {
        expect(reaches(all, node), `${d.id}: unreachable, yet every type failing reaches it`).toBe(false);
        continue;
      }
      expect(d.minimalSets.length).toBe(Math.min(d.minimalSetCount, MAX_SETS));
      for (const set of d.minimalSets) {
        const subset = subsetOf(set);
        expect(reaches(subset, node), `${d.id}: {${set.join(', ')}} should reach it`).toBe(true);
        for (let b = 0; b < BOUNDARY_TYPES.length; b++) {
          if ((subset >>> b) & 1) expect(reaches(subset & ~(1 << b), node), `${d.id}: {${set.join(', ')}} minus ${BOUNDARY_TYPES[b]} reaches it`).toBe(false);
        }
      }
      expect(d.minimalSets[0]!.length).toBe(d.depth);
      // No set of depth − 1 types reaches it (sets are upward closed, so no smaller one either).
      for (let subset = 0; subset <= all; subset++) {
        if (popCount(subset) === d.depth - 1) expect(reaches(subset, node), `${d.id}: depth ${d.depth}, yet a smaller set reaches it`).toBe(false);
      }
    }
  });

  it('depth by instance (order 2) agrees with a plain BFS under the implied failure sets', () => {
    const { c, footholds, blockedMask, random, sampled } = setup(12, 'instance', question);
    // One oracle BFS per distinct failure set, shared by every sampled node.
    const ask = oracle(c, footholds, blockedMask, sampled.map((d) => c.nodeIndex.get(d.id)!));
    const reaches = (instances: readonly number[], node: number): boolean => {
      const set = new Set(instances);
      return ask([...set].sort((a, b) => a - b).join(','), (i) => set.has(i), node);
    };
    const anySingleReaches = (node: number): boolean => {
      for (let i = 0; i < c.instanceCount; i++) if (reaches([i], node)) return true;
      return false;
    };
    for (const d of sampled) {
      const node = c.nodeIndex.get(d.id)!;
      seen.instance.add(d.depth);
      if (d.depth === 0) {
        expect(reaches([], node), `${d.id}: depth 0, yet not reached with nothing failed`).toBe(true);
        continue;
      }
      if (d.depth === null) {
        expect(anySingleReaches(node), `${d.id}: beyond order 2, yet one instance reaches it`).toBe(false);
        continue;
      }
      const sets = d.minimalSets.map((set) => set.map((id) => c.instanceIndex.get(id)!));
      expect(sets.length).toBe(Math.min(d.minimalSetCount, MAX_SETS));
      expect(sets[0]!.length).toBe(d.depth);
      // A hub node can have hundreds of sets: check a seeded sample of them.
      for (const set of pick(sets, SETS_PER_NODE, random)) {
        // Every minimal set up to the order is listed, not only the smallest.
        expect(set.length).toBeGreaterThanOrEqual(d.depth);
        expect(set.length).toBeLessThanOrEqual(2);
        expect(reaches(set, node), `${d.id}: {${set.join(', ')}} should reach it`).toBe(true);
        for (const dropped of set) expect(reaches(set.filter((i) => i !== dropped), node), `${d.id}: a subset of a minimal set reaches it`).toBe(false);
      }
      if (d.depth === 2) expect(anySingleReaches(node), `${d.id}: depth 2, yet one instance reaches it`).toBe(false);
    }
  });
});

function popCount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v &= v - 1) count++;
  return count;
}

describe('scale: coverage of the cases above', () => {
  it('the sampled answers include depths 0, 1, 2 and unreachable, by type and by instance', () => {
    for (const mode of ['type', 'instance'] as const) expect(seen[mode]).toEqual(new Set([0, 1, 2, null]));
  });
});
