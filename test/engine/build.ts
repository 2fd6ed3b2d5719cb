// Small deployment graphs for engine tests, from terse edge lists: `['a', 'b']` is legitimate
// access, `['a', 'b', 'kernel@vm1']` crosses that instance (its type is the part before '@').

import { MultiDirectedGraph } from 'graphology';
import { isBoundaryType } from '../../src/domain/boundary.js';
import type { BoundaryType } from '../../src/domain/boundary.js';
import type { ControlName } from '../../src/domain/controls.js';
import type { Access } from '../../src/model/types.js';
import type { DeploymentGraph, EdgeAttributes, NodeAttributes } from '../../src/compile/graph-types.js';
import { compile } from '../../src/compile/compile.js';
import type { CompiledGraph } from '../../src/compile/compile.js';

export interface TestEdge {
  readonly from: string;
  readonly to: string;
  /** `type@place`; null or absent for legitimate access. */
  readonly instance?: string | null;
  readonly groups?: readonly string[];
  readonly access?: Access;
  readonly blockedBy?: ControlName | null;
}

export type EdgeShorthand = TestEdge | readonly [from: string, to: string, instance?: string];

export function toTestEdge(edge: EdgeShorthand): TestEdge {
  if (!Array.isArray(edge)) return edge as TestEdge;
  const [from, to, instance] = edge as readonly [string, string, string?];
  return { from, to, instance: instance ?? null };
}

export function typeOfInstance(instance: string): BoundaryType {
  const type = instance.split('@')[0] ?? '';
  if (!isBoundaryType(type)) throw new Error(`test instance '${instance}' does not start with a boundary type`);
  return type;
}

export function edgeAttributes(edge: TestEdge): EdgeAttributes {
  const instance = edge.instance ?? null;
  return {
    boundary: instance === null ? null : typeOfInstance(instance),
    instance,
    groups: edge.groups ?? [],
    access: edge.access ?? 'control',
    blockedBy: edge.blockedBy ?? null,
    rule: 'test',
  };
}

/** A graph with every endpoint as a `process` node of no organization, plus any extra isolated nodes. */
export function buildGraph(edges: readonly EdgeShorthand[], extraNodes: readonly string[] = []): DeploymentGraph {
  const graph: DeploymentGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, { model: string }>();
  graph.replaceAttributes({ model: 'test' });
  const ensure = (id: string): void => {
    if (!graph.hasNode(id)) graph.addNode(id, { kind: 'process', organization: null, label: id, entity: null });
  };
  extraNodes.forEach(ensure);
  for (const shorthand of edges) {
    const edge = toTestEdge(shorthand);
    ensure(edge.from);
    ensure(edge.to);
    graph.addEdge(edge.from, edge.to, edgeAttributes(edge));
  }
  return graph;
}

export function compileEdges(edges: readonly EdgeShorthand[], extraNodes: readonly string[] = []): CompiledGraph {
  return compile(buildGraph(edges, extraNodes));
}

/** Node index by id; throws on a typo in a test. */
export function node(compiled: CompiledGraph, id: string): number {
  const index = compiled.nodeIndex.get(id);
  if (index === undefined) throw new Error(`no node '${id}'`);
  return index;
}

export function instance(compiled: CompiledGraph, id: string): number {
  const index = compiled.instanceIndex.get(id);
  if (index === undefined) throw new Error(`no instance '${id}'`);
  return index;
}
