// The graph as a BloodHound OpenGraph upload (generic ingest): nodes with kinds and primitive
// properties, edges matched by node id. Reached nodes and failed boundaries are properties, so a
// Cypher query (`MATCH (n:IndepthData {reached: true})`) finds the blast radius. Node ids carry the
// model name, so several models can share one BloodHound database. Written as a stream of chunks,
// and split into several uploads (each valid alone) past BloodHound's upload size.

import type { NodeKind } from '../domain/kinds.js';
import { jsonChunks, lazyArray } from '../report/json-stream.js';
import type { ExportEdge, ExportGraph, ExportNode } from './export-graph.js';

/** Every node's second kind and the upload's source kind, so BloodHound can delete the data as one. */
export const SOURCE_KIND = 'IndepthBase';

type Property = string | number | boolean | readonly string[];

/**
 * BloodHound CE's upload limit per file (the File Ingest page takes files up to 1 GB;
 * SpecterOps/BloodHound issue #20, "Support Manual File Ingest Uploads > 1GB"). An export larger than
 * this is split into several files, uploaded together.
 */
export const BLOODHOUND_UPLOAD_BYTES = 1_000_000_000;

export interface OpenGraphNode {
  readonly id: string;
  readonly kinds: readonly string[];
  readonly properties: Record<string, Property>;
}

export interface OpenGraphEdge {
  readonly kind: string;
  readonly start: { readonly match_by: 'id'; readonly value: string };
  readonly end: { readonly match_by: 'id'; readonly value: string };
  readonly properties: Record<string, Property>;
}

/** The whole upload as one string (small graphs, tests); `openGraphChunks` streams it. */
export function formatOpenGraph(graph: ExportGraph): string {
  return [...openGraphChunks(graph)].join('');
}

/** The upload `{metadata, graph: {nodes, edges}}` as JSON chunks, each node and edge built while writing. */
export function openGraphChunks(graph: ExportGraph): Iterable<string> {
  return uploadChunks(openGraphNodes(graph), openGraphEdges(graph));
}

export function* openGraphNodes(graph: ExportGraph): Generator<OpenGraphNode> {
  const prefix = `indepth:${graph.model}:`;
  for (const node of graph.nodes) {
    yield { id: prefix + node.id, kinds: [nodeKind(node.kind), SOURCE_KIND], properties: nodeProperties(graph, node) };
  }
}

export function* openGraphEdges(graph: ExportGraph): Generator<OpenGraphEdge> {
  const prefix = `indepth:${graph.model}:`;
  for (const { kind, from, to, edges } of mergeByKind(graph.edges)) {
    yield { kind, start: { match_by: 'id', value: prefix + from }, end: { match_by: 'id', value: prefix + to }, properties: edgeProperties(edges) };
  }
}

function uploadChunks(nodes: Iterable<OpenGraphNode>, edges: Iterable<OpenGraphEdge>): Iterable<string> {
  return jsonChunks({ metadata: { source_kind: SOURCE_KIND }, graph: { nodes: lazyArray(nodes), edges: lazyArray(edges) } });
}

/**
 * The upload split into files of at most `maxBytes` UTF-8 bytes each (about; a single node or edge
 * larger than the limit gets a file of its own): nodes first, then edges, so every file is a valid
 * upload and every edge's endpoints are in BloodHound once the files before it are ingested. One
 * file when everything fits. Each file is an iterable of chunks, built lazily while it is written.
 */
