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
import type { DeploymentGraph, DuplicateNode, EdgeAttributes, GraphAttributes, GraphSink, NodeAttributes, NodeRef } from './graph-types.js';
import { emitNodes } from './nodes.js';
import { CompileError } from './compile.js';

/** What extra edges need of a sink to check their endpoints. */
export interface NodeLookup {
  hasNode(id: string): boolean;
  nodeIds(): Iterable<string>;
}

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
  sink: GraphSink & NodeLookup,
  locations: EntityLocations = new Map(),
  rules: readonly Rule[] = RULES,
): { deployment: Deployment; issues: InputIssue[] } {
  const hasNode = (id: string) => sink.hasNode(id);
  const nodeIds = () => sink.nodeIds();
  const issues: InputIssue[] = [];
  const where = (entity: string | null): SourceLocation =>
    (entity !== null ? locations.get(entity) : undefined) ?? locations.get('model') ?? { file: model.name, line: 1, column: 1 };

  const deployment = deriveDeployment(model);
  emitNodes(deployment, sink);
  for (const { id, attributes } of sink.sealNodes()) {
    issues.push({
      location: where(attributes.entity),
      message: `derived node id \`${id}\` (${attributes.label}) collides with another node of that id; rename one of the entities`,
    });
  }
  if (issues.length > 0) return { deployment, issues };
  // An edge naming a node that does not exist is a rule bug; the sink rejects it loudly.
  for (const rule of rules) {
    const attributes = attributesOf(rule.id);
    rule.apply(deployment, (from, to, options) => sink.addEdge(from, to, attributes(options)));
  }

  const extraKeys = new Set<string>();
  /** Instance → the extra edge (index) and boundary type that first named it. */
  const extraInstances = new Map<string, { readonly index: number; readonly boundary: string }>();
  model.extra.edges.forEach((extra, index) => {
    const entity = `extra.edges/${index}`;
    let ok = true;
    for (const end of [extra.from, extra.to]) {
      if (hasNode(end)) continue;
      ok = false;
      issues.push({
        location: where(entity),
        message: `extra edge ${index + 1} references unknown node \`${end}\`${didYouMean(end, nodeIds())}`,
      });
    }
    if (!ok) return;
    const instance = extra.boundary === null ? null : (extra.instance ?? instanceId(extra.boundary, extra.to));
    const attributes: EdgeAttributes = { boundary: extra.boundary, instance, groups: [], access: extra.access, blockedBy: null, rule: 'extra' };
    // The same edge written twice in a model means it once.
    const key = edgeKeyOf(extra.from, extra.to, attributes);
    if (extraKeys.has(key)) return;
    extraKeys.add(key);
    // A boundary instance fails as one, so it has one type: a second type is a model error.
    const earlier = instance === null ? undefined : extraInstances.get(instance);
    if (instance !== null && earlier !== undefined && earlier.boundary !== extra.boundary) {
      issues.push({
        location: where(entity),
        message: `extra edge ${index + 1} (\`${extra.from}\` → \`${extra.to}\`) names boundary instance \`${instance}\` as a ${extra.boundary} boundary, but extra edge ${earlier.index + 1} names it as a ${earlier.boundary} boundary; an instance has one boundary type: give one of them another \`instance\``,
      });
      return;
    }
    if (instance !== null && earlier === undefined) extraInstances.set(instance, { index, boundary: extra.boundary! });
    try {
      sink.addEdge(extra.from, extra.to, attributes);
    } catch (error) {
      if (!(error instanceof CompileError) || error.kind !== 'instanceTypeConflict') throw error;
      issues.push({
        location: where(entity),
        message: `extra edge ${index + 1} (\`${extra.from}\` → \`${extra.to}\`) names boundary instance \`${instance}\` as a ${extra.boundary} boundary, but the rules derive it as another type; an instance has one boundary type: give the extra edge another \`instance\``,
      });
    }
  });
  return { deployment, issues };
}

const NO_OPTIONS: EdgeOptions = {};
const NO_GROUPS: readonly string[] = [];

/**
 * One rule's edge options → edge attributes. Rules pass the same options object (or none) for runs
 * of edges and the same place string for an instance's edges: those get the very same attributes
 * object and instance id string, so a million-edge rule allocates per distinct options, not per
 * edge, and the compiler recognises an instance it just saw by identity instead of hashing a new string.
 * Attributes are values: nothing mutates them once emitted.
 */
function attributesOf(rule: string): (options?: EdgeOptions) => EdgeAttributes {
  let lastOptions: EdgeOptions | null = null;
  let last: EdgeAttributes | null = null;
  let lastBoundary: string | null = null;
  let lastPlace: string | null = null;
  let lastInstance = '';
  return (options = NO_OPTIONS) => {
    if (options === lastOptions) return last!;
    const boundary = options.boundary ?? null;
    if (boundary !== null && options.place === undefined) throw new Error(`rule ${rule} crosses ${boundary} without a place`);
    let instance: string | null = null;
    if (boundary !== null) {
      if (boundary !== lastBoundary || options.place !== lastPlace) {
        lastBoundary = boundary;
        lastPlace = options.place!;
        lastInstance = instanceId(boundary, options.place!);
      }
      instance = lastInstance;
    }
    last = {
      boundary,
      instance,
      groups: boundary === null ? NO_GROUPS : (options.groups ?? NO_GROUPS),
      access: options.access ?? 'control',
      blockedBy: options.blockedBy ?? null,
      rule,
    };
    lastOptions = options;
    return last;
  };
}

/** An edge's identity: which rule derived it between which nodes, crossing what, granting what. */
export function edgeKeyOf(from: string, to: string, attributes: EdgeAttributes): string {
  return `${attributes.rule}:${from}->${to}:${attributes.instance ?? ''}:${attributes.access}:${attributes.blockedBy ?? ''}`;
}

/**
 * Writes into a graphology graph. Keys are unique by construction (emitGraph drops repeated extra
 * edges); a handle is the node's position in added order, resolved through the added ids.
 */
export function graphologySink(graph: DeploymentGraph): GraphSink & NodeLookup {
  const ids: string[] = [];
  const duplicates: DuplicateNode[] = [];
  const idOf = (ref: NodeRef): string => {
    if (typeof ref === 'string') return ref;
    const id = ids[ref];
    if (id === undefined) throw new CompileError('unknownEndpoint', String(ref), `an edge names unknown node handle ${ref}`);
    return id;
  };
  return {
    addNode(id, attributes) {
      if (graph.hasNode(id)) duplicates.push({ id, attributes });
      else graph.addNode(id, attributes);
      ids.push(id);
      return ids.length - 1;
    },
    sealNodes: () => duplicates,
    hasNode: (id) => graph.hasNode(id),
    nodeIds: () => graph.nodes(),
    addEdge(from, to, attributes) {
      const source = idOf(from);
      const target = idOf(to);
      graph.addEdgeWithKey(edgeKeyOf(source, target, attributes), source, target, attributes);
    },
  };
}
