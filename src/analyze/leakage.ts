// The cross-organization leakage matrix of one model: every organization in turn as the attacker
// (any of its standard users), and for every other organization the defense depth of the data the
// attacker is not authorized for (authorization.ts), the minimal sets of boundary types that expose
// it, and apart from it the stores the attacker is authorized for. One depth-by-type pass per
// attacker; the passes are independent, so they run on worker threads (src/parallel/pass-pool.ts)
// with identical results.

import type { ControlName } from '../domain/controls.js';
import { minimalSets } from './antichain.js';
import { attackerPass, familyDepth, leakFamily, passInput, type AttackerPass, type PassInput, type PassTask } from './attacker-pass.js';
import type { DataNode } from '../compile/deployment.js';
import type { DataStore } from '../model/types.js';
import { byString } from '../report/json.js';
import { accessBeyond, accessKinds, ALL_ACCESS, authorizationOf, type StoreAuthorization } from './authorization.js';

export type { StoreAuthorization } from './authorization.js';
import { modelTrust, trustOf, type TrustGroupOf } from './trust.js';
import { organizationFoothold } from './footholds.js';
import type { PreparedModel } from './prepared.js';

export interface VictimLeakage {
  readonly victim: string;
  /**
   * Fewest boundary types that must fail before any of the victim's data the attacker is not
   * authorized for is reached; null = never (or all of it is authorized).
   */
  readonly depth: number | null;
  readonly minimalSets: readonly (readonly string[])[];
  /** The victim's unauthorized data nodes reachable at that depth. */
  readonly dataAtDepth: number;
  /** The victim's data nodes the attacker is not authorized for (0: everything it has is authorized). */
  readonly unauthorizedData: number;
  /**
   * The victim's data stores the attacker's organization is authorized for some access to (ids,
   * sorted): that access is not leakage. A store authorized for read only still counts in the depth
   * when the attacker reaches it with tamper or deny (authorizedAccess says so).
   */
  readonly authorized: readonly string[];
  /** Per store of `authorized` (same order): the access kinds authorized, and the depth of reach beyond them. */
  readonly authorizedAccess: readonly StoreAuthorization[];
  /** When the two organizations are in one trust group (trust.ts): its reason ('' when none was given); else null. */
  readonly trusted: string | null;
}


export interface AttackerLeakage {
  readonly attacker: string;
  /** How many principals stand for the attacker (its standard users, or all its users). */
  readonly footholds: number;
  /** Who stands for the attacker, in words: "standard users", or, without any, "every user" (footholds.ts). */
  readonly foothold: string;
  readonly victims: readonly VictimLeakage[];
}

export interface LeakageMatrix {
  readonly model: string;
  readonly organizations: readonly string[];
  readonly attackers: readonly AttackerLeakage[];
}

/** One attacker's pass: its foothold nodes. */
export type LeakageTask = PassTask;

/**
 * What the matrix reads of one model: the pass input, each organization's data (positions in it,
 * attributed to their owner: a profile container to its user's organization), and what each
 * organization is authorized for. Plain data, so it crosses to worker threads as it is.
 */
export interface LeakageInput extends PassInput {
  readonly victims: readonly { readonly organization: string; readonly data: Int32Array }[];
  /**
   * Per organization (model order): positions of other organizations' data it is authorized for some
   * access to, ascending, and per position (same order) the access kinds (authorization.ts's AccessMask).
   */
  readonly authorized: readonly { readonly organization: string; readonly data: Int32Array; readonly access: Uint8Array }[];
  /** Per organization (model order): who stands for it as the attacker, in words (organizationFoothold). */
  readonly footholds: readonly { readonly organization: string; readonly description: string }[];
  /** The trust groups (the model's `trust`), to say why data is authorized. */
  readonly trust: readonly TrustGroupOf[];
}

/** Each data position's owner organization and the organizations authorized for it (authorization.ts). */
export interface DataOwnership {
  /** Per position in `input.data`: the owner's index in the model's organizations, -1 for none. */
  readonly owner: Int32Array;
  /** Per organization (model order): positions of other organizations' data it is authorized for some access to, ascending. */
  readonly authorized: readonly Int32Array[];
  /** Per organization (model order), parallel to `authorized`: the access kinds (AccessMask) of each position. */
  readonly access: readonly Uint8Array[];
}

/** Ownership and authorization of every data node of a pass input, in one pass over the data nodes. */
export function dataOwnership(prepared: PreparedModel, input: Pick<PassInput, 'data'>, authorization = authorizationOf(prepared.deployment)): DataOwnership {
  const { compiled, deployment, model } = prepared;
  const orgIndex = new Map(model.organizations.map((o, i) => [o.id, i] as const));
  const nodeOf = new Map<string, { store: DataStore; node: DataNode }>();
  for (const store of model.data) for (const node of deployment.dataNodes.get(store.id) ?? []) nodeOf.set(node.node, { store, node });
  const owner = new Int32Array(input.data.length);
  const authorized = model.organizations.map((): number[] => []);
  const access = model.organizations.map((): number[] => []);
  input.data.forEach((v, p) => {
    const found = nodeOf.get(compiled.nodeIds[v]!);
    if (found === undefined) {
      // A hand-declared data node (`extra.nodes`): its own organization, authorized to nobody else.
      const org = compiled.nodeOrganization[v]!;
      owner[p] = org < 0 ? -1 : (orgIndex.get(compiled.organizationIds[org]!) ?? -1);
      return;
    }
    const own = orgIndex.get(authorization.ownerOf(found.store, found.node)) ?? -1;
    owner[p] = own;
    for (const [org, mask] of authorization.accessFor(found.store, found.node)) {
      const i = orgIndex.get(org)!;
      if (i !== own) authorized[i]!.push(p), access[i]!.push(mask);
    }
  });
  return { owner, authorized: authorized.map((list) => Int32Array.from(list)), access: access.map((list) => Uint8Array.from(list)) };
}

