// The cross-organization leakage matrix of one model: every organization in turn as the attacker
// (any of its standard users), and for every other organization the defense depth of its data and
// the minimal sets of boundary types that expose it. One depth-by-type pass per attacker; the passes
// are independent, so they run on worker threads (src/parallel/pass-pool.ts) with identical results.

import type { ControlName } from '../domain/controls.js';
import { minimalSets } from './antichain.js';
import { attackerPass, familyDepth, passInput, type AttackerPass, type PassInput, type PassTask } from './attacker-pass.js';
import { resolveFootholds } from './footholds.js';
import type { PreparedModel } from './prepared.js';

export interface VictimLeakage {
  readonly victim: string;
  /** Fewest boundary types that must fail before any of the victim's data is reached; null = never. */
  readonly depth: number | null;
  readonly minimalSets: readonly (readonly string[])[];
  /** The victim's data nodes reachable at that depth. */
  readonly dataAtDepth: number;
}

export interface AttackerLeakage {
  readonly attacker: string;
  /** How many principals stand for the attacker (its standard users, or all its users). */
  readonly footholds: number;
  readonly victims: readonly VictimLeakage[];
}

export interface LeakageMatrix {
  readonly model: string;
  readonly organizations: readonly string[];
  readonly attackers: readonly AttackerLeakage[];
}

/** One attacker's pass: its foothold nodes. */
export type LeakageTask = PassTask;

/** What the matrix reads of one model: the pass input, and each organization's data (positions in it). */
export interface LeakageInput extends PassInput {
  readonly victims: readonly { readonly organization: string; readonly data: Int32Array }[];
}

/**
 * Each organization of the model with its data nodes, as positions in `input.data` (ascending), in
 * one pass over the data nodes.
 */
export function dataByOrganization(prepared: PreparedModel, input: PassInput): LeakageInput['victims'] {
  const { compiled } = prepared;
  const byOrg = new Map<number, number[]>();
  input.data.forEach((v, p) => {
    const org = compiled.nodeOrganization[v]!;
    const list = byOrg.get(org);
    if (list === undefined) byOrg.set(org, [p]);
    else list.push(p);
  });
  return prepared.model.organizations.map((o) => ({
    organization: o.id,
    data: Int32Array.from(byOrg.get(compiled.organizationIds.indexOf(o.id)) ?? []),
  }));
}

export function leakageInput(prepared: PreparedModel, controls: Partial<Record<ControlName, boolean>>): LeakageInput {
  const input = passInput(prepared, controls, false);
  return { ...input, victims: dataByOrganization(prepared, input) };
}

/** One task per attacker organization: its standard users, or all its users when it has none. */
export function leakageTasks(prepared: PreparedModel, attackers: readonly string[]): LeakageTask[] {
  return attackers.flatMap((org) => {
    const resolved = resolveFootholds(prepared.compiled, prepared.deployment, [org]);
    let ids = resolved.ok ? resolved.nodes : [];
    if (ids.length === 0) ids = prepared.deployment.allMembers.filter((m) => m.user.organization === org).map((m) => m.id);
    return ids.length === 0 ? [] : [{ attacker: org, sources: ids.map((id) => prepared.compiled.nodeIndex.get(id)!) }];
  });
}

export function attackerLeakage(input: LeakageInput, task: LeakageTask): AttackerLeakage {
  return leakageFromPass(attackerPass(input, task), input.victims);
}

/** The attacker's row of the matrix, read off its pass: each distinct family of a victim's data counted once. */
export function leakageFromPass(pass: AttackerPass, victims: LeakageInput['victims']): AttackerLeakage {
  const rows: VictimLeakage[] = [];
  for (const { organization, data } of victims) {
    if (organization === pass.attacker) continue;
    const families = new Set<number>();
    for (const p of data) families.add(pass.dataAntichain[p]!);
    const sets = minimalSets([...families].flatMap((f) => pass.antichains[f]!));
    const depth = sets.length === 0 ? null : sets[0]!.length;
    let dataAtDepth = 0;
    if (depth !== null) for (const p of data) if (familyDepth(pass.antichains[pass.dataAntichain[p]!]!) === depth) dataAtDepth++;
    rows.push({ victim: organization, depth, minimalSets: sets, dataAtDepth });
  }
  return { attacker: pass.attacker, footholds: pass.footholds, victims: rows };
}

/** Sequential reference: the parallel runner must give exactly this. */
export function leakageMatrix(
  prepared: PreparedModel,
  tasks: readonly LeakageTask[],
  input: LeakageInput,
  onProgress: (done: number, total: number) => void = () => {},
): LeakageMatrix {
  const attackers = tasks.map((task, i) => {
    const row = attackerLeakage(input, task);
    onProgress(i + 1, tasks.length);
    return row;
  });
  return assembleLeakageMatrix(prepared, attackers);
}

/**
 * The matrix from its rows, in task order — however they were computed: in this thread, on worker
 * threads (src/parallel) or on queue workers (src/queue).
 */
export function assembleLeakageMatrix(prepared: PreparedModel, attackers: readonly AttackerLeakage[]): LeakageMatrix {
  return { model: prepared.model.name, organizations: prepared.model.organizations.map((o) => o.id), attackers };
}
