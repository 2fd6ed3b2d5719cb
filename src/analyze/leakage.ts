// The cross-organization leakage matrix of one model: every organization in turn as the attacker
// (any of its standard users), and for every other organization the defense depth of its data and
// the minimal sets of boundary types that expose it. One depth-by-type pass per attacker; the passes
// are independent, so they can run on worker threads (src/parallel) with identical results.

import type { EngineArrays } from '../compile/compile.js';
import type { ControlName } from '../domain/controls.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { depthByType, minimalTypeSets, type TypeDepthResult } from '../engine/depth-by-type.js';
import { controlMask } from '../engine/scenario.js';
import { minimalSets } from './antichain.js';
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

/** One attacker's pass: plain data, so it crosses a worker-thread boundary unchanged. */
export interface LeakageTask {
  readonly attacker: string;
  readonly sources: readonly number[];
}

/** Everything a pass reads besides its task: the engine arrays and each organization's data nodes. */
export interface LeakageInput {
  readonly arrays: EngineArrays;
  readonly controls: number;
  readonly victims: readonly { readonly organization: string; readonly data: Int32Array }[];
}

const DATA_KIND = NODE_KINDS.indexOf('data');

/** Each organization of the model with its data nodes (compiled indices, ascending), in one pass. */
export function dataByOrganization(prepared: PreparedModel): LeakageInput['victims'] {
  const { compiled } = prepared;
  const byOrg = new Map<number, number[]>();
  for (let v = 0; v < compiled.nodeCount; v++) {
    if (compiled.nodeKind[v] !== DATA_KIND) continue;
    const org = compiled.nodeOrganization[v]!;
    const list = byOrg.get(org);
    if (list === undefined) byOrg.set(org, [v]);
    else list.push(v);
  }
  return prepared.model.organizations.map((o) => ({
    organization: o.id,
    data: Int32Array.from(byOrg.get(compiled.organizationIds.indexOf(o.id)) ?? []),
  }));
}

export function leakageInput(prepared: PreparedModel, controls: Partial<Record<ControlName, boolean>>): LeakageInput {
  const { compiled } = prepared;
  const victims = dataByOrganization(prepared);
  const { nodeCount, edgeCount, instanceCount, offsets, targets, boundary, instance, access, blockedBy, instanceType } = compiled;
  return {
    arrays: { nodeCount, edgeCount, instanceCount, offsets, targets, boundary, instance, access, blockedBy, instanceType },
    controls: controlMask({ ...prepared.model.controls, ...controls }),
    victims,
  };
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
  const tables = depthByType(input.arrays, task.sources, input.controls);
  return leakageFromTables(tables, input.victims, task);
}

/** The attacker's row of the matrix, read off its type truth tables. */
export function leakageFromTables(tables: TypeDepthResult, victims: LeakageInput['victims'], task: LeakageTask): AttackerLeakage {
  const rows: VictimLeakage[] = [];
  for (const { organization, data } of victims) {
    if (organization === task.attacker) continue;
    const family: (readonly string[])[] = [];
    for (const v of data) family.push(...minimalTypeSets(tables, v));
    const sets = minimalSets(family);
    const depth = sets.length === 0 ? null : sets[0]!.length;
    let dataAtDepth = 0;
    if (depth !== null) for (const v of data) if (tables.depth[v] === depth) dataAtDepth++;
    rows.push({ victim: organization, depth, minimalSets: sets, dataAtDepth });
  }
  return { attacker: task.attacker, footholds: task.sources.length, victims: rows };
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
