// Shared vs separated: two models of the same organizations, users and data under different
// topologies. For each, the cross-organization leakage matrix (attacker org × victim org: depth and
// minimal type sets), blast radius by number of failed types, what one exposes that the other does
// not, and cost from each model's cost figures.

import { BOUNDARY_TYPES, type BoundaryType } from '../domain/boundary.js';
import { patchCadence } from '../model/patch-cadence.js';
import type { ControlName } from '../domain/controls.js';
import { byString } from '../report/json.js';
import { costOf, type CostBreakdown } from './cost.js';
import { subsetWeights, tableProbability } from '../risk/exact.js';
import { buildFailureModel, overridesOf, patchSettingsOf, typeProbabilities } from '../risk/failure-model.js';
import { attackerPass, leakFamily, type AttackerPass, type PassTask } from './attacker-pass.js';
import { authorizedAccess, leakageFromPass, leakageInput, leakageTasks, type LeakageInput, type StoreAuthorization } from './leakage.js';
import type { PreparedModel } from './prepared.js';
import { subsetsUpTo, typesPresent } from './type-subsets.js';
import { mapToInt32 } from '../util/typed-map.js';

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
  /** The victim's stores the attacker's organization is authorized for (leakage.ts): not counted above. */
  readonly authorized: readonly string[];
  /** Per store of `authorized`: the access kinds authorized and the depth of reach beyond them (leakage.ts). */
  readonly authorizedAccess: readonly StoreAuthorization[];
  /** The trust group's reason when the two organizations trust each other (leakage.ts); else null. */
  readonly trusted: string | null;
}

export interface ModelSide {
  readonly model: string;
  /** Worst-case assumptions made where the model is silent (e.g. no `physicalHosts`), in words. */
  readonly assumptions: readonly string[];
  readonly cells: readonly LeakageCell[];
  /** Per attacker org: most other-org data nodes it is not authorized for reached with at most i types failed (index i). */
  readonly blastRadius: readonly { readonly attacker: string; readonly byOrder: readonly number[] }[];
  readonly cost: CostBreakdown;
  /** Where the failure likelihoods came from, and anything that kept them from applying. */
  readonly risk: { readonly likelihoods: 'default' | 'model'; readonly notes: readonly string[] };
}

