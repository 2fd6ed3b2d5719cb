// The graph as a BloodHound OpenGraph upload (generic ingest): nodes with kinds and primitive
// properties, edges matched by node id. Reached nodes and failed boundaries are properties, so a
// Cypher query (`MATCH (n:IndepthData {reached: true})`) finds the blast radius. Node ids carry the
// model name, so several models can share one BloodHound database.

import type { NodeKind } from '../domain/kinds.js';
import { toJson } from '../report/json.js';
import type { ExportEdge, ExportGraph, ExportNode } from './export-graph.js';

/** Every node's second kind and the upload's source kind, so BloodHound can delete the data as one. */
export const SOURCE_KIND = 'IndepthBase';

type Property = string | number | boolean | readonly string[];

export function formatOpenGraph(graph: ExportGraph): string {
  const prefix = `indepth:${graph.model}:`;
  const nodes = graph.nodes.map((node) => ({
    id: prefix + node.id,
    kinds: [nodeKind(node.kind), SOURCE_KIND],
    properties: nodeProperties(graph, node, prefix),
  }));
  const edges = mergeByKind(graph.edges).map(({ kind, from, to, edges: group }) => ({
    kind,
    start: { match_by: 'id', value: prefix + from },
    end: { match_by: 'id', value: prefix + to },
    properties: edgeProperties(group),
  }));
  return toJson({ metadata: { source_kind: SOURCE_KIND }, graph: { nodes, edges } });
}

export function nodeKind(kind: NodeKind): string {
  return `Indepth${pascal(kind)}`;
}

/** Legitimate access is named by what it grants; a boundary edge by the boundary it crosses. */
export function edgeKind(edge: ExportEdge): string {
  if (edge.boundary !== null) return `IndepthCrosses${pascal(edge.boundary)}`;
  return { control: 'IndepthControls', read: 'IndepthCanRead', tamper: 'IndepthCanTamper', deny: 'IndepthCanDeny' }[edge.access];
}

function nodeProperties(graph: ExportGraph, node: ExportNode, prefix: string): Record<string, Property> {
  const properties: Record<string, Property> = {
    name: node.label,
    displayname: node.label,
    objectid: prefix + node.id,
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
