// The graph as a Mermaid flowchart for Markdown docs (GitHub renders it inline): node ids are
// generated (`n0`, `n1` …, in node id order) so no model id can break the syntax, labels are quoted
// with Mermaid's entity codes, organizations are subgraphs, and a scenario's reached nodes, footholds
// and failed boundaries are styled. Output order is fixed.

import type { NodeKind } from '../domain/kinds.js';
import { terminalSafe } from '../domain/terminal-safe.js';
import { describeScenario, edgeLabel } from './dot.js';
import type { ExportEdge, ExportGraph, ExportNode } from './export-graph.js';

/** Mermaid's `#code;` entities for the characters that end or alter a quoted label. */
export function mermaidString(text: string): string {
  const escaped = terminalSafe(text.replace(/\r\n|\r|\n/g, ' '))
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#amp;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;');
  return `"${escaped}"`;
}

const SHAPES: Partial<Record<NodeKind, readonly [string, string]>> = {
  principal: ['([', '])'],
  data: ['[(', ')]'],
  secretStore: ['[(', ')]'],
  network: ['{{', '}}'],
  organization: ['[/', '\\]'],
};

export function formatMermaid(graph: ExportGraph): string {
  return mermaidLines(graph).join('\n');
}

/** The Mermaid text as lines (the last one empty). */
export function mermaidLines(graph: ExportGraph): string[] {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`] as const));
  const lines = ['flowchart LR'];
  if (graph.scenario !== null) lines.push(`  %% ${terminalSafe(describeScenario(graph.scenario).replace(/\r|\n/g, ' '))}`);
  graph.organizations.forEach((org, index) => {
    const members = graph.nodes.filter((n) => n.organization === org.id);
    if (members.length === 0) return;
    lines.push(`  subgraph org${index}[${mermaidString(org.name)}]`);
    for (const node of members) lines.push(`    ${nodeLine(node, ids.get(node.id)!)}`);
    lines.push('  end');
  });
  for (const node of graph.nodes.filter((n) => n.organization === null || !graph.organizations.some((o) => o.id === n.organization))) {
    lines.push(`  ${nodeLine(node, ids.get(node.id)!)}`);
  }
  const redLinks: number[] = [];
  graph.edges.forEach((edge, index) => {
    if (edge.failed || edge.attack) redLinks.push(index);
    lines.push(`  ${edgeLine(edge, ids)}`);
  });
  if (graph.scenario !== null) {
    lines.push('  classDef reached fill:#fadbd8,stroke:#c0392b;', '  classDef controlled fill:#f5b7b1,stroke:#c0392b;', '  classDef foothold fill:#c0392b,stroke:#7b241c,color:#ffffff;');
    for (const [name, keep] of [
      ['reached', (n: ExportNode) => n.marking?.reached === true && !n.marking.controlled],
      ['controlled', (n: ExportNode) => n.marking?.controlled === true && !n.marking.foothold],
      ['foothold', (n: ExportNode) => n.marking?.foothold === true],
    ] as const) {
      const members = graph.nodes.filter(keep).map((n) => ids.get(n.id)!);
      if (members.length > 0) lines.push(`  class ${members.join(',')} ${name};`);
    }
  }
  if (redLinks.length > 0) lines.push(`  linkStyle ${redLinks.join(',')} stroke:#c0392b,stroke-width:2px;`);
  lines.push('');
  return lines;
}

function nodeLine(node: ExportNode, id: string): string {
  const [open, close] = SHAPES[node.kind] ?? ['[', ']'];
  return `${id}${open}${mermaidString(node.label)}${close}`;
}

function edgeLine(edge: ExportEdge, ids: ReadonlyMap<string, string>): string {
  const arrow = edge.failed ? '==>' : edge.boundary !== null ? '-.->' : '-->';
  const label = edgeLabel(edge);
  const from = ids.get(edge.from);
  const to = ids.get(edge.to);
  return `${from} ${arrow}${label === '' ? '' : `|${mermaidString(label)}|`} ${to}`;
}
