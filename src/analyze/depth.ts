// Defense depth of every data store from a set of footholds: by boundary type (exhaustive over all
// type subsets, one engine pass) or by boundary instance up to order k. Each minimal set gets a
// witness path from one reach run per distinct set, shared by every store that has that set.

import { CONTROL_NAMES, type ControlName, type Controls } from '../domain/controls.js';
import type { BoundaryType } from '../domain/boundary.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { depthByInstance, minimalInstanceSetCount, minimalInstanceSets } from '../engine/depth-by-instance.js';
import { depthByType, minimalTypeSets } from '../engine/depth-by-type.js';
import { reachedRow } from '../engine/propagation-graph.js';
import { explainPath, reach } from '../engine/reach.js';
import { controlMask, failInstances, failTypes, allFailed } from '../engine/scenario.js';
import { compareSets, minimalSets } from './antichain.js';
import { authorizationOf } from './authorization.js';
import type { DataDepth, DepthMode, DepthResult, OrganizationDepth, Witness } from './depth-types.js';
import { toHop } from './hops.js';
import type { PreparedModel } from './prepared.js';
import { resolveQuestion, type QuestionProblem } from './what-if.js';
import { groupBy } from '../util/group-by.js';
import { byString } from '../util/string-order.js';

export interface DepthQuestion {
  readonly from: readonly string[];
  readonly by: DepthMode;
  /** Instance mode only: the largest failure set explored. */
  readonly order: number;
  readonly controls: Partial<Record<ControlName, boolean>>;
  /** Cap on minimal sets (and witnesses) listed per data store; counts stay exact. */
  readonly maxSets: number;
}

export const DEFAULT_MAX_SETS = 20;

export type DepthOutcome =
  | { readonly ok: true; readonly result: DepthResult }
  | { readonly ok: false; readonly problems: readonly QuestionProblem[] };

interface NodeAnswer {
  readonly node: number;
  readonly depth: number | null;
  readonly beyondOrder: boolean;
  readonly sets: readonly (readonly string[])[];
  readonly setCount: number;
}

