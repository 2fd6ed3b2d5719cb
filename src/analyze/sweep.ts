// Sweeps: every failure combination up to order k as an exposure matrix — rows are failure sets,
// columns are organizations, cells are the data reached. By type, rows are read off the type
// truth tables (no extra runs); by instance, rows are the minimal instance sets that expose data.

import type { BoundaryType } from '../domain/boundary.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { depthByInstance, minimalInstanceSets } from '../engine/depth-by-instance.js';
import { depthByType, reachedUnder } from '../engine/depth-by-type.js';
import { reach } from '../engine/reach.js';
import { controlMask, failInstances } from '../engine/scenario.js';
import { compareSets } from './antichain.js';
import type { DepthMode } from './depth-types.js';
import type { PreparedModel } from './prepared.js';
import { subsetsUpTo, typesPresent } from './type-subsets.js';
import { resolveQuestion, type QuestionProblem } from './what-if.js';
import type { ControlName } from '../domain/controls.js';

export interface SweepQuestion {
  readonly from: readonly string[];
  readonly by: DepthMode;
  readonly order: number;
  readonly controls: Partial<Record<ControlName, boolean>>;
}

export interface SweepRow {
  /** The failed boundary types or instances (sorted). */
  readonly failed: readonly string[];
  /** Data nodes reached per organization, aligned with `organizations`. */
  readonly reached: readonly number[];
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

export function sweep(prepared: PreparedModel, question: SweepQuestion): SweepOutcome {
  const resolution = resolveQuestion(prepared, { name: 'sweep', from: question.from, fail: [], controls: question.controls });
  if (!resolution.ok) return resolution;
  const { sources, controls, footholds } = resolution.resolved;
  const { compiled } = prepared;
  const mask = controlMask(controls);
  const dataNodes: number[] = [];
  for (let v = 0; v < compiled.nodeCount; v++) if (compiled.nodeKind[v] === DATA_KIND) dataNodes.push(v);
  const organizations = prepared.model.organizations.map((o) => o.id);
  const orgColumn = new Map(organizations.map((id, i) => [id, i] as const));
  const columnOf = (node: number) => orgColumn.get(compiled.organizationIds[compiled.nodeOrganization[node]!] ?? '') ?? -1;

  const row = (failed: readonly string[], isReached: (node: number) => boolean): SweepRow => {
    const reached = organizations.map(() => 0);
    const data: string[] = [];
    for (const v of dataNodes) {
      if (!isReached(v)) continue;
      data.push(compiled.nodeIds[v]!);
      const column = columnOf(v);
      if (column >= 0) reached[column]!++;
    }
    return { failed, reached, data };
  };

  let rows: SweepRow[];
  if (question.by === 'type') {
    const tables = depthByType(compiled, sources, mask);
    rows = subsetsUpTo(typesPresent(compiled), question.order).map((set) =>
      row(set, (v) => reachedUnder(tables, v, set as BoundaryType[])),
    );
  } else {
    const result = depthByInstance(compiled, sources, mask, { order: question.order });
    const sets = new Map<string, number[]>([['', []]]);
    for (const v of dataNodes) for (const set of minimalInstanceSets(result, v)) sets.set(set.join(','), set);
    rows = [...sets.values()]
      .map((set) => {
        const run = reach(compiled, sources, { failed: failInstances(compiled, set), controls: mask });
        return row(
          set.map((i) => compiled.instanceIds[i]!),
          (v) => run.access[v] !== 0,
        );
      })
      .sort((a, b) => compareSets(a.failed, b.failed));
  }
  const totals = organizations.map(() => 0);
  for (const v of dataNodes) {
    const column = columnOf(v);
    if (column >= 0) totals[column]!++;
  }
  return {
    ok: true,
    result: { model: prepared.model.name, by: question.by, order: question.order, from: [...question.from], footholds, organizations, totals, rows },
  };
}
