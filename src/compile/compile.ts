// Compiles a deployment graph into the CSR typed arrays the engine runs on. graphology is only an
// adapter: rules can write straight into a CompiledGraphBuilder, so a large model skips building a
// graphology graph (tens of seconds at 1M nodes) and still reaches the same engine.

import { BOUNDARY_TYPES, boundaryIndex } from '../domain/boundary.js';
import type { BoundaryType } from '../domain/boundary.js';
import { CONTROL_NAMES } from '../domain/controls.js';
import { NODE_KINDS } from '../domain/kinds.js';
import type { NodeKind } from '../domain/kinds.js';
import { ACCESS_MODES } from '../model/types.js';
import { carveColumns } from '../util/columns.js';
import type { DeploymentGraph, EdgeAttributes, GraphSink, NodeAttributes } from './graph-types.js';

/** What the engine needs of a node. */
export interface NodeRecord {
  readonly id: string;
  readonly kind: NodeKind;
  readonly organization: string | null;
}

/** What the engine needs of an edge (plus the rule that derived it, kept for explanations). */
export interface EdgeRecord extends Pick<EdgeAttributes, 'boundary' | 'instance' | 'groups' | 'access' | 'blockedBy'> {
  readonly source: string;
  readonly target: string;
  readonly rule?: string;
}

export interface GraphRecords {
  readonly nodes: readonly NodeRecord[];
  readonly edges: readonly EdgeRecord[];
}

/**
 * A deployment graph as flat arrays. Node indices follow sorted node ids (code-unit order), so
 * ascending indices are ascending ids; instance and group indices likewise follow sorted ids.
 * Edges are grouped by source (forward CSR), ordered by target, then by input order.
 */
export interface CompiledGraph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly instanceCount: number;
  readonly nodeIds: readonly string[];
  readonly nodeIndex: ReadonlyMap<string, number>;
  /** Per node: index into NODE_KINDS. */
  readonly nodeKind: Uint8Array;
  /** Per node: index into organizationIds, or -1 for shared infrastructure. */
  readonly nodeOrganization: Int32Array;
  readonly organizationIds: readonly string[];

  /** Node u's out-edges are the edge indices offsets[u] .. offsets[u+1]-1. */
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  /** Per edge: its source node (explanations walk edges backwards). */
  readonly sources: Int32Array;
  /** Per edge: 0 = legitimate access, otherwise 1 + index into BOUNDARY_TYPES. */
  readonly boundary: Uint8Array;
  /** Per edge: index into instanceIds, or -1 for legitimate access. */
  readonly instance: Int32Array;
  /** Per edge: index into ACCESS_MODES (0 = control). */
  readonly access: Uint8Array;
  /** Per edge: bit i set when CONTROL_NAMES[i], switched on, removes the edge. */
  readonly blockedBy: Uint8Array;
  /** Per edge: its position in the input (graphology insertion order, or the order edges were added). */
  readonly edgeInput: Int32Array;
  /** Per edge: index into ruleIds of the rule that derived it (0 = not recorded). */
  readonly edgeRule: Uint16Array;
  readonly ruleIds: readonly string[];

  readonly instanceIds: readonly string[];
  readonly instanceIndex: ReadonlyMap<string, number>;
  /** Per instance: index into BOUNDARY_TYPES (no "none" here: every instance has a type). */
  readonly instanceType: Uint8Array;
  /** Instance i belongs to the groups groupMembers[groupOffsets[i] .. groupOffsets[i+1]-1] (ascending). */
  readonly groupOffsets: Int32Array;
  readonly groupMembers: Int32Array;
  readonly groupIds: readonly string[];
}

/** What the propagation algorithms read: the arrays alone, transferable to worker threads. */
export type EngineArrays = Pick<
  CompiledGraph,
  'nodeCount' | 'edgeCount' | 'instanceCount' | 'offsets' | 'targets' | 'boundary' | 'instance' | 'access' | 'blockedBy' | 'instanceType'
>;

export type CompileErrorKind =
  | 'duplicateNode'
  | 'unknownEndpoint'
  | 'boundaryWithoutInstance'
  | 'instanceWithoutBoundary'
  | 'instanceTypeConflict';

