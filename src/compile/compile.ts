// Compiles a deployment graph into the CSR typed arrays the engine runs on. graphology is only an
// adapter here: `compileFromArrays` takes plain node and edge records, so a large model can skip
// building a graphology graph (tens of seconds at 1M nodes) and still reach the same engine.

import { BOUNDARY_TYPES, boundaryIndex } from '../domain/boundary.js';
import type { BoundaryType } from '../domain/boundary.js';
import { CONTROL_NAMES } from '../domain/controls.js';
import { NODE_KINDS } from '../domain/kinds.js';
import type { NodeKind } from '../domain/kinds.js';
import { ACCESS_MODES } from '../model/types.js';
import type { DeploymentGraph, EdgeAttributes, GraphSink, NodeAttributes } from './graph-types.js';

/** What the engine needs of a node. */
export interface NodeRecord {
  readonly id: string;
  readonly kind: NodeKind;
  readonly organization: string | null;
}

/** What the engine needs of an edge; `key` defaults to `#<position in the edge list>`. */
export interface EdgeRecord extends Pick<EdgeAttributes, 'boundary' | 'instance' | 'groups' | 'access' | 'blockedBy'> {
  readonly source: string;
  readonly target: string;
  readonly key?: string;
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
  /** Per edge: the graphology edge key (or the record's key), for explanations. */
  readonly edgeKey: readonly string[];

  readonly instanceIds: readonly string[];
  readonly instanceIndex: ReadonlyMap<string, number>;
  /** Per instance: index into BOUNDARY_TYPES (no "none" here: every instance has a type). */
  readonly instanceType: Uint8Array;
  /** Instance i belongs to the groups groupMembers[groupOffsets[i] .. groupOffsets[i+1]-1] (ascending). */
  readonly groupOffsets: Int32Array;
  readonly groupMembers: Int32Array;
  readonly groupIds: readonly string[];
}

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
  const nodes: NodeRecord[] = [];
  graph.forEachNode((id, attributes) => {
    nodes.push({ id, kind: attributes.kind, organization: attributes.organization });
  });
  const edges: EdgeRecord[] = [];
  graph.forEachEdge((key, attributes, source, target) => {
    edges.push({ ...attributes, source, target, key });
  });
  return compileFromArrays({ nodes, edges });
}

/** A GraphSink that only records, for rules that write straight to arrays. */
export function recordingSink(): GraphSink & { records(): GraphRecords } {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  return {
    addNode(id: string, attributes: NodeAttributes): void {
      nodes.push({ id, kind: attributes.kind, organization: attributes.organization });
    },
    addEdge(source: string, target: string, attributes: EdgeAttributes): void {
      edges.push({ ...attributes, source, target });
    },
    records: () => ({ nodes, edges }),
  };
}

const KIND_INDEX: ReadonlyMap<string, number> = new Map(NODE_KINDS.map((kind, i) => [kind, i]));
const ACCESS_INDEX: ReadonlyMap<string, number> = new Map(ACCESS_MODES.map((mode, i) => [mode, i]));
const CONTROL_BIT: ReadonlyMap<string, number> = new Map(CONTROL_NAMES.map((name, i) => [name, 1 << i]));

interface InstanceDraft {
  readonly type: BoundaryType;
  readonly groups: Set<string>;
}

