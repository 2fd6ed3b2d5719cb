// The deployment graph as plain sorted data (for `indepth graph --json`) and as a short text summary.

import type { DeploymentGraph, EdgeAttributes, NodeAttributes } from '../compile/graph-types.js';
import { BOUNDARY_TYPES } from '../domain/boundary.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { byString } from './json.js';
import { formatTable } from './table.js';

export interface GraphDump {
  readonly model: string;
  readonly nodes: readonly ({ readonly id: string } & NodeAttributes)[];
  readonly edges: readonly ({ readonly from: string; readonly to: string } & EdgeAttributes)[];
}

export function dumpGraph(graph: DeploymentGraph): GraphDump {
  const nodes = graph
    .mapNodes((id, attributes) => ({ id, ...attributes }))
    .sort((a, b) => byString(a.id, b.id));
  const edges = graph
    .mapEdges((_key, a, from, to) => ({ from, to, ...a }))
    .sort(
      (a, b) =>
        byString(a.from, b.from) ||
        byString(a.to, b.to) ||
        byString(a.rule, b.rule) ||
        byString(a.instance ?? '', b.instance ?? '') ||
        byString(a.access, b.access),
    );
  return { model: graph.getAttribute('model'), nodes, edges };
}

export function formatGraphSummary(graph: DeploymentGraph): string {
  const kinds = new Map<string, number>();
  graph.forEachNode((_id, a) => kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1));
  const boundaries = new Map<string, number>();
  const instances = new Set<string>();
  const rules = new Map<string, number>();
  graph.forEachEdge((_key, a) => {
    const type = a.boundary ?? 'none (legitimate access)';
    boundaries.set(type, (boundaries.get(type) ?? 0) + 1);
    if (a.instance !== null) instances.add(a.instance);
    rules.set(a.rule, (rules.get(a.rule) ?? 0) + 1);
  });
  // One table per heading, each column as wide as its data (a long rule id widens it).
  const counts = (entries: readonly (readonly [string, number])[]) =>
    formatTable(
      entries.map(([name, n]) => [name, String(n)]),
      { indent: '  ', align: ['left', 'right'] },
    );
  const lines = [
    `${graph.getAttribute('model')}: ${graph.order} nodes, ${graph.size} edges, ${instances.size} boundary instances`,
    '',
    'nodes by kind:',
    ...counts(NODE_KINDS.filter((k) => kinds.has(k)).map((k) => [k, kinds.get(k)!])),
    '',
    'edges by boundary:',
    ...counts([...BOUNDARY_TYPES, 'none (legitimate access)'].filter((b) => boundaries.has(b)).map((b) => [b, boundaries.get(b)!])),
    '',
    'edges by rule:',
    ...counts([...rules.keys()].sort(byString).map((r) => [r, rules.get(r)!])),
  ];
  return `${lines.join('\n')}\n`;
}