/** The graph breaks the contract of graph-types.ts: a bug in whatever built it, not in user input. */
export class CompileError extends Error {
  readonly kind: CompileErrorKind;
  readonly subject: string;
  constructor(kind: CompileErrorKind, subject: string, message: string) {
    super(message);
    this.name = 'CompileError';
    this.kind = kind;
    this.subject = subject;
  }
}

/** Adapter: reads a graphology deployment graph (edges in graphology's insertion order). */
export function compile(graph: DeploymentGraph): CompiledGraph {
  const builder = new CompiledGraphBuilder();
  graph.forEachNode((id, attributes) => void builder.addNode(id, attributes));
  graph.forEachEdge((_key, attributes, source, target) => builder.addEdge(source, target, attributes));
  return builder.build();
}

/** A GraphSink that only records, for callers that want plain records. */
export function recordingSink(): GraphSink & { records(): GraphRecords } {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  return {
    addNode(id: string, attributes: NodeAttributes): boolean {
      nodes.push({ id, kind: attributes.kind, organization: attributes.organization });
      return true;
    },
    addEdge(source: string, target: string, attributes: EdgeAttributes): void {
      edges.push({ ...attributes, source, target });
    },
    records: () => ({ nodes, edges }),
  };
}

/** Plain records → compiled arrays (nodes first, then edges, in the given order). */
export function compileFromArrays(records: GraphRecords): CompiledGraph {
  const builder = new CompiledGraphBuilder();
  for (const node of records.nodes) {
    if (!builder.addNode(node.id, node)) throw new CompileError('duplicateNode', node.id, `node '${node.id}' is declared twice`);
  }
  for (const edge of records.edges) builder.addEdge(edge.source, edge.target, edge);
  return builder.build();
}

const KIND_INDEX: ReadonlyMap<string, number> = new Map(NODE_KINDS.map((kind, i) => [kind, i]));
const ACCESS_INDEX: ReadonlyMap<string, number> = new Map(ACCESS_MODES.map((mode, i) => [mode, i]));
const CONTROL_BIT: ReadonlyMap<string, number> = new Map(CONTROL_NAMES.map((name, i) => [name, 1 << i]));

interface InstanceDraft {
  readonly type: BoundaryType;
  readonly groups: Set<string>;
}

/**
 * Builds a CompiledGraph straight from nodes and edges as they are emitted, into growable typed
 * columns: no object is kept per edge, which is what lets a million-node model compile without
 * drowning in garbage collection. Every node must be added before an edge names it.
 */
export class CompiledGraphBuilder implements GraphSink {
  private readonly ids: string[] = [];
  private readonly position = new Map<string, number>();
  private readonly kinds: number[] = [];
  private readonly orgs: (string | null)[] = [];
  private readonly instances = new Map<string, { readonly code: number; readonly draft: InstanceDraft }>();
  private readonly instanceNames: string[] = [];
  private readonly rules = new Map<string, number>([['', 0]]);
  private edges = 0;
  // The edge columns, views into one buffer (src/util/columns.ts): sized at the first edge from
  // the node count, doubled all at once when full.
  private source = new Int32Array(0);
  private target = new Int32Array(0);
  private instanceOf = new Int32Array(0);
  private codes = new Uint8Array(0); // boundary, access, blockedBy, spare
  private ruleOf = new Uint16Array(0);
  private remap: Int32Array | null = null;
  private lastSource = '';
  private lastSourcePosition = -1;
  private lastTarget = '';
  private lastTargetPosition = -1;
  // The last boundary edge's instance, groups and code: runs of edges through one instance (the
  // same strings and arrays, build-graph.ts) skip the instance map and the groups set.
  private lastInstance: string | null = null;
  private lastGroups: readonly string[] | null = null;
  private lastInstanceType: BoundaryType | null = null;
  private lastInstanceCode = -1;

