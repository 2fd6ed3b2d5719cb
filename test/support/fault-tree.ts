// A compiled deployment graph unrolled into an acyclic fault tree (Open-PSA MEF XML) whose top event
// per data node is "the attacker reaches it", basic events being boundary instances that fail. The
// graph has cycles, so the tree is layered: layer k holds "controlled with at most k crossings of
// failed boundary instances", and free edges (no instance) stay inside a layer, over the strongly
// connected components they form (a DAG). With enough layers for every failure set of up to `order`
// instances, the tree's minimal cut sets of order ≤ `order` are exactly the graph's.

import type { CompiledGraph } from '../../src/compile/compile.js';

export interface FaultTreeQuestion {
  readonly footholds: readonly number[];
  /** Edges with (blockedBy & blockedMask) ≠ 0 are removed (controls switched on). */
  readonly blockedMask: number;
  /** Data nodes: one top event each. */
  readonly targets: readonly number[];
  /** The largest failure set the layers must be exact for. */
  readonly order: number;
}

export interface FaultTree {
  /** The MEF document: one fault tree, a top gate `t<node>` per non-constant target. */
  readonly xml: string;
  /** Targets reached with nothing failed (the top folds to true). */
  readonly alwaysReached: ReadonlySet<number>;
  /** Targets no failure set of any size reaches (the top folds to false). */
  readonly neverReached: ReadonlySet<number>;
  readonly layers: number;
  readonly gates: number;
}

/** A formula after constant folding: true, false, a basic event `i<n>` or a gate `g…`. */
type Term = true | false | string;

/** Basic event name of boundary instance `index`. */
export const eventName = (index: number): string => `i${index}`;

export function unrollFaultTree(c: CompiledGraph, q: FaultTreeQuestion): FaultTree {
  const open = (e: number) => (c.blockedBy[e]! & q.blockedMask) === 0;
  const scc = freeComponents(c, open);
  const layers = layersNeeded(c, q, open);
  const isFoothold = new Uint8Array(c.nodeCount);
  for (const s of q.footholds) isFoothold[s] = 1;

  // Incoming control edges per component, split into free edges and instance edges.
  const componentCount = scc.count;
  const freeIn: number[][] = Array.from({ length: componentCount }, () => []);
  const crossIn: number[][] = Array.from({ length: componentCount }, () => []);
  const seeded = new Uint8Array(componentCount);
  for (let v = 0; v < c.nodeCount; v++) if (isFoothold[v] === 1) seeded[scc.of[v]!] = 1;
  for (let u = 0; u < c.nodeCount; u++) {
    for (let e = c.offsets[u]!; e < c.offsets[u + 1]!; e++) {
      if (!open(e) || c.access[e] !== 0) continue;
      const to = scc.of[c.targets[e]!]!;
      if (c.instance[e]! >= 0) crossIn[to]!.push(e);
      else if (scc.of[u] !== to) freeIn[to]!.push(e);
    }
  }

  const definitions = new Map<string, { readonly kind: 'or' | 'and'; readonly args: readonly string[] }>();
  const gate = (name: string, kind: 'or' | 'and', terms: readonly Term[]): Term => {
    if (kind === 'or' ? terms.includes(true) : terms.includes(false)) return kind === 'or';
    const args = [...new Set(terms.filter((t): t is string => typeof t === 'string'))];
    if (args.length === 0) return kind === 'and';
    if (args.length === 1) return args[0]!;
    definitions.set(name, { kind, args });
    return name;
  };

  // layer[k][component]: controlled with at most k crossings. Components in topological order.
  let previous: Term[] | null = null;
  for (let k = 0; k <= layers; k++) {
    const current: Term[] = new Array(componentCount);
    for (const s of scc.topological) {
      const terms: Term[] = [];
      if (previous !== null) terms.push(previous[s]!);
      if (seeded[s] === 1) terms.push(true);
      for (const e of freeIn[s]!) terms.push(current[scc.of[c.sources[e]!]!]!);
      if (previous !== null) {
        for (const e of crossIn[s]!) terms.push(gate(`a${k}_${e}`, 'and', [previous[scc.of[c.sources[e]!]!]!, eventName(c.instance[e]!)]));
      }
      current[s] = gate(`g${k}_${s}`, 'or', terms);
    }
    previous = current;
  }
  const controlled = previous!;

  // A target is reached when a controlled node has an open edge (control or access) to it.
  const inEdges = new Map<number, number[]>(q.targets.map((t) => [t, []]));
  for (let e = 0; e < c.edgeCount; e++) inEdges.get(c.targets[e]!)?.push(e);
  const alwaysReached = new Set<number>();
  const neverReached = new Set<number>();
  const tops: string[] = [];
  for (const t of q.targets) {
    const terms: Term[] = [isFoothold[t] === 1];
    for (const e of inEdges.get(t)!) {
      if (!open(e)) continue;
      const from = controlled[scc.of[c.sources[e]!]!]!;
      terms.push(c.instance[e]! < 0 ? from : gate(`r${e}`, 'and', [from, eventName(c.instance[e]!)]));
    }
    const top = gate(`t${t}`, 'or', terms);
    if (top === true) alwaysReached.add(t);
    else if (top === false) neverReached.add(t);
    else {
      if (top !== `t${t}`) definitions.set(`t${t}`, { kind: 'or', args: [top] });
      tops.push(`t${t}`);
    }
  }

  // Only the gates the tops use (an unused gate would be a top event of its own).
  const used = new Set<string>();
  const stack = [...tops];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (used.has(name)) continue;
    used.add(name);
    for (const arg of definitions.get(name)!.args) if (definitions.has(arg)) stack.push(arg);
  }
  const events = new Set<string>();
  const ref = (arg: string) => {
    if (definitions.has(arg)) return `<gate name="${arg}"/>`;
    events.add(arg);
    return `<basic-event name="${arg}"/>`;
  };
  const lines: string[] = ['<?xml version="1.0"?>', '<opsa-mef>', '<define-fault-tree name="reach">'];
  for (const name of [...used].sort()) {
    const { kind, args } = definitions.get(name)!;
    const body = args.length === 1 ? ref(args[0]!) : `<${kind}>${args.map(ref).join('')}</${kind}>`;
    lines.push(`<define-gate name="${name}">${body}</define-gate>`);
  }
  lines.push('</define-fault-tree>', '<model-data>', ...[...events].sort().map((e) => `<define-basic-event name="${e}"/>`), '</model-data>', '</opsa-mef>');
  return { xml: `${lines.join('\n')}\n`, alwaysReached, neverReached, layers, gates: used.size };
}

