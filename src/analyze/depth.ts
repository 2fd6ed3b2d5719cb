// Defense depth of every data store from a set of footholds: by boundary type (exhaustive over all
// type subsets, one engine pass) or by boundary instance up to order k. Each minimal set gets a
// witness path from one reach run per distinct set, shared by every store that has that set.

import { CONTROL_NAMES, type ControlName, type Controls } from '../domain/controls.js';
import type { BoundaryType } from '../domain/boundary.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { depthByInstance, minimalInstanceSetCount, minimalInstanceSets } from '../engine/depth-by-instance.js';
import { beyondReadAntichain, depthByType, minimalTypeSets, type TypeAntichain } from '../engine/depth-by-type.js';
import { beyondReadRow, reachedRow } from '../engine/propagation-graph.js';
import { explainPath, reach, ReachBuffers } from '../engine/reach.js';
import { controlMask, failInstances, failTypes, allFailed } from '../engine/scenario.js';
import { compareSets, minimalSets } from './antichain.js';
import { accessBeyond, accessKinds, ALL_ACCESS, authorizationOf, READ_ACCESS, type StoreAuthorization } from './authorization.js';
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
  /** The same for reach with control, tamper or deny (more than read); absent where it is the same answer. */
  readonly beyondRead?: Pick<NodeAnswer, 'depth' | 'sets' | 'setCount'>;
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
      ...(a.beyondRead === undefined
        ? {}
        : { beyondRead: { depth: a.beyondRead.depth, minimalSets: a.beyondRead.sets.slice(0, question.maxSets), minimalSetCount: a.beyondRead.setCount } }),
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
  const answerOf = (family: TypeAntichain) => {
    const sets = minimalSets(family);
    return { depth: sets.length === 0 ? null : sets[0]!.length, sets, setCount: sets.length };
  };
  return nodes.map((node) => {
    const answer = answerOf(minimalTypeSets(result, node));
    const beyond = beyondReadAntichain(result, node);
    const beyondRead = beyond === result.antichainOf[node] ? undefined : answerOf(result.antichains[beyond]!);
    return { node, ...answer, beyondOrder: false, ...(beyondRead === undefined ? {} : { beyondRead }) };
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
  const byFamilies = new Map<string, Pick<NodeAnswer, 'depth' | 'sets' | 'setCount'>>();
  const answerOf = (node: number, row: number): Pick<NodeAnswer, 'depth' | 'sets' | 'setCount'> => {
    const families = result.zeroFailure[row] === 1 ? 'none needed' : result.familyOf.map((family) => family[row]).join(',');
    let answer = byFamilies.get(families);
    if (answer === undefined) {
      const setCount = minimalInstanceSetCount(result, node, row);
      const sets = minimalInstanceSets(result, node, row)
        .slice(0, Math.max(question.maxSets, 1))
        .map((set) => set.map((i) => compiled.instanceIds[i]!));
      answer = { depth: setCount === 0 ? null : sets[0]!.length, sets, setCount };
      byFamilies.set(families, answer);
    }
    return answer;
  };
  return nodes.map((node) => {
    const answer = answerOf(node, reachedRow(result.graph, node));
    const beyond = beyondReadRow(result.graph, node);
    const beyondRead = beyond === reachedRow(result.graph, node) ? undefined : answerOf(node, beyond);
    return { node, ...answer, beyondOrder: answer.depth === null && everything.access[node] !== 0, ...(beyondRead === undefined ? {} : { beyondRead }) };
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
  // Each run's paths are read before the next run: one set of result columns for all of them.
  const buffers = new ReachBuffers(compiled.nodeCount);
  for (const [k, { set, nodes }] of bySet) {
    const failed =
      by === 'type'
        ? failTypes(compiled, set as BoundaryType[])
        : failInstances(compiled, set.map((id) => compiled.instanceIndex.get(id)!));
    const run = reach(compiled, sources, { failed, controls: mask }, buffers);
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
 * are authorized for. Authorization is per access kind: a store the attackers may only read counts
 * with its reach beyond read (control, tamper, deny). The attackers' own organizations count all their data.
 */
function rollUp(
  prepared: PreparedModel,
  data: readonly DataDepth[],
  attackerOrgs: ReadonlySet<string>,
  maxSets: number,
): OrganizationDepth[] {
  const authorization = authorizationOf(prepared.deployment);
  // Data node id → the access kinds some attacker organization is authorized for (model stores only; extra nodes: none).
  const accessOf = new Map<string, number>();
  if (attackerOrgs.size > 0) {
    for (const store of prepared.model.data) {
      for (const node of prepared.deployment.dataNodes.get(store.id) ?? []) {
        let mask = 0;
        for (const [org, access] of authorization.accessFor(store, node)) if (attackerOrgs.has(org)) mask |= access;
        if (mask !== 0) accessOf.set(node.node, mask);
      }
    }
  }
  // A node's answer as leakage: all of it, only its reach beyond read, or nothing (null).
  const leakOf = (d: DataDepth, mask: number): Pick<DataDepth, 'depth' | 'minimalSets' | 'minimalSetCount'> | null => {
    if ((mask & ALL_ACCESS) === ALL_ACCESS) return null;
    if (mask === 0 || (mask & ~READ_ACCESS) !== 0 || d.beyondRead === undefined) return d;
    return d.beyondRead;
  };
  const byOrg = groupBy(data, (d) => d.organization);
  return prepared.model.organizations.map((org) => {
    const all = byOrg.get(org.id) ?? [];
    const isAttacker = attackerOrgs.has(org.id);
    const own: Pick<DataDepth, 'depth' | 'minimalSets' | 'minimalSetCount'>[] = [];
    const stores = new Map<string, { access: number; beyondDepth: number | null }>();
    for (const d of all) {
      const mask = isAttacker ? 0 : (accessOf.get(d.id) ?? 0);
      const leak = leakOf(d, mask);
      if (mask !== 0) {
        const entry = stores.get(d.store) ?? stores.set(d.store, { access: ALL_ACCESS, beyondDepth: null }).get(d.store)!;
        entry.access &= mask;
        if (leak !== null && leak.depth !== null && (entry.beyondDepth === null || leak.depth < entry.beyondDepth)) entry.beyondDepth = leak.depth;
      }
      if (leak !== null) own.push(leak);
    }
    const authorized = [...stores.keys()].sort(byString);
    const authorizedAccess: StoreAuthorization[] = authorized.map((store) => {
      const { access, beyondDepth } = stores.get(store)!;
      return { store, access: accessKinds(access), beyond: accessBeyond(access), beyondDepth };
    });
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
      authorizedAccess,
      trusted: isAttacker ? null : ([...attackerOrgs].map((a) => authorization.trust.groupOf(a, org.id)).find((g) => g !== null)?.reason ?? null),
    };
  });
}