export function* openGraphFiles(graph: ExportGraph, maxBytes = BLOODHOUND_UPLOAD_BYTES): Generator<Iterable<string>> {
  const overhead = Buffer.byteLength([...uploadChunks([], [])].join('')) + 64;
  type Item = { readonly node?: OpenGraphNode; readonly edge?: OpenGraphEdge; readonly bytes: number };
  const items = function* (): Generator<Item> {
    // An item's size in the indented file: its JSON plus the indentation of its lines and a separator.
    for (const node of openGraphNodes(graph)) yield { node, bytes: itemBytes(node) };
    for (const edge of openGraphEdges(graph)) yield { edge, bytes: itemBytes(edge) };
  };
  let nodes: OpenGraphNode[] = [];
  let edges: OpenGraphEdge[] = [];
  let size = overhead;
  let any = false;
  for (const item of items()) {
    if (size + item.bytes > maxBytes && nodes.length + edges.length > 0) {
      yield uploadChunks(nodes, edges);
      any = true;
      nodes = [];
      edges = [];
      size = overhead;
    }
    if (item.node !== undefined) nodes.push(item.node);
    if (item.edge !== undefined) edges.push(item.edge);
    size += item.bytes;
  }
  if (!any || nodes.length + edges.length > 0) yield uploadChunks(nodes, edges);
}

function itemBytes(item: OpenGraphNode | OpenGraphEdge): number {
  const text = JSON.stringify(item, null, 2);
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines += 1;
  return Buffer.byteLength(text) + lines * 6 + 2;
}

export function nodeKind(kind: NodeKind): string {
  return `Indepth${pascal(kind)}`;
}

/** Legitimate access is named by what it grants; a boundary edge by the boundary it crosses. */
export function edgeKind(edge: ExportEdge): string {
  if (edge.boundary !== null) return `IndepthCrosses${pascal(edge.boundary)}`;
  return { control: 'IndepthControls', read: 'IndepthCanRead', tamper: 'IndepthCanTamper', deny: 'IndepthCanDeny' }[edge.access];
}

/** Primitive properties; never `objectid`, which BloodHound reserves (it maps the node's `id` to it). */
function nodeProperties(graph: ExportGraph, node: ExportNode): Record<string, Property> {
  const properties: Record<string, Property> = {
    name: node.label,
    displayname: node.label,
    nodeid: node.id,
    nodekind: node.kind,
    model: graph.model,
  };
  const optional: Record<string, string | number | null> = {
    organization: node.organization,
    entity: node.entity,
    sourcefile: node.source?.file ?? null,
    sourceline: node.source?.line ?? null,
    sourcecolumn: node.source?.column ?? null,
    hostpool: node.pool,
    privilege: node.privilege,
    classification: node.classification,
    datalocation: node.dataLocation,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== null) properties[key] = value;
  if (node.marking !== null) {
    properties['foothold'] = node.marking.foothold;
    properties['reached'] = node.marking.reached;
    properties['controlled'] = node.marking.controlled;
    if (node.marking.access.length > 0) properties['access'] = node.marking.access;
  }
  return properties;
}

interface Group {
  readonly kind: string;
  readonly from: string;
  readonly to: string;
  readonly edges: ExportEdge[];
}

/** BloodHound keeps one edge per (start, end, kind); edges that share all three become one. */
function mergeByKind(edges: readonly ExportEdge[]): Group[] {
  const groups = new Map<string, Group>();
  for (const edge of edges) {
    const kind = edgeKind(edge);
    const key = `${edge.from}\u0000${edge.to}\u0000${kind}`;
    const group = groups.get(key) ?? { kind, from: edge.from, to: edge.to, edges: [] };
    group.edges.push(edge);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function edgeProperties(edges: readonly ExportEdge[]): Record<string, Property> {
  const distinct = (values: readonly (string | null)[]) => [...new Set(values.flatMap((v) => (v === null ? [] : [v])))].sort();
  const properties: Record<string, Property> = {};
  const boundary = edges[0]!.boundary;
  if (boundary !== null) properties['boundary'] = boundary;
  const instances = distinct(edges.map((e) => e.instance));
  if (instances.length > 0) properties['instances'] = instances;
  properties['access'] = distinct(edges.map((e) => e.access));
  properties['rules'] = distinct(edges.flatMap((e) => e.rules));
  properties['failed'] = edges.some((e) => e.failed);
  properties['traversable'] = edges.some((e) => e.traversable);
  properties['attack'] = edges.some((e) => e.attack);
  return properties;
}

function pascal(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
