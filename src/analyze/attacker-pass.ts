// One depth-by-type pass per attacker (a foothold set), reduced to what matrix, compare and check
// read of it: the minimal failing type sets of every data node, and for check one witness path per
// data store. Plain data, so it crosses a worker-thread boundary; the truth tables (tens of MB per
// pass at a million nodes) are dropped as soon as the pass is read.

import type { EngineArrays } from '../compile/compile.js';
import type { BoundaryType } from '../domain/boundary.js';
import type { ControlName } from '../domain/controls.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { ACCESS_MODES } from '../model/types.js';
import { beyondReadAntichain, depthByType, type TypeAntichain } from '../engine/depth-by-type.js';
import { explainEdges, reach, ReachBuffers, type ReachArrays, type ReachResult } from '../engine/reach.js';
import { controlMask, failTypes, noFailures, type ControlMask, type Scenario } from '../engine/scenario.js';
import { mapToInt32 } from '../util/typed-map.js';
import { minimalSets } from './antichain.js';
import { ALL_ACCESS, READ_ACCESS, type AccessMask } from './authorization.js';
import type { PreparedModel } from './prepared.js';

/** The compiled columns a pass reads: the engine's, plus edge sources for witness paths. */
export type PassArrays = EngineArrays & ReachArrays;

/** Everything a pass reads besides its footholds; shared by every attacker of one model. */
export interface PassInput {
  readonly arrays: PassArrays;
  readonly controls: ControlMask;
  /** The model's data nodes (compiled indices, ascending): the nodes a pass reports on. */
  readonly data: Int32Array;
  /** Per data node (same order): the index of its model data store. */
  readonly storeOfData: Int32Array;
  /** Model data store ids, by store index. */
  readonly stores: readonly string[];
  /** Whether passes find a witness path per store (check needs them; matrix and compare do not). */
  readonly witnesses: boolean;
}

/** One attacker: a name and its foothold nodes (compiled indices). */
export interface PassTask {
  readonly attacker: string;
  readonly sources: readonly number[];
  /**
   * Only depths below this matter to the caller (a policy's minimum): with 1, the pass is one reach
   * with no boundary failed (AttackerPass.below), far cheaper than every failure set from footholds
   * that reach most of the graph (an organization's admins). Absent, or above 1: the full pass.
   */
  readonly below?: number;
}

export interface AttackerPass {
  readonly attacker: string;
  /**
   * null: every family is exact. 1 (PassTask.below): only depth 0 is known — a node reached with no
   * failure has the family [[]] (exact: the empty set is below every other), and an empty family
   * means "not reached without a failure" (its depth is 1 or more, or it is never reached).
   */
  readonly below: 1 | null;
  /** How many foothold nodes stand for the attacker. */
  readonly footholds: number;
  /** The boundary types that can matter to this attacker (depth-by-type's `types`); empty when `below` is 1. */
  readonly types: readonly BoundaryType[];
  /** Distinct minimal-set families of the data nodes, each as minimalTypeSets lists it. */
  readonly antichains: readonly TypeAntichain[];
  /** Per data node (PassInput.data order): index into antichains; an empty family = unreachable. */
  readonly dataAntichain: Int32Array;
  /**
   * Per data node: index into antichains of reach with control, tamper or deny — more than read, what a
   * read-only authorization leaves unauthorized (leakFamily). The same as dataAntichain where only
   * control edges lead to the node.
   */
  readonly dataBeyondReadAntichain: Int32Array;
  /**
   * With witnesses, per store: the position (in PassInput.data) of its least deep data node, the
   * first one on ties; -1 for a store without data nodes. Empty without witnesses.
   */
  readonly storeNode: Int32Array;
  /**
   * With witnesses, per store: the compiled edges of a shortest attack path to that node when the
   * first of its minimal sets (canonical order) fails; empty when unreachable.
   */
  readonly storePath: readonly Int32Array[];
  /**
   * With witnesses, per store: the same for reach beyond read (control, tamper or deny) when that
   * needs other failures than reach (its first beyond-read set fails); else empty, as storePath.
   */
  readonly storeBeyondReadPath: readonly Int32Array[];
}

const DATA_KIND = NODE_KINDS.indexOf('data');

