// Shared vs separated: two models of the same organizations, users and data under different
// topologies. For each, the cross-organization leakage matrix (attacker org × victim org: depth and
// minimal type sets), blast radius by number of failed types, what one exposes that the other does
// not, and cost from each model's cost figures.

import { patchCadence } from '../model/patch-cadence.js';
import type { BoundaryType } from '../domain/boundary.js';
import type { ControlName } from '../domain/controls.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { depthByType, reachedUnder, type TypeDepthResult } from '../engine/depth-by-type.js';
import { controlMask } from '../engine/scenario.js';
import { byString } from '../report/json.js';
import { costOf, type CostBreakdown } from './cost.js';
import { reachedUnion, tableProbability, weightsOf } from '../risk/exact.js';
import { buildFailureModel, overridesOf, patchSettingsOf, typeProbabilities } from '../risk/failure-model.js';
import { dataByOrganization, leakageFromTables, leakageTasks, type LeakageTask } from './leakage.js';
import type { PreparedModel } from './prepared.js';
import { subsetsUpTo, typesPresent } from './type-subsets.js';

export interface LeakageCell {
  readonly attacker: string;
  readonly victim: string;
  /** Fewest boundary types that must fail before any victim data is reached; null = never. */
  readonly depth: number | null;
  readonly minimalSets: readonly (readonly string[])[];
  /**
   * Probability per year that the attacker's insiders reach any of the victim's data, with failures
   * per boundary type and the model's failure likelihoods (exact; docs/risk.md). Null when the
   * model's likelihood overrides do not resolve.
   */
  readonly probability: number | null;
}

export interface ModelSide {
  readonly model: string;
  readonly cells: readonly LeakageCell[];
  /** Per attacker org: most other-org data nodes reached with at most i types failed (index i). */
  readonly blastRadius: readonly { readonly attacker: string; readonly byOrder: readonly number[] }[];
  readonly cost: CostBreakdown;
  /** Where the failure likelihoods came from, and anything that kept them from applying. */
  readonly risk: { readonly likelihoods: 'default' | 'model'; readonly notes: readonly string[] };
}

export interface ExposureDifference {
  readonly attacker: string;
  readonly failed: readonly string[];
  /** Other-org data reached only in the first / only in the second model under that failure set. */
  readonly onlyInFirst: readonly string[];
  readonly onlyInSecond: readonly string[];
}

export interface CompareResult {
  readonly organizations: readonly string[];
  readonly attackers: readonly string[];
  readonly order: number;
  readonly sides: readonly [ModelSide, ModelSide];
  readonly differences: readonly ExposureDifference[];
  /** Organizations of one model that the other lacks (the comparison reads only the common ones). */
  readonly unmatched: readonly string[];
}

export interface CompareQuestion {
  /** Attacker organizations; empty = every common organization. */
  readonly fromOrgs: readonly string[];
  /** Largest number of failed types for blast radius and differences. */
  readonly order: number;
  readonly controls: Partial<Record<ControlName, boolean>>;
}

const DATA_KIND = NODE_KINDS.indexOf('data');

interface AttackerRun {
  readonly attacker: string;
  readonly task: LeakageTask;
  readonly tables: TypeDepthResult | null;
}

export function compareModels(first: PreparedModel, second: PreparedModel, question: CompareQuestion): CompareResult {
  const orgsA = new Set(first.model.organizations.map((o) => o.id));
  const orgsB = new Set(second.model.organizations.map((o) => o.id));
  const organizations = [...orgsA].filter((o) => orgsB.has(o)).sort(byString);
  const unmatched = [...new Set([...orgsA, ...orgsB])].filter((o) => !(orgsA.has(o) && orgsB.has(o))).sort(byString);
  const attackers = question.fromOrgs.length > 0 ? [...question.fromOrgs].sort(byString) : organizations;

  const runsA = attackers.map((org) => attackerRun(first, org, question));
  const runsB = attackers.map((org) => attackerRun(second, org, question));
  const sideA = side(first, runsA, organizations, question.order);
  const sideB = side(second, runsB, organizations, question.order);

  const differences: ExposureDifference[] = [];
  const sets = subsetsUpTo([...new Set([...typesPresent(first.compiled), ...typesPresent(second.compiled)])].sort(), question.order);
  attackers.forEach((attacker, i) => {
    for (const set of sets) {
      const a = otherOrgDataReached(first, runsA[i]!, set);
      const b = otherOrgDataReached(second, runsB[i]!, set);
      const onlyInFirst = a.filter((id) => !b.includes(id));
      const onlyInSecond = b.filter((id) => !a.includes(id));
      if (onlyInFirst.length > 0 || onlyInSecond.length > 0) differences.push({ attacker, failed: set, onlyInFirst, onlyInSecond });
    }
  });
  return { organizations, attackers, order: question.order, sides: [sideA, sideB], differences, unmatched };
}

