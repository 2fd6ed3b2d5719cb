// Sweeps: every failure combination up to order k as an exposure matrix — rows are failure sets,
// columns are organizations (by owner: a profile container is its user's organization's), cells are
// the data reached that the footholds' organizations are not authorized for; authorized
// cross-organization data is counted apart (authorization.ts). By type, rows are read off the type
// truth tables (no extra runs); by instance, rows are the minimal instance sets that expose data.

import type { BoundaryType } from '../domain/boundary.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { depthByInstance, minimalInstanceSets } from '../engine/depth-by-instance.js';
import { depthByType, reachedBeyondReadUnder, reachedUnder } from '../engine/depth-by-type.js';
import { beyondReadRow } from '../engine/propagation-graph.js';
import { reach, ReachBuffers } from '../engine/reach.js';
import { controlMask, failInstances } from '../engine/scenario.js';
import { compareSets } from './antichain.js';
import type { DepthMode } from './depth-types.js';
import type { PreparedModel } from './prepared.js';
import { subsetsUpTo, typesPresent } from './type-subsets.js';
import { resolveQuestion, type QuestionProblem } from './what-if.js';
import type { ControlName } from '../domain/controls.js';
import { byString } from '../report/json.js';
import { dataOwnership } from './leakage.js';
import { ALL_ACCESS, READ_ACCESS } from './authorization.js';

export interface SweepQuestion {
  readonly from: readonly string[];
  readonly by: DepthMode;
  readonly order: number;
  readonly controls: Partial<Record<ControlName, boolean>>;
}

export interface SweepRow {
  /** The failed boundary types or instances (sorted). */
  readonly failed: readonly string[];
  /** Data nodes reached per organization that the footholds are not authorized for, aligned with `organizations`. */
  readonly reached: readonly number[];
  /** Other organizations' data nodes reached that every foothold organization is authorized for (not counted in `reached`). */
  readonly authorized: readonly number[];
  /** Reached data node ids (sorted). */
  readonly data: readonly string[];
}

export interface SweepResult {
  readonly model: string;
  readonly by: DepthMode;
  readonly order: number;
  readonly from: readonly string[];
  readonly footholds: readonly string[];
  readonly organizations: readonly string[];
  /** Data nodes per organization, aligned with `organizations`. */
  readonly totals: readonly number[];
  /** Per organization: the data node ids every foothold organization is authorized for (another organization's), sorted. */
  readonly authorized: readonly (readonly string[])[];
  /**
   * By type: every subset of the graph's boundary types up to `order`. By instance: the empty set
   * and every minimal instance set up to `order` that exposes some data; any other set of at most
   * `order` instances exposes exactly the union of the rows it contains.
   */
  readonly rows: readonly SweepRow[];
}

export type SweepOutcome =
  | { readonly ok: true; readonly result: SweepResult }
  | { readonly ok: false; readonly problems: readonly QuestionProblem[] };

const DATA_KIND = NODE_KINDS.indexOf('data');

/**
 * A sweep resolved against its model, before its rows: footholds, data nodes and columns, and (by
 * instance) the failure sets whose rows are still to compute. Rows are independent reachability
 * runs, so `sweepRows` can compute any slice of them anywhere (src/queue) and `finishSweep` puts
 * them together exactly as the in-process sweep does.
 */
export interface SweepPlan {
  readonly question: SweepQuestion;
  readonly footholds: readonly string[];
  readonly sources: readonly number[];
  readonly mask: number;
  readonly dataNodes: readonly number[];
  readonly organizations: readonly string[];
  /** Per data node: its owner's column, -1 for none. */
  readonly columns: readonly number[];
  /**
   * Per data node: the access kinds (authorization.ts's AccessMask) every foothold organization is
   * authorized for on it (another organization's data; 0: none). Reach within them is authorized;
   * reach beyond them (tamper or deny of data it may only read) counts as reached.
   */
  readonly authorizedData: Uint8Array;
  /** By type: the rows, read off one pass. By instance: null until the rows of `instanceSets` are computed. */
  readonly typeRows: readonly SweepRow[] | null;
  /** By instance: the empty set and every minimal instance set (instance indices) that exposes data. */
  readonly instanceSets: readonly (readonly number[])[];
}

export type SweepPlanOutcome =
  | { readonly ok: true; readonly plan: SweepPlan }
  | { readonly ok: false; readonly problems: readonly QuestionProblem[] };

export function sweep(prepared: PreparedModel, question: SweepQuestion): SweepOutcome {
  const planned = planSweep(prepared, question);
  if (!planned.ok) return planned;
  const { plan } = planned;
  return { ok: true, result: finishSweep(prepared, plan, plan.typeRows ?? sweepRows(prepared, plan, plan.instanceSets)) };
}

export type SweepFrame = Omit<SweepPlan, 'typeRows' | 'instanceSets'>;