  /** false when the id exists already (a GraphSink reports, the array compilers throw). */
  addNode(id: string, attributes: Pick<NodeAttributes, 'kind' | 'organization'>): boolean {
    if (this.remap !== null) throw new Error('addNode() after build()');
    if (this.position.has(id)) return false;
    this.position.set(id, this.ids.length);
    this.ids.push(id);
    this.kinds.push(KIND_INDEX.get(attributes.kind) ?? 0);
    this.orgs.push(attributes.organization);
    return true;
  }

  hasNode(id: string): boolean {
    return this.position.has(id);
  }

  nodeIds(): Iterable<string> {
    return this.ids;
  }

  addEdge(source: string, target: string, edge: Omit<EdgeRecord, 'source' | 'target'>): void {
    if (this.remap !== null) throw new Error('addEdge() after build()');
    // Rules emit runs of edges from one node or into one node, passing the very same id strings:
    // comparing them by identity first skips most hash lookups (two per edge otherwise).
    let u: number;
    if (this.edges === this.source.length) this.grow();
    if (source === this.lastSource) u = this.lastSourcePosition;
    else if (source === this.lastTarget) u = this.lastTargetPosition;
    else u = this.endpoint(source, source, target);
    let v: number;
    if (target === this.lastTarget) v = this.lastTargetPosition;
    else if (target === this.lastSource) v = this.lastSourcePosition;
    else v = this.endpoint(target, source, target);
    this.lastSource = source;
    this.lastSourcePosition = u;
    this.lastTarget = target;
    this.lastTargetPosition = v;
    const e = this.edges++;
    this.source[e] = u;
    this.target[e] = v;
    this.instanceOf[e] = this.instanceCode(edge, source, target);
    this.codes[4 * e] = edge.boundary === null ? 0 : 1 + boundaryIndex(edge.boundary);
    this.codes[4 * e + 1] = ACCESS_INDEX.get(edge.access) ?? 0;
    this.codes[4 * e + 2] = edge.blockedBy === null ? 0 : (CONTROL_BIT.get(edge.blockedBy) ?? 0);
    this.ruleOf[e] = this.ruleCode(edge.rule ?? '');
  }

