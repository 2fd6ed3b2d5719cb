// Model → deployment graph: derive the deployment facts, emit every node, run every rule, add the
// model's own extra edges. Works against any GraphSink; `buildGraph` is the graphology adapter.

import { MultiDirectedGraph } from 'graphology';
import { instanceId } from '../domain/boundary.js';
import type { InputIssue } from '../model/issues.js';
import type { EntityLocations, Model, SourceLocation } from '../model/types.js';
import { RULES } from '../rules/registry.js';
import type { EdgeOptions, Rule } from '../rules/rule.js';
import { didYouMean } from '../model/suggest.js';
import { deriveDeployment, type Deployment } from './deployment.js';
import type { DeploymentGraph, EdgeAttributes, GraphAttributes, GraphSink, NodeAttributes } from './graph-types.js';
import { emitNodes } from './nodes.js';

export type BuildResult =
  | { readonly ok: true; readonly graph: DeploymentGraph; readonly deployment: Deployment }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

/** Build the graphology graph of a model; problems only a built graph can reveal come back as issues. */
export function buildGraph(model: Model, locations: EntityLocations = new Map(), rules: readonly Rule[] = RULES): BuildResult {
  const graph: DeploymentGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: true });
  graph.replaceAttributes({ model: model.name });
  const { deployment, issues } = emitGraph(model, graphologySink(graph), locations, rules);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, graph, deployment };
}

/** Emit the whole graph into a sink. Returns the deployment facts and the issues found on the way. */
export function emitGraph(
  model: Model,
  sink: GraphSink,
  locations: EntityLocations = new Map(),
  rules: readonly Rule[] = RULES,
): { deployment: Deployment; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const where = (entity: string | null): SourceLocation =>
    (entity !== null ? locations.get(entity) : undefined) ?? locations.get('model') ?? { file: model.name, line: 1, column: 1 };

  const nodes = new Map<string, NodeAttributes>();
  const checked: GraphSink = {
    addNode(id, attributes) {
      const first = nodes.get(id);
      if (first !== undefined) {
        issues.push({
          location: where(attributes.entity),
          message: `derived node id \`${id}\` (${attributes.label}) collides with \`${id}\` (${first.label}); rename one of the entities`,
        });
        return;
      }
      nodes.set(id, attributes);
      sink.addNode(id, attributes);
    },
    addEdge: (from, to, attributes) => sink.addEdge(from, to, attributes),
  };

  const deployment = deriveDeployment(model);
  emitNodes(deployment, checked);
  for (const rule of rules) {
    rule.apply(deployment, (from, to, options) => {
      if (!nodes.has(from) || !nodes.has(to)) {
        throw new Error(`rule ${rule.id} emitted an edge between unknown nodes ${from} -> ${to}`);
      }
      checked.addEdge(from, to, edgeAttributes(rule.id, options));
    });
  }

  model.extra.edges.forEach((extra, index) => {
    const entity = `extra.edges/${index}`;
    let ok = true;
    for (const end of [extra.from, extra.to]) {
      if (nodes.has(end)) continue;
      ok = false;
      issues.push({
        location: where(entity),
        message: `extra edge ${index + 1} references unknown node \`${end}\`${didYouMean(end, nodes.keys())}`,
      });
    }
    if (!ok) return;
    const instance = extra.boundary === null ? null : (extra.instance ?? instanceId(extra.boundary, extra.to));
    checked.addEdge(extra.from, extra.to, {
      boundary: extra.boundary,
      instance,
      groups: [],
      access: extra.access,
      blockedBy: null,
      rule: 'extra',
    });
  });
  return { deployment, issues };
}

function edgeAttributes(rule: string, options: EdgeOptions = {}): EdgeAttributes {
  const boundary = options.boundary ?? null;
  if (boundary !== null && options.place === undefined) throw new Error(`rule ${rule} crosses ${boundary} without a place`);
  return {
    boundary,
    instance: boundary === null ? null : instanceId(boundary, options.place!),
    groups: boundary === null ? [] : (options.groups ?? []),
    access: options.access ?? 'control',
    blockedBy: options.blockedBy ?? null,
    rule,
  };
}

/** Writes into a graphology graph; an edge emitted twice by the same rule is kept once. */
export function graphologySink(graph: DeploymentGraph): GraphSink {
  return {
    addNode: (id, attributes) => void graph.addNode(id, attributes),
    addEdge(from, to, attributes) {
      const key = `${attributes.rule}:${from}->${to}:${attributes.instance ?? ''}:${attributes.access}:${attributes.blockedBy ?? ''}`;
      if (!graph.hasEdge(key)) graph.addEdgeWithKey(key, from, to, attributes);
    },
  };
}
