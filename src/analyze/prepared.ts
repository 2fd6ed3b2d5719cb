// A model made ready for analysis: deployment facts, the compiled engine arrays and node
// attributes by compiled index. Rules write straight into the compiler's typed columns; the
// graphology graph (for `graph --json`, exports and diagrams) is built only when asked for.

import { MultiDirectedGraph } from 'graphology';
import { edgeKeyOf, emitGraph } from '../compile/build-graph.js';
import { boundaryOfCode, compile, CompiledGraphBuilder, type CompiledGraph } from '../compile/compile.js';
import type { Deployment } from '../compile/deployment.js';
import type { DeploymentGraph, EdgeAttributes, GraphAttributes, NodeAttributes } from '../compile/graph-types.js';
import { CONTROL_NAMES } from '../domain/controls.js';
import type { InputIssue } from '../model/issues.js';
import { ACCESS_MODES, type EntityLocations, type Model } from '../model/types.js';

export interface PreparedModel {
  readonly model: Model;
  readonly deployment: Deployment;
  readonly compiled: CompiledGraph;
  /** Attributes of compiled node i. */
  readonly nodes: readonly NodeAttributes[];
  /** The graphology graph of the model, built on first use (tens of seconds at a million nodes). */
  readonly graph: DeploymentGraph;
}

export type PrepareResult =
  | { readonly ok: true; readonly prepared: PreparedModel }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Model → rules → typed columns → compiled engine form, without a graphology graph. */
export function prepare(model: Model, locations: EntityLocations = new Map()): PrepareResult {
  // The builder keeps each node's attributes and hands them back by compiled index.
  const builder = new CompiledGraphBuilder<NodeAttributes>();
  const { deployment, issues } = emitGraph(model, builder, locations);
  if (issues.length > 0) return { ok: false, issues };
  const compiled = builder.build();
  const nodes = builder.attributesByIndex();
  return { ok: true, prepared: lazyGraph({ model, deployment, compiled, nodes }) };
}

/** For callers that already hold a graphology graph of the model. */
export function prepareModel(model: Model, graph: DeploymentGraph, deployment: Deployment): PreparedModel {
  const compiled = compile(graph);
  return { model, deployment, compiled, nodes: compiled.nodeIds.map((id) => graph.getNodeAttributes(id)), graph };
}

/** The rule that derived compiled edge e. */
export function edgeRule(compiled: CompiledGraph, e: number): string {
  return compiled.ruleIds[compiled.edgeRule[e]!] ?? '';
}

function lazyGraph(parts: Omit<PreparedModel, 'graph'>): PreparedModel {
  let graph: DeploymentGraph | undefined;
  return {
    ...parts,
    get graph() {
      graph ??= graphOf(parts);
      return graph;
    },
  };
}

function graphOf({ model, compiled, nodes }: Omit<PreparedModel, 'graph'>): DeploymentGraph {
  const graph: DeploymentGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: true });
  graph.replaceAttributes({ model: model.name });
  compiled.nodeIds.forEach((id, v) => graph.addNode(id, nodes[v]!));
  for (let e = 0; e < compiled.edgeCount; e++) {
    const i = compiled.instance[e]!;
    const groups: string[] = [];
    if (i >= 0) for (let g = compiled.groupOffsets[i]!; g < compiled.groupOffsets[i + 1]!; g++) groups.push(compiled.groupIds[compiled.groupMembers[g]!]!);
    const blocked = CONTROL_NAMES.find((_, bit) => (compiled.blockedBy[e]! & (1 << bit)) !== 0) ?? null;
    const attributes: EdgeAttributes = {
      boundary: boundaryOfCode(compiled.boundary[e]!),
      instance: i < 0 ? null : compiled.instanceIds[i]!,
      groups,
      access: ACCESS_MODES[compiled.access[e]!]!,
      blockedBy: blocked,
      rule: edgeRule(compiled, e),
    };
    const source = compiled.nodeIds[compiled.sources[e]!]!;
    const target = compiled.nodeIds[compiled.targets[e]!]!;
    graph.addEdgeWithKey(edgeKeyOf(source, target, attributes), source, target, attributes);
  }
  return graph;
}