export function analyzeDepth(prepared: PreparedModel, question: DepthQuestion): DepthOutcome {
  const resolution = resolveQuestion(prepared, { name: 'depth', from: question.from, fail: [], controls: question.controls });
  if (!resolution.ok) return resolution;
  const { sources, controls, footholds } = resolution.resolved;
  const mask = controlMask(controls);
  const dataNodes = dataNodeIndices(prepared);

  const answers = question.by === 'type' ? byType(prepared, sources, mask, dataNodes) : byInstance(prepared, sources, mask, dataNodes, question);
  const witnesses = witnessPaths(prepared, sources, mask, question.by, answers, question.maxSets);

  const data: DataDepth[] = answers.map((a) => {
    const id = prepared.compiled.nodeIds[a.node]!;
    const attributes = prepared.nodes[a.node]!;
    const sets = a.sets.slice(0, question.maxSets);
    return {
      id,
      store: attributes.entity?.replace(/^data\//, '') ?? id,
      organization: attributes.organization ?? '',
      classification: attributes.classification ?? 'confidential',
      location: attributes.location ?? 'share',
      depth: a.depth,
      beyondOrder: a.beyondOrder,
      minimalSets: sets,
      minimalSetCount: a.setCount,
      witnesses: sets.map((set) => ({ set, path: witnesses.get(key(set))?.get(a.node) ?? [] })),
    };
  });

  const attackerOrgs = new Set(footholds.flatMap((id) => prepared.nodes[prepared.compiled.nodeIndex.get(id)!]!.organization ?? []));
  return {
    ok: true,
    result: {
      model: prepared.model.name,
      assumptions: prepared.deployment.assumptions,
      by: question.by,
      order: question.by === 'instance' ? question.order : null,
      from: [...question.from],
      footholds,
      controls: Object.fromEntries(CONTROL_NAMES.map((c) => [c, controls[c]])) as Controls,
      organizations: rollUp(prepared, data, attackerOrgs, question.maxSets),
      data,
    },
  };
}

const DATA_KIND = NODE_KINDS.indexOf('data');

function dataNodeIndices(prepared: PreparedModel): number[] {
  const out: number[] = [];
  const { compiled } = prepared;
  for (let v = 0; v < compiled.nodeCount; v++) if (compiled.nodeKind[v] === DATA_KIND) out.push(v);
  return out;
}

function byType(prepared: PreparedModel, sources: readonly number[], mask: number, nodes: readonly number[]): NodeAnswer[] {
  const result = depthByType(prepared.compiled, sources, mask);
  return nodes.map((node) => {
    const sets = minimalSets(minimalTypeSets(result, node));
    const depth = sets.length === 0 ? null : sets[0]!.length;
    return { node, depth, beyondOrder: false, sets, setCount: sets.length };
  });
}

function byInstance(
  prepared: PreparedModel,
  sources: readonly number[],
  mask: number,
  nodes: readonly number[],
  question: DepthQuestion,
): NodeAnswer[] {
  const { compiled } = prepared;
  const result = depthByInstance(compiled, sources, mask, { order: question.order });
  // One extra run with every boundary failed tells "needs more than k" from "unreachable".
  const everything = reach(compiled, sources, { failed: allFailed(compiled), controls: mask });
  // Nodes with the same label families have the same sets, and at scale most data nodes share a
  // handful of families: list (and count) each combination once, not once per node.
  const byFamilies = new Map<string, Pick<NodeAnswer, 'sets' | 'setCount'>>();
  return nodes.map((node) => {
    const row = reachedRow(result.graph, node);
    const families = result.zeroFailure[row] === 1 ? 'none needed' : result.familyOf.map((family) => family[row]).join(',');
    let answer = byFamilies.get(families);
    if (answer === undefined) {
      const setCount = minimalInstanceSetCount(result, node);
      const sets = minimalInstanceSets(result, node)
        .slice(0, Math.max(question.maxSets, 1))
        .map((set) => set.map((i) => compiled.instanceIds[i]!));
      answer = { sets, setCount };
      byFamilies.set(families, answer);
    }
    const { sets, setCount } = answer;
    const depth = setCount === 0 ? null : sets[0]!.length;
    return { node, depth, beyondOrder: depth === null && everything.access[node] !== 0, sets, setCount };
  });
}

/** set key → node → path. One reach run per distinct listed set: a minimal set's BFS path crosses all of it. */
function witnessPaths(
  prepared: PreparedModel,
  sources: readonly number[],
  mask: number,
  by: DepthMode,
  answers: readonly NodeAnswer[],
  maxSets: number,
): Map<string, Map<number, Witness['path']>> {
  const { compiled } = prepared;
  const bySet = new Map<string, { set: readonly string[]; nodes: number[] }>();
  for (const a of answers) {
    for (const set of a.sets.slice(0, maxSets)) {
      const entry = bySet.get(key(set)) ?? { set, nodes: [] };
      entry.nodes.push(a.node);
      bySet.set(key(set), entry);
    }
  }
  const out = new Map<string, Map<number, Witness['path']>>();
  for (const [k, { set, nodes }] of bySet) {
    const failed =
      by === 'type'
        ? failTypes(compiled, set as BoundaryType[])
        : failInstances(compiled, set.map((id) => compiled.instanceIndex.get(id)!));
    const run = reach(compiled, sources, { failed, controls: mask });
    const paths = new Map<number, Witness['path']>();
    for (const node of nodes) paths.set(node, (explainPath(compiled, run, node) ?? []).map((hop) => toHop(prepared, hop)));
    out.set(k, paths);
  }
  return out;
}

function key(set: readonly string[]): string {
  return set.join('\u0000');
}

/**
 * Per organization: the depth of its data the attackers' organizations are not authorized for
 * (authorization.ts — authorized access is not leakage, domain.md), and apart from it the stores they
 * are authorized for. The attackers' own organizations count all their data.
 */
function rollUp(
  prepared: PreparedModel,
  data: readonly DataDepth[],
  attackerOrgs: ReadonlySet<string>,
  maxSets: number,
): OrganizationDepth[] {
  const authorization = authorizationOf(prepared.deployment);
  // Data node id → the organizations authorized for it (model stores only; extra nodes: nobody).
  const allowedOf = new Map<string, readonly string[]>();
  if (attackerOrgs.size > 0) {
    for (const store of prepared.model.data) {
      for (const node of prepared.deployment.dataNodes.get(store.id) ?? []) allowedOf.set(node.node, authorization.organizationsFor(store, node));
    }
  }
  const authorizedFor = (d: DataDepth): boolean => (allowedOf.get(d.id) ?? []).some((org) => attackerOrgs.has(org));
  const byOrg = groupBy(data, (d) => d.organization);
  return prepared.model.organizations.map((org) => {
    const all = byOrg.get(org.id) ?? [];
    const isAttacker = attackerOrgs.has(org.id);
    const own: DataDepth[] = [];
    const authorizedStores = new Set<string>();
    for (const d of all) {
      if (!isAttacker && authorizedFor(d)) authorizedStores.add(d.store);
      else own.push(d);
    }
    const authorized = [...authorizedStores].sort(byString);
    let depth: number | null = null;
    for (const d of own) if (d.depth !== null && (depth === null || d.depth < depth)) depth = d.depth;
    const family = new Map<string, readonly string[]>();
    for (const d of own) for (const set of d.minimalSets) family.set(key(set), set);
    const sets = minimalSets(family.values());
    return {
      id: org.id,
      attacker: attackerOrgs.has(org.id),
      depth,
      minimalSets: sets.slice(0, maxSets),
      minimalSetCount: sets.length,
      truncated: sets.length > maxSets || own.some((d) => d.minimalSetCount > d.minimalSets.length),
      dataAtDepth: depth === null ? 0 : own.filter((d) => d.depth === depth).length,
      dataTotal: own.length,
      authorized,
    };
  });
}