/** The pass input of a model under its controls overridden by `controls`. */
export function passInput(prepared: PreparedModel, controls: Partial<Record<ControlName, boolean>>, witnesses: boolean): PassInput {
  const { compiled, nodes } = prepared;
  const data: number[] = [];
  for (let v = 0; v < compiled.nodeCount; v++) if (compiled.nodeKind[v] === DATA_KIND) data.push(v);
  const storeIndex = new Map<string, number>();
  const storeOfData = mapToInt32(data, (v) => {
    const store = storeId(nodes[v]!.entity, compiled.nodeIds[v]!);
    let index = storeIndex.get(store);
    if (index === undefined) storeIndex.set(store, (index = storeIndex.size));
    return index;
  });
  const { nodeCount, edgeCount, instanceCount, offsets, targets, sources, boundary, instance, access, blockedBy, instanceType } = compiled;
  return {
    arrays: { nodeCount, edgeCount, instanceCount, offsets, targets, sources, boundary, instance, access, blockedBy, instanceType },
    controls: controlMask({ ...prepared.model.controls, ...controls }),
    data: Int32Array.from(data),
    storeOfData,
    stores: [...storeIndex.keys()],
    witnesses,
  };
}

/** The model data store a data node belongs to (its `data/ID` entity), or the node id itself. */
export function storeId(entity: string | null | undefined, nodeId: string): string {
  return entity?.replace(/^data\//, '') ?? nodeId;
}

/**
 * The family of a data node's leakage for an attacker authorized for `access` of it (authorization.ts):
 * -1 when that covers read, tamper and deny; reach of any kind when it covers nothing; reach with more
 * than read when it covers read. (Roles grant read alone or all three; any other partial mask — only
 * a hand-written policy could make one — counts reach of any kind: the worst case.)
 */
export function leakFamily(pass: Pick<AttackerPass, 'dataAntichain' | 'dataBeyondReadAntichain'>, p: number, access: AccessMask): number {
  if ((access & ALL_ACCESS) === ALL_ACCESS) return -1;
  if ((access & READ_ACCESS) !== 0 && (access & ~READ_ACCESS & ALL_ACCESS) === 0) return pass.dataBeyondReadAntichain[p]!;
  return pass.dataAntichain[p]!;
}

/** Depth of a family: the size of its smallest set; null when empty (never reached). */
export function familyDepth(family: TypeAntichain): number | null {
  return family.length === 0 ? null : family[0]!.length;
}

/** The `below` of the task's pass (AttackerPass.below): 1 when the task needs only depth 0, else null. */
export function passBound(task: Pick<PassTask, 'below'>): 1 | null {
  return task.below !== undefined && task.below <= 1 ? 1 : null;
}

/** The attacker's pass: full, or bounded below one failure when the task asks for no more (PassTask.below). */
export function attackerPass(input: PassInput, task: PassTask): AttackerPass {
  if (passBound(task) === 1) return unfailedPass(input, task);
  const result = depthByType(input.arrays, task.sources, input.controls);
  const antichains: TypeAntichain[] = [];
  const localOf = new Map<number, number>();
  const dataAntichain = new Int32Array(input.data.length);
  const dataBeyondReadAntichain = new Int32Array(input.data.length);
  const localIndex = (global: number): number => {
    let local = localOf.get(global);
    if (local === undefined) {
      localOf.set(global, (local = antichains.length));
      antichains.push(result.antichains[global]!);
    }
    return local;
  };
  input.data.forEach((v, p) => {
    dataAntichain[p] = localIndex(result.antichainOf[v]!);
    dataBeyondReadAntichain[p] = localIndex(beyondReadAntichain(result, v));
  });
  const pass = { attacker: task.attacker, below: null, footholds: task.sources.length, types: result.types, antichains, dataAntichain, dataBeyondReadAntichain };
  return witnessed(input, task, pass);
}

type Witnesses = Pick<AttackerPass, 'storeNode' | 'storePath' | 'storeBeyondReadPath'>;

/** The pass with its witnesses when the input asks for them (PassInput.witnesses), empty ones otherwise. */
function witnessed(input: PassInput, task: PassTask, pass: Omit<AttackerPass, keyof Witnesses>): AttackerPass {
  return input.witnesses ? { ...pass, ...storeWitnesses(input, task, pass) } : { ...pass, storeNode: new Int32Array(0), storePath: [], storeBeyondReadPath: [] };
}

/** Control, tamper or deny in a ReachResult's access mask (ACCESS_MODES bits): reach beyond read. */
const BEYOND_READ = ALL_ACCESS & ~READ_ACCESS | 1 << ACCESS_MODES.indexOf('control');

/**
 * The pass bounded below one failure: one reach with nothing failed. Its families are [] and [[]]
 * (AttackerPass.below); its witnesses are those of the full pass for the stores reached at depth 0
 * (the same least deep node, the same run: its first minimal set is the empty one).
 */
function unfailedPass(input: PassInput, task: PassTask): AttackerPass {
  const run = reachReusing(input.arrays, task.sources, { failed: noFailures(input.arrays), controls: input.controls });
  const antichains: TypeAntichain[] = [[], [[]]];
  const dataAntichain = mapToInt32(input.data, (v) => (run.access[v] !== 0 ? 1 : 0));
  const dataBeyondReadAntichain = mapToInt32(input.data, (v) => ((run.access[v]! & BEYOND_READ) !== 0 ? 1 : 0));
  const pass = { attacker: task.attacker, below: 1 as const, footholds: task.sources.length, types: [], antichains, dataAntichain, dataBeyondReadAntichain };
  return witnessed(input, task, pass);
}

function storeWitnesses(
  input: PassInput,
  task: PassTask,
  pass: Pick<AttackerPass, 'antichains' | 'dataAntichain' | 'dataBeyondReadAntichain'>,
): Witnesses {
  const depthOf = (p: number) => familyDepth(pass.antichains[pass.dataAntichain[p]!]!) ?? Infinity;
  const storeNode = new Int32Array(input.stores.length).fill(-1);
  input.storeOfData.forEach((store, p) => {
    const best = storeNode[store]!;
    if (best < 0 || depthOf(p) < depthOf(best)) storeNode[store] = p;
  });
  const storePath = pathsOf(input, task, storeNode, (p) => pass.dataAntichain[p]!, pass);
  // Reach beyond read needs its own witness only where it needs other failures than reach.
  const storeBeyondReadPath = pathsOf(
    input,
    task,
    storeNode,
    (p) => (pass.dataBeyondReadAntichain[p] === pass.dataAntichain[p] ? -1 : pass.dataBeyondReadAntichain[p]!),
    pass,
  );
  return { storeNode, storePath, storeBeyondReadPath };
}

/**
 * Per store: the compiled edges of a shortest path to its node (storeNode) when the first set of the
 * node's family (familyOf; -1: none wanted) fails; empty when unreachable. One what-if per distinct
 * first set, shared by every store whose node needs that set (and only one run held at a time: a run
 * is a few bytes per node). A controlled node's path ends in a control edge (reach.ts).
 */
function pathsOf(
  input: PassInput,
  task: PassTask,
  storeNode: Int32Array,
  familyOf: (p: number) => number,
  pass: Pick<AttackerPass, 'antichains'>,
): Int32Array[] {
  const bySet = new Map<string, { set: readonly string[]; stores: number[] }>();
  storeNode.forEach((p, store) => {
    const f = p < 0 ? -1 : familyOf(p);
    const family = f < 0 ? [] : minimalSets(pass.antichains[f]!);
    if (family.length === 0) return;
    const key = family[0]!.join('\u0000');
    const entry = bySet.get(key) ?? { set: family[0]!, stores: [] };
    entry.stores.push(store);
    bySet.set(key, entry);
  });
  const paths = new Array<Int32Array>(input.stores.length).fill(new Int32Array(0));
  for (const { set, stores } of bySet.values()) {
    const run = reachReusing(input.arrays, task.sources, { failed: failTypes(input.arrays, set as BoundaryType[]), controls: input.controls });
    for (const store of stores) paths[store] = Int32Array.from(explainEdges(input.arrays, run, input.data[storeNode[store]!]!) ?? []);
  }
  return paths;
}

/** The columns of one reach, reused by every pass of this thread (one at a time: passes are synchronous). */
let reachBuffers: ReachBuffers | undefined;

/**
 * `reach`'s answer in columns this thread reuses (ReachBuffers), valid until its next call. A pass
 * runs several reaches (its witnesses, or its whole answer when bounded), each of which reaches a
 * small part of a large graph: fresh columns cost each call a page fault per 4 KiB (10 MB at a
 * million nodes), more than its BFS; clearing reused ones costs a memset.
 */
function reachReusing(arrays: ReachArrays, sources: readonly number[], scenario: Scenario): Pick<ReachResult, 'access' | 'parentEdge'> {
  if (reachBuffers === undefined || reachBuffers.nodeCount !== arrays.nodeCount) reachBuffers = new ReachBuffers(arrays.nodeCount);
  return reach(arrays, sources, scenario, reachBuffers);
}
