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
import type { DeploymentGraph, EdgeAttributes, GraphSink, NodeAttributes, NodeHandle, NodeLookupHint, NodeRef } from './graph-types.js';
import { NodeIdIndex } from './node-id-index.js';

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

/** A GraphSink that only records, for callers that want plain records (duplicates are the compiler's to find). */
export function recordingSink(): GraphSink & { records(): GraphRecords } {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  const idOf = (ref: NodeRef) => (typeof ref === 'string' ? ref : (nodes[ref]?.id ?? String(ref)));
  return {
    addNode(id: string, attributes: NodeAttributes): NodeHandle {
      nodes.push({ id, kind: attributes.kind, organization: attributes.organization });
      return nodes.length - 1;
    },
    sealNodes: () => [],
    addEdge(source: NodeRef, target: NodeRef, attributes: EdgeAttributes): void {
      edges.push({ ...attributes, source: idOf(source), target: idOf(target) });
    },
    records: () => ({ nodes, edges }),
  };
}

/** Plain records → compiled arrays (nodes first, then edges, in the given order). */
export function compileFromArrays(records: GraphRecords): CompiledGraph {
  const builder = new CompiledGraphBuilder();
  for (const node of records.nodes) builder.addNode(node.id, node);
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

/** What the builder needs of a node's attributes; it keeps the whole object for `attributesByIndex()`. */
type BuilderNode = Pick<NodeAttributes, 'kind' | 'organization'>;

/**
 * Builds a CompiledGraph straight from nodes and edges as they are emitted, into growable typed
 * columns: no object is kept per edge, which is what lets a million-node model compile without
 * drowning in garbage collection. Every node comes first; `sealNodes()` (called by the first edge
 * if not before) sorts them, and an edge then names its endpoints by id or by the handle `addNode`
 * returned. Only ids added `byId` go into a hash map: at ten million nodes, a map of every id cost
 * more than anything else in compiling (bench/README.md, "Growth curve").
 */
export class CompiledGraphBuilder<A extends BuilderNode = BuilderNode> {
  /** Ids and attributes in added order (a node's handle is its position here). */
  private ids: string[] = [];
  private attributes: A[] = [];
  /** id → added position of the nodes added `byId`. */
  private readonly named = new Map<string, number>();
  // Set by sealNodes(): the index of ids, added position → compiled index, the duplicates.
  private index: NodeIdIndex | null = null;
  private remap = new Int32Array(0);
  private duplicates: readonly { readonly id: string; readonly attributes: A }[] = [];
  private built = false;
  private readonly instances = new Map<string, { readonly code: number; readonly draft: InstanceDraft }>();
  private readonly instanceNames: string[] = [];
  private readonly rules = new Map<string, number>([['', 0]]);
  private edges = 0;
  // The edge columns (endpoints as compiled indices), views into one buffer (src/util/columns.ts):
  // sized at the first edge from the node count, doubled all at once when full.
  private source = new Int32Array(0);
  private target = new Int32Array(0);
  private instanceOf = new Int32Array(0);
  private codes = new Uint8Array(0); // boundary, access, blockedBy, spare
  private ruleOf = new Uint16Array(0);
  // NaN equals no reference: the first edge looks its endpoints up.
  private lastSource: NodeRef = Number.NaN;
  private lastSourceIndex = -1;
  private lastTarget: NodeRef = Number.NaN;
  private lastTargetIndex = -1;
  // The last boundary edge's instance, groups and code: runs of edges through one instance (the
  // same strings and arrays, build-graph.ts) skip the instance map and the groups set.
  private lastInstance: string | null = null;
  private lastGroups: readonly string[] | null = null;
  private lastInstanceType: BoundaryType | null = null;
  private lastInstanceCode = -1;

  /**
   * Adds a node and returns its handle (its position in added order). `byHandle`: the node's id is
   * not put in the hash map (a lookup by id finds it by binary search). An id added twice is found
   * by `sealNodes()`.
   */
  addNode(id: string, attributes: A, lookup: NodeLookupHint = 'byId'): NodeHandle {
    if (this.index !== null) throw new Error('addNode() after sealNodes()');
    const p = this.ids.length;
    this.ids.push(id);
    this.attributes.push(attributes);
    if (lookup === 'byId') this.named.set(id, p);
    return p;
  }

  /**
   * Ends the nodes: sorts them by id (code-unit order: the compiled indices) and returns the nodes
   * whose id an earlier node holds, in added order. Idempotent.
   */
  sealNodes(): readonly { readonly id: string; readonly attributes: A }[] {
    if (this.index !== null) return this.duplicates;
    const ids = this.ids;
    const n = ids.length;
    // Positions sorted by id: a comparator sort of small integers beat sorting the strings
    // themselves and reading a map of every id back (10M ids: 10 s against 18 + 19 s, measured).
    const order: number[] = [];
    for (let p = 0; p < n; p++) order.push(p);
    order.sort((a, b) => {
      const x = ids[a]!;
      const y = ids[b]!;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    const sorted: string[] = [];
    const remap = new Int32Array(n);
    const repeated: number[] = [];
    for (let i = 0; i < n; i++) {
      const p = order[i]!;
      const id = ids[p]!;
      if (sorted.length > 0 && sorted[sorted.length - 1] === id) repeated.push(p);
      else sorted.push(id);
      remap[p] = sorted.length - 1;
    }
    repeated.sort((a, b) => a - b);
    this.duplicates = repeated.map((p) => ({ id: ids[p]!, attributes: this.attributes[p]! }));
    this.remap = remap;
    this.index = new NodeIdIndex(sorted, this.named, remap);
    return this.duplicates;
  }

  hasNode(id: string): boolean {
    return this.sealedIndex().has(id);
  }

  nodeIds(): Iterable<string> {
    return this.ids;
  }

  addEdge(source: NodeRef, target: NodeRef, edge: Omit<EdgeRecord, 'source' | 'target'>): void {
    if (this.built) throw new Error('addEdge() after build()');
    // Seals the nodes at the first edge; refuses edges among nodes with a repeated id.
    if (this.index === null || this.duplicates.length > 0) this.sealedIndex();
    // Rules emit runs of edges from one node or into one node, passing the very same ids or
    // handles: comparing them first skips most lookups.
    let u: number;
    if (this.edges === this.source.length) this.grow();
    if (source === this.lastSource) u = this.lastSourceIndex;
    else if (source === this.lastTarget) u = this.lastTargetIndex;
    else u = this.endpoint(source, source, target);
    let v: number;
    if (target === this.lastTarget) v = this.lastTargetIndex;
    else if (target === this.lastSource) v = this.lastSourceIndex;
    else v = this.endpoint(target, source, target);
    this.lastSource = source;
    this.lastSourceIndex = u;
    this.lastTarget = target;
    this.lastTargetIndex = v;
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
    // Once only: build() hands its columns to the graph.
    if (this.built) throw new Error('build() called twice');
    const nodeIndex = this.sealedIndex();
    this.built = true;
    const nodeIds = [...nodeIndex.keys()];
    const n = nodeIds.length;
    const remap = this.remap;

    const organizations = new Set<string>();
    for (const { organization } of this.attributes) if (organization !== null) organizations.add(organization);
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
    this.attributes.forEach(({ kind, organization }, p) => {
      nodeKind[remap[p]!] = KIND_INDEX.get(kind) ?? 0;
      nodeOrganization[remap[p]!] = organization === null ? -1 : organizationIndex.get(organization)!;
    });

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
    // comparator sort over millions of edges. The endpoints are compiled indices already.
    const rawSource = this.source.subarray(0, m);
    const rawTarget = this.target.subarray(0, m);
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

  /** After build(): each node's attributes by compiled index. */
  attributesByIndex(): A[] {
    if (!this.built) throw new Error('attributesByIndex() before build()');
    const byIndex = new Array<A>(this.index!.size);
    this.attributes.forEach((attributes, p) => (byIndex[this.remap[p]!] = attributes));
    return byIndex;
  }

  /** The index of the ids, sealing the nodes first; an id added twice is a CompileError here. */
  private sealedIndex(): NodeIdIndex {
    const duplicates = this.sealNodes();
    if (duplicates.length > 0) {
      const { id } = duplicates[0]!;
      throw new CompileError('duplicateNode', id, `node '${id}' is declared twice`);
    }
    return this.index!;
  }

  /** The compiled index of an edge's endpoint (an id or a handle). */
  private endpoint(ref: NodeRef, source: NodeRef, target: NodeRef): number {
    const v = typeof ref === 'number' ? this.remap[ref] : this.index!.get(ref);
    if (v === undefined) {
      throw new CompileError('unknownEndpoint', String(ref), `edge ${this.idOf(source)} -> ${this.idOf(target)} names unknown node '${ref}'`);
    }
    return v;
  }

  /** A reference's id, for messages. */
  private idOf(ref: NodeRef): string {
    return typeof ref === 'string' ? ref : (this.ids[ref] ?? `#${ref}`);
  }

  /** An instance keeps one type; its groups are the union over its edges (failure is per instance). */
  private instanceCode(edge: Omit<EdgeRecord, 'source' | 'target'>, source: NodeRef, target: NodeRef): number {
    if (edge.boundary === null) {
      if (edge.instance !== null) {
        const where = `${this.idOf(source)} -> ${this.idOf(target)}`;
        throw new CompileError('instanceWithoutBoundary', edge.instance, `edge ${where} names instance '${edge.instance}' but no boundary`);
      }
      return -1;
    }
    if (edge.instance === null) {
      const where = `${this.idOf(source)} -> ${this.idOf(target)}`;
      throw new CompileError('boundaryWithoutInstance', where, `edge ${where} crosses a ${edge.boundary} boundary but names no instance`);
    }
    if (edge.instance === this.lastInstance && edge.groups === this.lastGroups && edge.boundary === this.lastInstanceType) return this.lastInstanceCode;
    const code = this.instanceCodeOf(edge.instance, edge.boundary, edge.groups, source, target);
    this.lastInstance = edge.instance;
    this.lastGroups = edge.groups;
    this.lastInstanceType = edge.boundary;
    this.lastInstanceCode = code;
    return code;
  }

  private instanceCodeOf(instance: string, boundary: BoundaryType, groups: readonly string[], source: NodeRef, target: NodeRef): number {
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
        `instance '${instance}' is a ${known.draft.type} boundary on one edge and a ${boundary} boundary on edge ${this.idOf(source)} -> ${this.idOf(target)}`,
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