  build(): CompiledGraph {
    // Once only: build() remaps the builder's edge columns in place.
    if (this.remap !== null) throw new Error('build() called twice');
    // The default sort compares UTF-16 code units, the order byCodeUnit defines, without a callback.
    // Sorted in place, and the id → added-position map is read once per node and kept as the
    // index: a second map of every id cost more than the sort at 3M nodes (profile in bench/README.md).
    const nodeIds = this.ids.sort();
    const n = nodeIds.length;
    const remap = new Int32Array(n);
    for (let i = 0; i < n; i++) remap[this.position.get(nodeIds[i]!)!] = i;
    this.remap = remap;
    const nodeIndex = new RemappedIndex(this.position, remap, nodeIds);

    const organizations = new Set<string>();
    for (const org of this.orgs) if (org !== null) organizations.add(org);
    const organizationIds = [...organizations].sort(byCodeUnit);
    const organizationIndex = new Map(organizationIds.map((org, i) => [org, i]));
    // Engine columns in one buffer (they travel to worker threads together), the rest in another,
    // the sort's scratch in a third: three large allocations instead of fourteen (src/util/columns.ts).
    const m = this.edges;
    const { offsets, targets, sources, instance, boundary, access, blockedBy } = carveColumns({
      offsets: ['int32', n + 1],
      targets: ['int32', m],
      sources: ['int32', m],
      instance: ['int32', m],
      boundary: ['uint8', m],
      access: ['uint8', m],
      blockedBy: ['uint8', m],
    });
    const { order, edgeRule, nodeOrganization, nodeKind } = carveColumns({
      order: ['int32', m],
      nodeOrganization: ['int32', n],
      edgeRule: ['uint16', m],
      nodeKind: ['uint8', n],
    });
    for (let p = 0; p < n; p++) {
      nodeKind[remap[p]!] = this.kinds[p]!;
      const org = this.orgs[p]!;
      nodeOrganization[remap[p]!] = org === null ? -1 : organizationIndex.get(org)!;
    }

    const instanceIds = [...this.instanceNames].sort(byCodeUnit);
    const instanceIndex = new Map(instanceIds.map((id, i) => [id, i]));
    const instanceRemap = Int32Array.from(this.instanceNames, (id) => instanceIndex.get(id)!);
    const groupIds = [...new Set([...this.instances.values()].flatMap(({ draft }) => [...draft.groups]))].sort(byCodeUnit);
    const groupIndex = new Map(groupIds.map((id, i) => [id, i]));
    const instanceType = new Uint8Array(instanceIds.length);
    const groupOffsets = new Int32Array(instanceIds.length + 1);
    const members: number[] = [];
    instanceIds.forEach((id, i) => {
      const { draft } = this.instances.get(id)!;
      instanceType[i] = boundaryIndex(draft.type);
      for (const g of [...draft.groups].map((group) => groupIndex.get(group)!).sort((a, b) => a - b)) members.push(g);
      groupOffsets[i + 1] = members.length;
    });

    // A stable two-pass counting sort orders edges by (source, target, input position) without a
    // comparator sort over millions of edges. The endpoints are remapped in place: the builder's
    // own columns are not read as added positions again.
    const rawSource = this.source.subarray(0, m);
    const rawTarget = this.target.subarray(0, m);
    for (let e = 0; e < m; e++) {
      rawSource[e] = remap[rawSource[e]!]!;
      rawTarget[e] = remap[rawTarget[e]!]!;
    }
    const scratch = carveColumns({ byTarget: ['int32', m], start: ['int32', n + 1] });
    countingSort(rawTarget, null, scratch.start, scratch.byTarget);
    scratch.start.fill(0);
    countingSort(rawSource, scratch.byTarget, scratch.start, order);

    for (let e = 0; e < m; e++) offsets[rawSource[e]! + 1]! += 1;
    for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;

    for (let e = 0; e < m; e++) {
      const input = order[e]!;
      targets[e] = rawTarget[input]!;
      sources[e] = rawSource[input]!;
      boundary[e] = this.codes[4 * input]!;
      access[e] = this.codes[4 * input + 1]!;
      blockedBy[e] = this.codes[4 * input + 2]!;
      const code = this.instanceOf[input]!;
      instance[e] = code < 0 ? -1 : instanceRemap[code]!;
      edgeRule[e] = this.ruleOf[input]!;
    }

    return {
      nodeCount: n,
      edgeCount: m,
      instanceCount: instanceIds.length,
      nodeIds,
      nodeIndex,
      nodeKind,
      nodeOrganization,
      organizationIds,
      offsets,
      targets,
      sources,
      boundary,
      instance,
      access,
      blockedBy,
      edgeInput: order,
      edgeRule,
      ruleIds: [...this.rules.keys()],
      instanceIds,
      instanceIndex,
      instanceType,
      groupOffsets,
      groupMembers: Int32Array.from(members),
      groupIds,
    };
  }

  /** After build(): the compiled index of each node, in the order the nodes were added. */
  indexOfAdded(): Int32Array {
    if (this.remap === null) throw new Error('indexOfAdded() before build()');
    return this.remap;
  }

  private endpoint(id: string, source: string, target: string): number {
    const p = this.position.get(id);
    if (p === undefined) throw new CompileError('unknownEndpoint', id, `edge ${source} -> ${target} names unknown node '${id}'`);
    return p;
  }

  /** An instance keeps one type; its groups are the union over its edges (failure is per instance). */
  private instanceCode(edge: Omit<EdgeRecord, 'source' | 'target'>, source: string, target: string): number {
    if (edge.boundary === null) {
      if (edge.instance !== null) {
        throw new CompileError('instanceWithoutBoundary', edge.instance, `edge ${source} -> ${target} names instance '${edge.instance}' but no boundary`);
      }
      return -1;
    }
    if (edge.instance === null) {
      throw new CompileError('boundaryWithoutInstance', `${source} -> ${target}`, `edge ${source} -> ${target} crosses a ${edge.boundary} boundary but names no instance`);
    }
    if (edge.instance === this.lastInstance && edge.groups === this.lastGroups && edge.boundary === this.lastInstanceType) return this.lastInstanceCode;
    const code = this.instanceCodeOf(edge.instance, edge.boundary, edge.groups, source, target);
    this.lastInstance = edge.instance;
    this.lastGroups = edge.groups;
    this.lastInstanceType = edge.boundary;
    this.lastInstanceCode = code;
    return code;
  }