/**
 * Strongly connected components of the free control edges (no boundary instance, not removed by a
 * control), with the components in topological order (Tarjan emits them sinks first).
 */
function freeComponents(c: CompiledGraph, open: (edge: number) => boolean): { readonly of: Int32Array; readonly count: number; readonly topological: readonly number[] } {
  const of = new Int32Array(c.nodeCount).fill(-1);
  const index = new Int32Array(c.nodeCount).fill(-1);
  const low = new Int32Array(c.nodeCount);
  const onStack = new Uint8Array(c.nodeCount);
  const stack: number[] = [];
  let next = 0;
  let count = 0;
  const free = (e: number) => open(e) && c.access[e] === 0 && c.instance[e]! < 0;
  for (let root = 0; root < c.nodeCount; root++) {
    if (index[root] !== -1) continue;
    // Iterative Tarjan: frames of (node, next edge to look at).
    const frames: [number, number][] = [[root, c.offsets[root]!]];
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [u, e] = frame;
      if (e < c.offsets[u + 1]!) {
        frame[1] = e + 1;
        if (!free(e)) continue;
        const v = c.targets[e]!;
        if (index[v] === -1) {
          index[v] = low[v] = next++;
          stack.push(v);
          onStack[v] = 1;
          frames.push([v, c.offsets[v]!]);
        } else if (onStack[v] === 1) low[u] = Math.min(low[u]!, index[v]!);
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1]![0];
        low[parent] = Math.min(low[parent]!, low[u]!);
      }
      if (low[u] === index[u]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          of[w] = count;
        } while (w !== u);
        count++;
      }
    }
  }
  // Tarjan numbers a component after every component it reaches: descending numbers are topological.
  const topological = Array.from({ length: count }, (_, i) => count - 1 - i);
  return { of, count, topological };
}

/**
 * Layers needed for exactness up to `order`: the most failed-instance crossings any node needs
 * (0-1 BFS: free edges cost 0, an edge of a failed instance 1) over every failure set of at most
 * `order` instances. Sets of 1 and 2 instances are enumerated (order ≤ 2).
 */
function layersNeeded(c: CompiledGraph, q: FaultTreeQuestion, open: (edge: number) => boolean): number {
  if (q.order > 2) throw new Error('layersNeeded enumerates failure sets of at most 2 instances');
  const distance = new Int32Array(c.nodeCount);
  const deque = new Int32Array(2 * c.nodeCount + 2 * c.edgeCount + 2);
  let most = 0;
  const run = (a: number, b: number) => {
    distance.fill(-1);
    const done = new Uint8Array(c.nodeCount);
    // Deque in one array: front grows down from the middle, back grows up.
    let head = c.nodeCount + c.edgeCount;
    let tail = head;
    const dist = new Int32Array(c.nodeCount).fill(0x7fffffff);
    for (const s of q.footholds) {
      dist[s] = 0;
      deque[tail++] = s;
    }
    while (head < tail) {
      const u = deque[head++]!;
      if (done[u] === 1) continue;
      done[u] = 1;
      distance[u] = dist[u]!;
      for (let e = c.offsets[u]!; e < c.offsets[u + 1]!; e++) {
        if (!open(e) || c.access[e] !== 0) continue;
        const i = c.instance[e]!;
        const cost = i < 0 ? 0 : i === a || i === b ? 1 : -1;
        if (cost < 0) continue;
        const v = c.targets[e]!;
        if (dist[u]! + cost < dist[v]!) {
          dist[v] = dist[u]! + cost;
          if (cost === 0) deque[--head] = v;
          else deque[tail++] = v;
        }
      }
    }
    for (let v = 0; v < c.nodeCount; v++) if (distance[v]! > most) most = distance[v]!;
  };
  run(-1, -1);
  for (let a = 0; a < c.instanceCount; a++) {
    if (q.order >= 1) run(a, -1);
    if (q.order >= 2) for (let b = a + 1; b < c.instanceCount; b++) run(a, b);
  }
  return most;
}