export function compileFromArrays(records: GraphRecords): CompiledGraph {
  const nodeIds = records.nodes.map((node) => node.id).sort(byCodeUnit);
  const nodeIndex = new Map<string, number>();
  nodeIds.forEach((id, i) => {
    if (nodeIndex.has(id)) throw new CompileError('duplicateNode', id, `node '${id}' is declared twice`);
    nodeIndex.set(id, i);
  });
  const n = nodeIds.length;

  const organizationIds = [...new Set(records.nodes.flatMap((node) => (node.organization === null ? [] : [node.organization])))].sort(byCodeUnit);
  const organizationIndex = new Map(organizationIds.map((org, i) => [org, i]));
  const nodeKind = new Uint8Array(n);
  const nodeOrganization = new Int32Array(n);
  for (const node of records.nodes) {
    const v = nodeIndex.get(node.id) ?? 0;
    nodeKind[v] = KIND_INDEX.get(node.kind) ?? 0;
    nodeOrganization[v] = node.organization === null ? -1 : (organizationIndex.get(node.organization) ?? -1);
  }

  const instances = collectInstances(records.edges);
  const instanceIds = [...instances.keys()].sort(byCodeUnit);
  const instanceIndex = new Map(instanceIds.map((id, i) => [id, i]));
  const groupIds = [...new Set([...instances.values()].flatMap((draft) => [...draft.groups]))].sort(byCodeUnit);
  const groupIndex = new Map(groupIds.map((id, i) => [id, i]));
  const instanceType = new Uint8Array(instanceIds.length);
  const groupOffsets = new Int32Array(instanceIds.length + 1);
  const members: number[] = [];
  instanceIds.forEach((id, i) => {
    const draft = instances.get(id);
    if (draft === undefined) return;
    instanceType[i] = boundaryIndex(draft.type);
    members.push(...[...draft.groups].map((group) => groupIndex.get(group) ?? 0).sort((a, b) => a - b));
    groupOffsets[i + 1] = members.length;
  });

  // Endpoints as indices, in input order; then a stable two-pass counting sort orders edges by
  // (source, target, input position) without a comparator sort over millions of edges.
  const m = records.edges.length;
  const rawSource = new Int32Array(m);
  const rawTarget = new Int32Array(m);
  records.edges.forEach((edge, e) => {
    rawSource[e] = endpoint(nodeIndex, edge.source, edge);
    rawTarget[e] = endpoint(nodeIndex, edge.target, edge);
  });
  const byTarget = countingSort(rawTarget, identity(m), n);
  const order = countingSort(rawSource, byTarget, n);

  const offsets = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) offsets[rawSource[e]! + 1]! += 1;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;

  const targets = new Int32Array(m);
  const sources = new Int32Array(m);
  const boundary = new Uint8Array(m);
  const instance = new Int32Array(m);
  const access = new Uint8Array(m);
  const blockedBy = new Uint8Array(m);
  const edgeKey: string[] = new Array<string>(m);
  for (let e = 0; e < m; e++) {
    const input = order[e] ?? 0;
    const edge = records.edges[input];
    if (edge === undefined) continue;
    targets[e] = rawTarget[input] ?? 0;
    sources[e] = rawSource[input] ?? 0;
    boundary[e] = edge.boundary === null ? 0 : 1 + boundaryIndex(edge.boundary);
    instance[e] = edge.instance === null ? -1 : (instanceIndex.get(edge.instance) ?? -1);
    access[e] = ACCESS_INDEX.get(edge.access) ?? 0;
    blockedBy[e] = edge.blockedBy === null ? 0 : (CONTROL_BIT.get(edge.blockedBy) ?? 0);
    edgeKey[e] = edge.key ?? `#${input}`;
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
    edgeKey,
    instanceIds,
    instanceIndex,
    instanceType,
    groupOffsets,
    groupMembers: Int32Array.from(members),
    groupIds,
  };
}

/** One entry per instance id; an instance's groups are the union over its edges (failure is per instance). */
function collectInstances(edges: readonly EdgeRecord[]): Map<string, InstanceDraft> {
  const instances = new Map<string, InstanceDraft>();
  for (const edge of edges) {
    const where = `${edge.source} -> ${edge.target}`;
    if (edge.boundary === null) {
      if (edge.instance !== null) {
        throw new CompileError('instanceWithoutBoundary', edge.instance, `edge ${where} names instance '${edge.instance}' but no boundary`);
      }
      continue;
    }
    if (edge.instance === null) {
      throw new CompileError('boundaryWithoutInstance', where, `edge ${where} crosses a ${edge.boundary} boundary but names no instance`);
    }
    const draft = instances.get(edge.instance);
    if (draft === undefined) {
      instances.set(edge.instance, { type: edge.boundary, groups: new Set(edge.groups) });
    } else if (draft.type !== edge.boundary) {
      throw new CompileError(
        'instanceTypeConflict',
        edge.instance,
        `instance '${edge.instance}' is a ${draft.type} boundary on one edge and a ${edge.boundary} boundary on edge ${where}`,
      );
    } else {
      for (const group of edge.groups) draft.groups.add(group);
    }
  }
  return instances;
}

function endpoint(nodeIndex: ReadonlyMap<string, number>, id: string, edge: EdgeRecord): number {
  const index = nodeIndex.get(id);
  if (index === undefined) {
    throw new CompileError('unknownEndpoint', id, `edge ${edge.source} -> ${edge.target} names unknown node '${id}'`);
  }
  return index;
}

function identity(m: number): Int32Array {
  const order = new Int32Array(m);
  for (let e = 0; e < m; e++) order[e] = e;
  return order;
}

/** Stable counting sort of `order` (a permutation of edge positions) by key[position] in 0..buckets-1. */
function countingSort(key: Int32Array, order: Int32Array, buckets: number): Int32Array {
  const start = new Int32Array(buckets + 1);
  for (const position of order) start[key[position]! + 1]! += 1;
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const sorted = new Int32Array(order.length);
  for (const position of order) sorted[start[key[position]!]!++] = position;
  return sorted;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The BOUNDARY_TYPES entry an edge's boundary code stands for (null for code 0). */
export function boundaryOfCode(code: number): BoundaryType | null {
  return code === 0 ? null : (BOUNDARY_TYPES[code - 1] ?? null);
}
