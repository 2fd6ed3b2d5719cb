// The graph as Graphviz DOT for documentation: one cluster per organization, boundary edges dashed
// and labelled with their boundary, and — with a scenario — reached nodes filled, footholds outlined
// and failed boundaries drawn red. Every id and label is quoted and escaped; output order is fixed.

import type { NodeKind } from '../domain/kinds.js';
import { terminalSafe } from '../domain/terminal-safe.js';
import type { ExportEdge, ExportGraph, ExportNode } from './export-graph.js';

const SHAPES: Partial<Record<NodeKind, string>> = {
  organization: 'house',
  principal: 'ellipse',
  credential: 'note',
  device: 'component',
  network: 'doubleoctagon',
  vm: 'box3d',
  physicalHost: 'box3d',
  data: 'cylinder',
  secretStore: 'cylinder',
};

const RED = '#c0392b';

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as `\n`, control characters shown as `\\x1b`. */
export function dotString(text: string): string {
  return `"${terminalSafe(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r\n|\r|\n/g, '\\n')}"`;
}

export function formatDot(graph: ExportGraph): string {
  return dotLines(graph).join('\n');
}

/** The DOT text as lines (the last one empty), for `linesAsChunks` to stream. */
export function dotLines(graph: ExportGraph): string[] {
  const title = graph.scenario === null ? graph.model : `${graph.model}: ${describeScenario(graph.scenario)}`;
  const lines = [
    `digraph ${dotString(`indepth ${graph.model}`)} {`,
    `  graph [rankdir=LR, fontname="Helvetica", labelloc=t, label=${dotString(title)}];`,
    '  node [fontname="Helvetica", fontsize=10, shape=box, style="rounded,filled", fillcolor="#ffffff"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  graph.organizations.forEach((org, index) => {
    const members = graph.nodes.filter((n) => n.organization === org.id);
    if (members.length === 0) return;
    lines.push(`  subgraph ${dotString(`cluster_${index}`)} {`, `    label=${dotString(org.name)};`, '    style="rounded";');
    for (const node of members) lines.push(`    ${nodeLine(node)}`);
    lines.push('  }');
  });
  for (const node of graph.nodes.filter((n) => n.organization === null || !graph.organizations.some((o) => o.id === n.organization))) {
    lines.push(`  ${nodeLine(node)}`);
  }
  for (const edge of graph.edges) lines.push(`  ${edgeLine(edge)}`);
  lines.push('}', '');
  return lines;
}

/** Lines joined by line feeds, as a stream of chunks. */
export function* linesAsChunks(lines: readonly string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += 1) yield i === lines.length - 1 ? lines[i]! : `${lines[i]!}\n`;
}

function nodeLine(node: ExportNode): string {
  const attributes = [`label=${dotString(node.label)}`, `shape=${SHAPES[node.kind] ?? 'box'}`];
  const m = node.marking;
  if (m?.reached === true) attributes.push(`fillcolor=${dotString(m.controlled ? '#f5b7b1' : '#fadbd8')}`);
  if (m?.foothold === true) attributes.push(`color=${dotString(RED)}`, 'penwidth=2.5');
  return `${dotString(node.id)} [${attributes.join(', ')}];`;
}

function edgeLine(edge: ExportEdge): string {
  const attributes: string[] = [];
  const label = edgeLabel(edge);
  if (label !== '') attributes.push(`label=${dotString(label)}`);
  if (edge.boundary !== null && !edge.failed) attributes.push('style=dashed', 'color="#7f8c8d"', 'fontcolor="#7f8c8d"');
  if (edge.failed) attributes.push(`color=${dotString(RED)}`, `fontcolor=${dotString(RED)}`, 'penwidth=2');
  else if (edge.attack) attributes.push(`color=${dotString(RED)}`);
  return `${dotString(edge.from)} -> ${dotString(edge.to)}${attributes.length > 0 ? ` [${attributes.join(', ')}]` : ''};`;
}

/** A boundary edge names its boundary (✗ when failed); access other than control names the access. */
export function edgeLabel(edge: ExportEdge): string {
  const parts: string[] = [];
  if (edge.boundary !== null) parts.push(edge.failed ? `\u2717 ${edge.boundary}` : edge.boundary);
  if (edge.access !== 'control') parts.push(edge.access);
  return parts.join(' ');
}

export function describeScenario(scenario: NonNullable<ExportGraph['scenario']>): string {
  const fail = scenario.fail.length === 0 ? 'no failure' : `${scenario.fail.join(', ')} failed`;
  return `${scenario.name} (from ${scenario.from.join(', ')}; ${fail})`;
}
