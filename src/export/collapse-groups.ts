// Readable exports: the members of one user entry (`contoso-workers#1` … `#12`) and everything derived
// per member (their sessions, apps, credentials, devices, profile containers) collapse into one node
// per role (`contoso-workers ×12`, `session of contoso-workers ×12`), as the diagram draws them.
// Edges follow their endpoints and merge when they become the same edge. `--full` skips this.

import { compareExportEdges, type ExportEdge, type ExportGraph, type ExportNode, type NodeMarking } from './export-graph.js';
import { ACCESS_MODES } from '../model/types.js';
import { byString } from '../report/json.js';

/** `#` and a member number, as the compiler numbers the members of a user entry. */
const MEMBER = /#\d+/g;
const HAS_MEMBER = /#\d+/;

function groupId(id: string): string {
  return id.replace(MEMBER, '');
}

export function collapseGroups(graph: ExportGraph): ExportGraph {
  const byGroup = new Map<string, ExportNode[]>();
  for (const node of graph.nodes) {
    const key = HAS_MEMBER.test(node.id) ? `${groupId(node.id)}#*` : node.id;
    byGroup.set(key, [...(byGroup.get(key) ?? []), node]);
  }
  const to = new Map<string, string>();
  const nodes: ExportNode[] = [];
  for (const [key, members] of byGroup) {
    for (const m of members) to.set(m.id, members.length > 1 ? key : m.id);
    nodes.push(members.length > 1 ? mergeNodes(key, members) : members[0]!);
  }
  nodes.sort((a, b) => byString(a.id, b.id));

  const edges = new Map<string, ExportEdge>();
  for (const edge of graph.edges) {
    const from = to.get(edge.from) ?? edge.from;
    const target = to.get(edge.to) ?? edge.to;
    if (from === target && (from !== edge.from || target !== edge.to)) continue;
    const instance = edge.instance === null ? null : edge.instance.replace(MEMBER, '');
    const key = [from, target, edge.boundary ?? '', instance ?? '', edge.access].join('\u0000');
    const seen = edges.get(key);
    edges.set(
      key,
      seen === undefined
        ? { ...edge, from, to: target, instance }
        : {
            ...seen,
            rules: [...new Set([...seen.rules, ...edge.rules])].sort(byString),
            failed: seen.failed || edge.failed,
            traversable: seen.traversable || edge.traversable,
            attack: seen.attack || edge.attack,
          },
    );
  }
  const sorted = [...edges.values()].sort(compareExportEdges);
  return { ...graph, nodes, edges: sorted };
}

/** One node for a group: its label without member numbers, a count, and how many were reached. */
function mergeNodes(id: string, members: readonly ExportNode[]): ExportNode {
  const first = members[0]!;
  const reached = members.filter((m) => m.marking?.reached === true).length;
  const share = first.marking === null || reached === 0 || reached === members.length ? '' : `, ${reached} reached`;
  return {
    ...first,
    id,
    label: `${first.label.replace(MEMBER, '')} ×${members.length}${share}`,
    marking: first.marking === null ? null : mergeMarkings(members.map((m) => m.marking!)),
  };
}

function mergeMarkings(markings: readonly NodeMarking[]): NodeMarking {
  return {
    foothold: markings.some((m) => m.foothold),
    reached: markings.some((m) => m.reached),
    controlled: markings.some((m) => m.controlled),
    access: ACCESS_MODES.filter((a) => markings.some((m) => m.access.includes(a))),
  };
}