/** Each organization of the model with its data nodes (by owner), as positions in `input.data` (ascending). */
export function dataByOrganization(prepared: PreparedModel, ownership: DataOwnership): LeakageInput['victims'] {
  const byOrg = prepared.model.organizations.map((): number[] => []);
  ownership.owner.forEach((org, p) => {
    if (org >= 0) byOrg[org]!.push(p);
  });
  return prepared.model.organizations.map((o, i) => ({ organization: o.id, data: Int32Array.from(byOrg[i]!) }));
}

export function leakageInput(prepared: PreparedModel, controls: Partial<Record<ControlName, boolean>>): LeakageInput {
  const input = passInput(prepared, controls, false);
  const ownership = dataOwnership(prepared, input);
  return {
    ...input,
    victims: dataByOrganization(prepared, ownership),
    authorized: prepared.model.organizations.map((o, i) => ({ organization: o.id, data: ownership.authorized[i]!, access: ownership.access[i]! })),
    footholds: prepared.model.organizations.map((o) => ({ organization: o.id, description: organizationFoothold(prepared.deployment, o.id).description })),
    trust: modelTrust(prepared.model).groups,
  };
}

/** One task per attacker organization that has users: its foothold as `organizationFoothold` resolves it. */
export function leakageTasks(prepared: PreparedModel, attackers: readonly string[]): LeakageTask[] {
  return attackers.flatMap((org) => {
    const foothold = organizationFoothold(prepared.deployment, org);
    return foothold.members.length === 0 ? [] : [{ attacker: org, sources: foothold.members.map((id) => prepared.compiled.nodeIndex.get(id)!) }];
  });
}

export function attackerLeakage(input: LeakageInput, task: LeakageTask): AttackerLeakage {
  return leakageFromPass(attackerPass(input, task), input);
}

/**
 * The attacker's row of the matrix, read off its pass: each distinct family of a victim's
 * unauthorized reach counted once (leakFamily: all reach of data it is not authorized for, reach
 * with more than read of data it may only read); the stores it is authorized for listed apart.
 */
export function leakageFromPass(
  pass: AttackerPass,
  input: Pick<LeakageInput, 'victims' | 'authorized' | 'footholds' | 'stores' | 'storeOfData' | 'data' | 'trust'>,
): AttackerLeakage {
  const foothold = input.footholds.find((f) => f.organization === pass.attacker)?.description ?? 'standard users';
  const rows: VictimLeakage[] = [];
  const access = authorizedAccess(input, pass.attacker);
  for (const { organization, data } of input.victims) {
    if (organization === pass.attacker) continue;
    const families = new Set<number>();
    // Store → the access kinds authorized on every node of it, and the least depth of reach beyond them.
    const stores = new Map<string, { access: number; beyondDepth: number | null }>();
    let unauthorizedData = 0;
    for (const p of data) {
      const family = leakFamily(pass, p, access[p]!);
      if (access[p] !== 0) {
        const store = input.stores[input.storeOfData[p]!]!;
        const entry = stores.get(store) ?? stores.set(store, { access: ALL_ACCESS, beyondDepth: null }).get(store)!;
        entry.access &= access[p]!;
        const beyond = family < 0 ? null : familyDepth(pass.antichains[family]!);
        if (beyond !== null && (entry.beyondDepth === null || beyond < entry.beyondDepth)) entry.beyondDepth = beyond;
      }
      if (family < 0) continue;
      families.add(family);
      unauthorizedData++;
    }
    const sets = minimalSets([...families].flatMap((f) => pass.antichains[f]!));
    const depth = sets.length === 0 ? null : sets[0]!.length;
    let dataAtDepth = 0;
    if (depth !== null) {
      for (const p of data) {
        const family = leakFamily(pass, p, access[p]!);
        if (family >= 0 && familyDepth(pass.antichains[family]!) === depth) dataAtDepth++;
      }
    }
    const authorized = [...stores.keys()].sort(byString);
    const authorizedAccess = authorized.map((store) => {
      const { access: mask, beyondDepth } = stores.get(store)!;
      return { store, access: accessKinds(mask), beyond: accessBeyond(mask), beyondDepth };
    });
    const trusted = trustOf(input.trust).groupOf(pass.attacker, organization)?.reason ?? null;
    rows.push({ victim: organization, depth, minimalSets: sets, dataAtDepth, unauthorizedData, authorized, authorizedAccess, trusted });
  }
  return { attacker: pass.attacker, footholds: pass.footholds, foothold, victims: rows };
}

/**
 * Per data position: the access kinds `attacker` is authorized for (an AccessMask, 0 for none; not its
 * own data: that is not in any victim row). Read each position's leakage with leakFamily.
 */
export function authorizedAccess(input: Pick<LeakageInput, 'authorized' | 'data'>, attacker: string): Uint8Array {
  const mask = new Uint8Array(input.data.length);
  const entry = input.authorized.find((a) => a.organization === attacker);
  entry?.data.forEach((p, i) => (mask[p] = entry.access[i]!));
  return mask;
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