export interface ExposureDifference {
  readonly attacker: string;
  readonly failed: readonly string[];
  /** Other-org data the attacker is not authorized for, reached only in the first / only in the second model under that failure set. */
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

/** One model of a comparison, ready for its passes: the pass input and one task per attacker that has users. */
export interface CompareSide {
  readonly prepared: PreparedModel;
  readonly input: LeakageInput;
  readonly tasks: readonly PassTask[];
}

/** A comparison before its passes run: run each side's tasks (runPasses), then compareFromPasses. */
export interface ComparePlan {
  readonly organizations: readonly string[];
  readonly attackers: readonly string[];
  readonly unmatched: readonly string[];
  readonly order: number;
  readonly sides: readonly [CompareSide, CompareSide];
}

export function planCompare(first: PreparedModel, second: PreparedModel, question: CompareQuestion): ComparePlan {
  const orgsA = new Set(first.model.organizations.map((o) => o.id));
  const orgsB = new Set(second.model.organizations.map((o) => o.id));
  const organizations = [...orgsA].filter((o) => orgsB.has(o)).sort(byString);
  const unmatched = [...new Set([...orgsA, ...orgsB])].filter((o) => !(orgsA.has(o) && orgsB.has(o))).sort(byString);
  const attackers = question.fromOrgs.length > 0 ? [...question.fromOrgs].sort(byString) : organizations;
  const side = (prepared: PreparedModel): CompareSide => ({
    prepared,
    input: leakageInput(prepared, question.controls),
    tasks: leakageTasks(prepared, attackers),
  });
  return { organizations, attackers, unmatched, order: question.order, sides: [side(first), side(second)] };
}

/** Compare in this thread: one pass per attacker and model. The CLI runs the same plan on worker threads. */
export function compareModels(first: PreparedModel, second: PreparedModel, question: CompareQuestion): CompareResult {
  const plan = planCompare(first, second, question);
  const passesOf = (side: CompareSide) => side.tasks.map((task) => attackerPass(side.input, task));
  return compareFromPasses(plan, [passesOf(plan.sides[0]), passesOf(plan.sides[1])]);
}

/** The comparison read off each side's passes (in the order of its tasks); no further engine runs. */
export function compareFromPasses(plan: ComparePlan, passes: readonly [readonly AttackerPass[], readonly AttackerPass[]]): CompareResult {
  const [first, second] = plan.sides;
  const runsOf = (side: CompareSide, sidePasses: readonly AttackerPass[]) => {
    const byAttacker = new Map(sidePasses.map((pass) => [pass.attacker, pass] as const));
    return plan.attackers.map((attacker) => byAttacker.get(attacker) ?? null);
  };
  const runsA = runsOf(first, passes[0]);
  const runsB = runsOf(second, passes[1]);
  const sideA = side(first, plan.attackers, runsA, plan.organizations, plan.order);
  const sideB = side(second, plan.attackers, runsB, plan.organizations, plan.order);

  const sets = subsetsUpTo([...new Set([...typesPresent(first.prepared.compiled), ...typesPresent(second.prepared.compiled)])].sort(), plan.order);
  const masks = sets.map(typeMask);
  const views = [dataView(first), dataView(second)] as const;
  const positionInB = counterparts(views[0], views[1]);
  const positionInA = counterparts(views[1], views[0]);
  const differences: ExposureDifference[] = [];
  plan.attackers.forEach((attacker, i) => {
    const reachA = reachability(views[0], first.input, attacker, runsA[i]!);
    const reachB = reachability(views[1], second.input, attacker, runsB[i]!);
    const onlyA = exposureClasses(reachA, reachB, positionInB);
    const onlyB = exposureClasses(reachB, reachA, positionInA);
    sets.forEach((failed, s) => {
      const onlyInFirst = onlyA(masks[s]!);
      const onlyInSecond = onlyB(masks[s]!);
      if (onlyInFirst.length > 0 || onlyInSecond.length > 0) {
        differences.push({ attacker, failed, onlyInFirst: onlyInFirst.map(views[0].id), onlyInSecond: onlyInSecond.map(views[1].id) });
      }
    });
  });
  return { organizations: plan.organizations, attackers: plan.attackers, order: plan.order, sides: [sideA, sideB], differences, unmatched: plan.unmatched };
}

function side(
  { prepared, input }: CompareSide,
  attackers: readonly string[],
  runs: readonly (AttackerPass | null)[],
  organizations: readonly string[],
  order: number,
): ModelSide {
  const victims = input.victims.filter((v) => organizations.includes(v.organization));
  const failure = buildFailureModel(prepared.compiled, 'type', patchSettingsOf(prepared.model.risk), overridesOf(prepared.model.risk), patchCadence(prepared.model));
  const typeProbability = failure.ok ? typeProbabilities(failure.model) : null;
  const dataOf = new Map(input.victims.map((v) => [v.organization, v.data] as const));
  const probabilityOf = (pass: AttackerPass | null, victim: string): number | null => {
    if (typeProbability === null) return null;
    if (pass === null) return 0;
    const families = new Set<number>();
    const access = authorizedAccess(input, pass.attacker);
    for (const p of dataOf.get(victim) ?? []) {
      const family = leakFamily(pass, p, access[p]!);
      if (family >= 0) families.add(family);
    }
    const table = upSetTable(pass.types, [...families].flatMap((f) => pass.antichains[f]!));
    return tableProbability(table, subsetWeights(pass.types, (type) => typeProbability[BOUNDARY_TYPES.indexOf(type)]!));
  };
  const view = dataView({ prepared, input });
  const sets = subsetsUpTo(typesPresent(prepared.compiled), order);
  const cells: LeakageCell[] = [];
  const blastRadius: { attacker: string; byOrder: number[] }[] = [];
  attackers.forEach((attacker, i) => {
    const pass = runs[i]!;
    if (pass === null) {
      for (const victim of organizations) {
        if (victim !== attacker) cells.push({ attacker, victim, depth: null, minimalSets: [], probability: probabilityOf(pass, victim), authorized: [], authorizedAccess: [], trusted: null });
      }
    } else {
      for (const v of leakageFromPass(pass, { ...input, victims }).victims) {
        cells.push({ attacker, victim: v.victim, depth: v.depth, minimalSets: v.minimalSets, probability: probabilityOf(pass, v.victim), authorized: v.authorized, authorizedAccess: v.authorizedAccess, trusted: v.trusted });
      }
    }
    // Other-organization data reached under each set: counted per family, each family tested once.
    const { family, familyMasks } = reachability(view, input, attacker, pass);
    const count = new Map<number, number>();
    for (const f of family) if (f >= 0) count.set(f, (count.get(f) ?? 0) + 1);
    const reachedBySet = sets.map((set) => {
      const mask = typeMask(set);
      let total = 0;
      for (const [f, n] of count) if (covers(familyMasks[f]!, mask)) total += n;
      return total;
    });
    const byOrder: number[] = [];
    for (let k = 0; k <= order; k++) byOrder.push(Math.max(0, ...reachedBySet.filter((_, s) => sets[s]!.length <= k)));
    blastRadius.push({ attacker, byOrder });
  });
  const risk = {
    likelihoods: prepared.model.risk === undefined ? ('default' as const) : ('model' as const),
    notes: failure.ok ? failure.model.notes : failure.problems,
  };
  return { model: prepared.model.name, assumptions: prepared.deployment.assumptions, cells, blastRadius, cost: costOf(prepared.deployment), risk };
}

/** A side's data nodes: their owner organizations (model order index, leakage.ts), and ids, by position in the pass input. */
interface DataView {
  readonly organizationIds: readonly string[];
  readonly organization: Int32Array;
  readonly id: (position: number) => string;
  readonly positionOf: ReadonlyMap<string, number>;
}

function dataView({ prepared, input }: Pick<CompareSide, 'prepared' | 'input'>): DataView {
  const { compiled } = prepared;
  const id = (p: number) => compiled.nodeIds[input.data[p]!]!;
  const organization = new Int32Array(input.data.length).fill(-1);
  input.victims.forEach((v, i) => {
    for (const p of v.data) organization[p] = i;
  });
  return {
    organizationIds: input.victims.map((v) => v.organization),
    organization,
    id,
    positionOf: new Map(Array.from(input.data, (_, p) => [id(p), p] as const)),
  };
}

/** Per data position of `from`: the position of the same node id in `to`, or -1. */
function counterparts(from: DataView, to: DataView): Int32Array {
  return mapToInt32(from.organization, (_, p) => to.positionOf.get(from.id(p)) ?? -1);
}

/**
 * What one attacker reaches of one side: per data position its family (-1: own data, data it is
 * authorized for, or no pass), and each family's sets as type masks.
 */
interface Reachability {
  readonly family: Int32Array;
  readonly familyMasks: readonly (readonly number[])[];
}

function reachability(view: DataView, input: LeakageInput, attacker: string, pass: AttackerPass | null): Reachability {
  const own = view.organizationIds.indexOf(attacker);
  if (pass === null) return { family: new Int32Array(view.organization.length).fill(-1), familyMasks: [] };
  const access = authorizedAccess(input, attacker);
  return {
    family: mapToInt32(view.organization, (org, p) => (org === own ? -1 : leakFamily(pass, p, access[p]!))),
    familyMasks: pass.antichains.map((family) => family.map(typeMask)),
  };
}

/**
 * For a set of failed types (as a mask), the data positions of `mine` that its attacker reaches and
 * that the same attacker does not reach in `theirs` (a node missing there counts as not reached),
 * ascending. Positions are grouped by their pair of families once, so each set tests a handful of
 * classes instead of every node.
 */
function exposureClasses(mine: Reachability, theirs: Reachability, counterpart: Int32Array): (failed: number) => number[] {
  const classes: { mine: number; theirs: number; positions: number[] }[] = [];
  const classOf = new Map<number, number>();
  const width = theirs.familyMasks.length + 1;
  mine.family.forEach((f, p) => {
    if (f < 0) return;
    const q = counterpart[p]!;
    const g = q < 0 ? -1 : theirs.family[q]!;
    const key = f * width + (g + 1);
    let c = classOf.get(key);
    if (c === undefined) {
      classOf.set(key, (c = classes.length));
      classes.push({ mine: f, theirs: g, positions: [] });
    }
    classes[c]!.positions.push(p);
  });
  return (failed) => {
    const hit = classes.filter((c) => covers(mine.familyMasks[c.mine]!, failed) && (c.theirs < 0 || !covers(theirs.familyMasks[c.theirs]!, failed)));
    if (hit.length === 1) return hit[0]!.positions;
    return hit.flatMap((c) => c.positions).sort((a, b) => a - b);
  };
}

/** Bit BOUNDARY_TYPES.indexOf(t) for each type t of the set. */
function typeMask(set: readonly string[]): number {
  let mask = 0;
  for (const type of set) mask |= 1 << BOUNDARY_TYPES.indexOf(type as BoundaryType);
  return mask;
}

/** Whether some set of the family lies within the failed set: the node is reached when those types fail. */
function covers(familyMasks: readonly number[], failed: number): boolean {
  for (const m of familyMasks) if ((m & ~failed) === 0) return true;
  return false;
}

/**
 * The truth table (depth-by-type's layout over `types`) of "some set of the family fails": the
 * union of the reached tables of the nodes whose families these are, since a node's reached table
 * is exactly the up-set of its minimal sets.
 */
function upSetTable(types: readonly BoundaryType[], family: readonly (readonly BoundaryType[])[]): Uint32Array {
  const bit = (type: BoundaryType) => 1 << types.indexOf(type);
  const masks = family.map((set) => set.reduce((m, t) => m | bit(t), 0));
  const subsets = 2 ** types.length;
  const table = new Uint32Array(Math.max(1, subsets >>> 5));
  for (let s = 0; s < subsets; s++) {
    for (const m of masks) {
      if ((m & ~s) === 0) {
        table[s >>> 5]! |= 1 << (s & 31);
        break;
      }
    }
  }
  return table;
}