  private instanceCodeOf(instance: string, boundary: BoundaryType, groups: readonly string[], source: string, target: string): number {
    const known = this.instances.get(instance);
    if (known === undefined) {
      const code = this.instanceNames.length;
      this.instanceNames.push(instance);
      this.instances.set(instance, { code, draft: { type: boundary, groups: new Set(groups) } });
      return code;
    }
    if (known.draft.type !== boundary) {
      throw new CompileError(
        'instanceTypeConflict',
        instance,
        `instance '${instance}' is a ${known.draft.type} boundary on one edge and a ${boundary} boundary on edge ${source} -> ${target}`,
      );
    }
    for (const group of groups) known.draft.groups.add(group);
    return known.code;
  }

  private ruleCode(rule: string): number {
    let code = this.rules.get(rule);
    if (code === undefined) {
      code = this.rules.size;
      this.rules.set(rule, code);
    }
    return code;
  }

  /**
   * Room for more edges: at the first edge, four per node (the generated models have about 3.2; a
   * model with more grows), then twice the capacity, every column in one new buffer.
   */
  private grow(): void {
    const size = this.source.length === 0 ? Math.max(1024, 4 * this.ids.length) : this.source.length * 2;
    const next = carveColumns({
      source: ['int32', size],
      target: ['int32', size],
      instanceOf: ['int32', size],
      ruleOf: ['uint16', size],
      codes: ['uint8', size * 4],
    });
    next.source.set(this.source);
    next.target.set(this.target);
    next.instanceOf.set(this.instanceOf);
    next.ruleOf.set(this.ruleOf);
    next.codes.set(this.codes);
    ({ source: this.source, target: this.target, instanceOf: this.instanceOf, ruleOf: this.ruleOf, codes: this.codes } = next);
  }
}

/**
 * id → compiled index, read through the builder's id → added-position map and the remap that
 * build() computed: the compiled graph keeps one hash map of its node ids, not two.
 */
class RemappedIndex implements ReadonlyMap<string, number> {
  // Private fields: equality (tests' deep equality included) goes by the entries, as for a Map.
  readonly #position: ReadonlyMap<string, number>;
  readonly #remap: Int32Array;
  /** The ids in compiled order: iteration follows it, as a map built from sorted ids would. */
  readonly #ids: readonly string[];

  constructor(position: ReadonlyMap<string, number>, remap: Int32Array, ids: readonly string[]) {
    this.#position = position;
    this.#remap = remap;
    this.#ids = ids;
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  get size(): number {
    return this.#position.size;
  }

  get(id: string): number | undefined {
    const p = this.#position.get(id);
    return p === undefined ? undefined : this.#remap[p];
  }

  has(id: string): boolean {
    return this.#position.has(id);
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    this.#ids.forEach((id, i) => callback.call(thisArg, i, id, this));
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.#ids.length; i++) yield [this.#ids[i]!, i];
  }

  keys(): MapIterator<string> {
    return this.#ids.values();
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.#ids.length; i++) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/**
 * Stable counting sort of `order` (a permutation of positions; null: 0 .. key.length-1 in turn) by
 * key[position] in 0..start.length-2, into `sorted`. `start` must be zeroed (length buckets + 1).
 */
function countingSort(key: Int32Array, order: Int32Array | null, start: Int32Array, sorted: Int32Array): void {
  const m = key.length;
  const buckets = start.length - 1;
  for (let i = 0; i < m; i++) start[key[order === null ? i : order[i]!]! + 1]! += 1;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  for (let i = 0; i < m; i++) {
    const position = order === null ? i : order[i]!;
    sorted[start[key[position]!]!++] = position;
  }
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The BOUNDARY_TYPES entry an edge's boundary code stands for (null for code 0). */
export function boundaryOfCode(code: number): BoundaryType | null {
  return code === 0 ? null : (BOUNDARY_TYPES[code - 1] ?? null);
}