/** Resolves the question against the model: footholds, control mask, data nodes and their columns. */
export function sweepFrame(
  prepared: PreparedModel,
  question: SweepQuestion,
): { readonly ok: true; readonly frame: SweepFrame } | { readonly ok: false; readonly problems: readonly QuestionProblem[] } {
  const resolution = resolveQuestion(prepared, { name: 'sweep', from: question.from, fail: [], controls: question.controls });
  if (!resolution.ok) return resolution;
  const { sources, controls, footholds } = resolution.resolved;
  const { compiled } = prepared;
  const dataNodes: number[] = [];
  for (let v = 0; v < compiled.nodeCount; v++) if (compiled.nodeKind[v] === DATA_KIND) dataNodes.push(v);
  const organizations = prepared.model.organizations.map((o) => o.id);
  const ownership = dataOwnership(prepared, { data: Int32Array.from(dataNodes) });
  const columns = Array.from(ownership.owner);
  // Authorized when every organization the footholds belong to is (an outsider is authorized for nothing).
  const attackerOrgs = [...new Set(sources.flatMap((v) => prepared.nodes[v]!.organization ?? []))].map((o) => organizations.indexOf(o));
  const authorizedData = new Uint8Array(dataNodes.length).fill(attackerOrgs.length > 0 ? ALL_ACCESS : 0);
  for (const org of attackerOrgs) {
    const held = new Uint8Array(dataNodes.length);
    ownership.authorized[org]?.forEach((p, i) => (held[p] = ownership.access[org]![i]!));
    held.forEach((mask, p) => (authorizedData[p]! &= mask));
  }
  return { ok: true, frame: { question, footholds, sources, mask: controlMask(controls), dataNodes, organizations, columns, authorizedData } };
}

/** Resolves the question and runs the one depth pass the sweep needs (by type, that pass gives every row). */
export function planSweep(prepared: PreparedModel, question: SweepQuestion): SweepPlanOutcome {
  const framed = sweepFrame(prepared, question);
  if (!framed.ok) return framed;
  const { frame } = framed;
  const { compiled } = prepared;
  const { sources, mask, dataNodes } = frame;
  if (question.by === 'type') {
    const tables = depthByType(compiled, sources, mask);
    const typeRows = subsetsUpTo(typesPresent(compiled), question.order).map((set) =>
      sweepRow(prepared, frame, set, (v, beyondRead) => (beyondRead ? reachedBeyondReadUnder : reachedUnder)(tables, v, set as BoundaryType[])),
    );
    return { ok: true, plan: { ...frame, typeRows, instanceSets: [] } };
  }
  const result = depthByInstance(compiled, sources, mask, { order: question.order });
  const sets = new Map<string, readonly number[]>([['', []]]);
  for (const v of dataNodes) {
    for (const set of minimalInstanceSets(result, v)) sets.set(set.join(','), set);
    // Reach beyond read of data the attackers may read: its own sets.
    for (const set of minimalInstanceSets(result, v, beyondReadRow(result.graph, v))) sets.set(set.join(','), set);
  }
  return { ok: true, plan: { ...frame, typeRows: null, instanceSets: [...sets.values()] } };
}

/** The rows of some of a by-instance plan's failure sets (instance indices): one reachability run each. */
export function sweepRows(prepared: PreparedModel, plan: SweepFrame, sets: readonly (readonly number[])[]): SweepRow[] {
  const { compiled } = prepared;
  // Each run is read before the next: one set of result columns for all of them.
  const buffers = new ReachBuffers(compiled.nodeCount);
  return sets.map((set) => {
    const run = reach(compiled, plan.sources, { failed: failInstances(compiled, set), controls: plan.mask }, buffers);
    return sweepRow(
      prepared,
      plan,
      set.map((i) => compiled.instanceIds[i]!),
      (v, beyondRead) => (beyondRead ? (run.access[v]! & ~READ_ACCESS) !== 0 : run.access[v] !== 0),
    );
  });
}

/** The sweep from its plan and its rows (by instance: any order; they are sorted here). */
export function finishSweep(prepared: PreparedModel, plan: SweepPlan, rows: readonly SweepRow[]): SweepResult {
  const { question } = plan;
  const sorted = question.by === 'type' ? [...rows] : [...rows].sort((a, b) => compareSets(a.failed, b.failed));
  const totals = plan.organizations.map(() => 0);
  for (const column of plan.columns) if (column >= 0) totals[column]!++;
  const authorized = plan.organizations.map((): string[] => []);
  plan.dataNodes.forEach((v, i) => {
    if (plan.authorizedData[i] !== 0 && plan.columns[i]! >= 0) authorized[plan.columns[i]!]!.push(prepared.compiled.nodeIds[v]!);
  });
  return {
    model: prepared.model.name,
    by: question.by,
    order: question.order,
    from: [...question.from],
    footholds: plan.footholds,
    organizations: plan.organizations,
    totals,
    authorized: authorized.map((ids) => ids.sort(byString)),
    rows: sorted,
  };
}

function sweepRow(
  prepared: PreparedModel,
  frame: Pick<SweepPlan, 'dataNodes' | 'columns' | 'organizations' | 'authorizedData'>,
  failed: readonly string[],
  isReached: (node: number, beyondRead: boolean) => boolean,
): SweepRow {
  const reached = frame.organizations.map(() => 0);
  const authorized = frame.organizations.map(() => 0);
  const data: string[] = [];
  frame.dataNodes.forEach((v, i) => {
    if (!isReached(v, false)) return;
    data.push(prepared.compiled.nodeIds[v]!);
    const column = frame.columns[i]!;
    if (column < 0) return;
    // Within its authorization (all of it, or read of data it may read): authorized; beyond it: reached.
    const mask = frame.authorizedData[i]!;
    const within = mask === ALL_ACCESS || (mask === READ_ACCESS && !isReached(v, true));
    (mask !== 0 && within ? authorized : reached)[column]!++;
  });
  return { failed, reached, authorized, data };
}