/** An insider of `org`, as in the leakage matrix: any of its standard users (any user when it has none). */
function attackerRun(prepared: PreparedModel, org: string, question: CompareQuestion): AttackerRun {
  const [task] = leakageTasks(prepared, [org]);
  if (task === undefined) return { attacker: org, task: { attacker: org, sources: [] }, tables: null };
  const controls = controlMask({ ...prepared.model.controls, ...question.controls });
  return { attacker: org, task, tables: depthByType(prepared.compiled, task.sources, controls) };
}

function side(prepared: PreparedModel, runs: readonly AttackerRun[], organizations: readonly string[], order: number): ModelSide {
  const all = dataByOrganization(prepared);
  const dataOf = new Map(all.map((v) => [v.organization, v.data] as const));
  const victims = all.filter((v) => organizations.includes(v.organization));
  const failure = buildFailureModel(prepared.compiled, 'type', patchSettingsOf(prepared.model.risk), overridesOf(prepared.model.risk), patchCadence(prepared.model));
  const typeProbability = failure.ok ? typeProbabilities(failure.model) : null;
  const probabilityOf = (run: AttackerRun, victim: string): number | null => {
    if (typeProbability === null) return null;
    if (run.tables === null) return 0;
    return tableProbability(reachedUnion(run.tables, dataOf.get(victim) ?? []), weightsOf(run.tables, typeProbability));
  };
  const cells: LeakageCell[] = [];
  const blastRadius: { attacker: string; byOrder: number[] }[] = [];
  const sets = subsetsUpTo(typesPresent(prepared.compiled), order);
  for (const run of runs) {
    if (run.tables === null) {
      for (const victim of organizations) {
        if (victim !== run.attacker) cells.push({ attacker: run.attacker, victim, depth: null, minimalSets: [], probability: probabilityOf(run, victim) });
      }
    } else {
      for (const v of leakageFromTables(run.tables, victims, run.task).victims) {
        cells.push({ attacker: run.attacker, victim: v.victim, depth: v.depth, minimalSets: v.minimalSets, probability: probabilityOf(run, v.victim) });
      }
    }
    const byOrder: number[] = [];
    for (let k = 0; k <= order; k++) {
      const counts = sets.filter((s) => s.length <= k).map((s) => otherOrgDataReached(prepared, run, s).length);
      byOrder.push(Math.max(0, ...counts));
    }
    blastRadius.push({ attacker: run.attacker, byOrder });
  }
  const risk = {
    likelihoods: prepared.model.risk === undefined ? ('default' as const) : ('model' as const),
    notes: failure.ok ? failure.model.notes : failure.problems,
  };
  return { model: prepared.model.name, cells, blastRadius, cost: costOf(prepared.deployment), risk };
}

/** Data of organizations other than the attacker's, reached when exactly these types fail (sorted ids). */
function otherOrgDataReached(prepared: PreparedModel, run: AttackerRun, failed: readonly string[]): string[] {
  if (run.tables === null) return [];
  const { compiled } = prepared;
  const own = compiled.organizationIds.indexOf(run.attacker);
  const out: string[] = [];
  for (let v = 0; v < compiled.nodeCount; v++) {
    if (compiled.nodeKind[v] !== DATA_KIND || compiled.nodeOrganization[v] === own) continue;
    if (reachedUnder(run.tables, v, failed as BoundaryType[])) out.push(compiled.nodeIds[v]!);
  }
  return out;
}
