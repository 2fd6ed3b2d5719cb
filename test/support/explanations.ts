// Checks that a what-if's explanations are real: each path chains from a foothold over existing,
// unblocked graph edges to its data node, and `failures` lists exactly the failed instances crossed.

import { expect } from 'vitest';
import type { DeploymentGraph } from '../../src/compile/graph-types.js';
import type { WhatIfResult } from '../../src/analyze/what-if-types.js';
import { isBoundaryType } from '../../src/domain/boundary.js';

/** Groups of an instance: the union over the edges that carry it. */
function groupsOf(graph: DeploymentGraph, instance: string): Set<string> {
  const groups = new Set<string>();
  graph.forEachEdge((_key, a) => {
    if (a.instance === instance) for (const g of a.groups) groups.add(g);
  });
  return groups;
}

/**
 * Whether a failure spec fails an instance, read independently of the engine: a type fails all of
 * its instances, an instance itself, a group every member, `type@group` the members of that type.
 */
export function specFails(graph: DeploymentGraph, spec: string, instance: string): boolean {
  if (spec === instance) return true;
  const type = instance.slice(0, instance.indexOf('@'));
  if (spec === type) return true;
  const groups = groupsOf(graph, instance);
  if (groups.has(spec)) return true;
  const at = spec.indexOf('@');
  return at > 0 && isBoundaryType(spec.slice(0, at)) && spec.slice(0, at) === type && groups.has(spec.slice(at + 1));
}

export function expectRealExplanations(graph: DeploymentGraph, result: WhatIfResult): void {
  const footholds = new Set(result.footholds);
  const controls = result.scenario.controls;
  for (const reached of result.data) {
    const where = `explanation of ${reached.id}`;
    const { path } = reached;
    if (path.length === 0) {
      expect(footholds.has(reached.id), where).toBe(true);
    } else {
      expect(footholds.has(path[0]!.from), `${where} starts at a foothold`).toBe(true);
      expect(path[path.length - 1]!.to, `${where} ends at the data`).toBe(reached.id);
    }
    path.forEach((hop, i) => {
      if (i > 0) expect(hop.from, `${where}: hop ${i} chains`).toBe(path[i - 1]!.to);
      const edges = graph
        .edges(hop.from, hop.to)
        .map((key) => graph.getEdgeAttributes(key))
        .filter((a) => a.rule === hop.rule && a.boundary === hop.boundary && a.instance === hop.instance)
        .filter((a) => a.blockedBy === null || !controls[a.blockedBy])
        // Only control propagates: every hop but the last must be a control edge.
        .filter((a) => i === path.length - 1 || a.access === 'control');
      expect(edges.length, `${where}: hop ${hop.from} -> ${hop.to} [${hop.rule}] is an unblocked edge`).toBeGreaterThan(0);
      expect(hop.label, `${where}: label of ${hop.to}`).toBe(graph.getNodeAttribute(hop.to, 'label'));
      if (hop.instance !== null) {
        expect(
          result.scenario.fail.some((spec) => specFails(graph, spec, hop.instance!)),
          `${where}: ${hop.instance} is failed by one of [${result.scenario.fail.join(', ')}]`,
        ).toBe(true);
      }
    });
    expect(reached.failures, `${where}: failures`).toEqual(path.flatMap((h) => (h.instance === null ? [] : [h.instance])));
    expect(graph.getNodeAttribute(reached.id, 'kind')).toBe('data');
    expect(reached.organization).toBe(graph.getNodeAttribute(reached.id, 'organization'));
  }
}
