// What a policy sees of one model: the prepared model, where each entity is written, the attackers
// the depth policies start from (each organization's standard users, and its admins and owners), and
// defense depth per target (a data store, or one organization's containers in a profile store) from
// any set of footholds — one attacker pass per foothold set, shared by every policy that asks, and
// run ahead on worker threads or queue workers for the sets the policies will ask about (prefetch).

import { minimalSets } from '../analyze/antichain.js';
import { ALL_ACCESS, authorizationOf, READ_ACCESS } from '../analyze/authorization.js';
import { attackerPass, familyDepth, passBound, passInput, type AttackerPass, type PassInput, type PassTask } from '../analyze/attacker-pass.js';
import { privilegedFootholds } from '../analyze/footholds.js';
import { toHop } from '../analyze/hops.js';
import type { PreparedModel } from '../analyze/prepared.js';
import { resolveQuestion } from '../analyze/what-if.js';
import type { Hop } from '../analyze/what-if-types.js';
import { dataOwner, type DataNode } from '../compile/deployment.js';
import { hopOf } from '../engine/reach.js';
import type { Progress } from '../parallel/pass-pool.js';
import { localPassRunner, type PassRunner } from '../parallel/pass-runner.js';
import type { Classification, DataStore, EntityLocations, SourceLocation } from '../model/types.js';
import { mapToInt32 } from '../util/typed-map.js';

/**
 * What a depth policy protects: a model data store, or — in an FSLogix profile store that holds
 * containers of other organizations' users (a provider's store for every customer) — the containers
 * of one such organization, which are that organization's data, whoever owns the share.
 */
export interface DepthTarget {
  /**
   * The store id, `store:organization` for another organization's containers in it, or
   * `extra.nodes/ID` for a hand-declared data node (the finding's asset; what `depth` lists).
   */
  readonly id: string;
  /** Where it is written, as `locate` takes it: `data/ID`, or `extra.nodes/ID`. */
  readonly entity: string;
  /** The model store; for an `extra` data node, a store standing for it (extraNodeStore). */
  readonly store: DataStore;
  /** Whose data it is: the store's organization, or the containers' owners'. */
  readonly organization: string;
  /**
   * Organizations authorized for every kind of access to it (read, tamper, deny; authorization.ts): its
   * own, trusted ones, those of its `users` and of data roles that write (a profile container: its
   * owner's, and `full` trust only). Reach by them is no finding.
   */
  readonly authorized: ReadonlySet<string>;
  /** Organizations authorized to read it only (`readers`, reader data roles): their reach beyond read (StoreDepth.beyondRead) counts. */
  readonly readOnly: ReadonlySet<string>;
}

/** An attacker the depth policies start from: one organization's standard users, or its admins and owners. */
export interface FootholdSet {
  /** The name comparisons use: the organization id for its standard users, `org:admins` for its admins and owners. */
  readonly attacker: string;
  readonly organization: string;
  readonly privileged: boolean;
  /** Foothold names as storeDepths takes them. */
  readonly from: readonly string[];
  /** How a message names it: "fabrikam’s standard users", "fabrikam’s admins and owners (fabrikam-it)". */
  readonly label: string;
}

/** Defense depth of one target (the least deep of its nodes: a profile store has one per user). */
export interface StoreDepth {
  /** The target id (DepthTarget.id). */
  readonly store: string;
  readonly organization: string;
  readonly classification: Classification;
  /** Fewest boundary failures, counted by type; null when no failure set reaches it. */
  readonly depth: number | null;
  /** Minimal failure sets of its least deep node (capped; `setCount` is exact). */
  readonly sets: readonly (readonly string[])[];
  readonly setCount: number;
  /** A witness attack path for the first minimal set. */
  readonly path: readonly Hop[];
  /** The same node's depth, sets and witness for reach with control, tamper or deny: what a read-only authorization leaves unauthorized. */
  readonly beyondRead: Pick<StoreDepth, 'depth' | 'sets' | 'setCount' | 'path'>;
  /** Set on leakageDepth's answer for an organization that may only read the store: the figures are beyondRead's. */
  readonly readOnly?: true;
}

/**
 * The depth of a target as leakage for an organization (authorization.ts, per access kind): none
 * when it is authorized for every access, the reach beyond read when it may only read, else all reach.
 */
export function leakageDepth(target: DepthTarget, organization: string | null, depth: StoreDepth | undefined): StoreDepth | undefined {
  if (depth === undefined || organization === null) return depth;
  if (target.authorized.has(organization)) return undefined;
  return target.readOnly.has(organization) ? { ...depth, ...depth.beyondRead, readOnly: true } : depth;
}

export interface PolicyContext {
  /** The model file, as given on the command line. */
  readonly file: string;
  readonly prepared: PreparedModel;
  readonly locations: EntityLocations;
  /** Organizations with at least one standard user: the insiders an organization foothold stands for. */
  readonly insiderOrganizations: readonly string[];
  /**
   * The depth policies' attackers, organization by organization in model order: its standard users
   * (if it has any), then its admins and owners (if it has any: privilegedFootholds).
   */
  readonly footholdSets: readonly FootholdSet[];
  /**
   * Every data store as a target, in model order (a profile store's other organizations' containers
   * follow it), then every `extra` node of kind `data` that belongs to an organization.
   */
  readonly targets: readonly DepthTarget[];
  /** Where an entity (`users/alice`) or a setting (`controls/reverseConnect`) is written; the model's start if unknown. */
  locate(key: string): SourceLocation;
  /** Depth of every target (by DepthTarget.id) from these footholds; null if they name no node. */
  storeDepths(from: readonly string[]): ReadonlyMap<string, StoreDepth> | null;
  /**
   * The target's leakage to `organization` (leakageDepth of storeDepths) from these footholds when
   * its depth is below `below` — what a minimum-depth policy reads; undefined when it is not (or the
   * footholds name no node). The answer equals storeDepths'; with `below` 1 it needs only a reach
   * with no failure (PassTask.below), not every failure set: from an organization's admins, who
   * reach most of a shared deployment, that pass is the bulk of a check's time.
   */
  leakageBelow(from: readonly string[], target: DepthTarget, organization: string, below: number): StoreDepth | undefined;
  /**
   * Answers these questions ahead of the policies, one pass per foothold set not yet known (bounded
   * when every question about the set is), on `jobs` worker threads or with a runner (queue
   * workers); the answers are the same as computing them on demand.
   */
  prefetch(questions: readonly DepthQuestion[], runner: number | PassRunner, onProgress?: Progress): Promise<void>;
}

/** What a policy asks of the depth passes: a foothold set, and with `below` only the depths below it (leakageBelow). */
export interface DepthQuestion {
  readonly from: readonly string[];
  readonly below?: number;
}

/** Sets listed per store: enough for a message, the count stays exact. */
const SETS_SHOWN = 4;

/**
 * `settings` holds positions of model keys that are not entities (`controls/reverseConnect`), from
 * settingLocations(); entities come from the loader's EntityLocations.
 */
export function createPolicyContext(
  file: string,
  prepared: PreparedModel,
  locations: EntityLocations,
  settings: ReadonlyMap<string, SourceLocation> = new Map(),
): PolicyContext {
  // Full passes by foothold key, and passes bounded below one failure (PassTask.below) by the same key.
  const full = new Map<string, ReadonlyMap<string, StoreDepth> | null>();
  const unfailed = new Map<string, ReadonlyMap<string, StoreDepth> | null>();
  const start: SourceLocation = locations.get('model') ?? { file, line: 1, column: 1 };
  const standardOrgs = new Set(
    prepared.deployment.allMembers.filter((m) => m.user.privilege === 'standard').map((m) => m.user.organization),
  );
  const targets = depthTargets(prepared);
  const organizationOf = new Map(targets.map((t) => [t.id, t.organization] as const));
  let input: PassInput | undefined;
  const inputOf = () => (input ??= policyPassInput(prepared));
  const keyOf = (from: readonly string[]) => [...from].sort().join('\u0000');
  /** The pass task of a foothold set, bounded or not (PassTask.below); null when it names no node (as storeDepths answers). */
  const taskOf = (from: readonly string[], below: 1 | null): PassTask | null => {
    if (from.length === 0) return null;
    const resolution = resolveQuestion(prepared, { name: 'depth', from, fail: [], controls: {} });
    if (!resolution.ok) return null;
    return { attacker: keyOf(from), sources: resolution.resolved.sources, ...(below === null ? {} : { below }) };
  };
  /** Where the answers of a pass with this bound (AttackerPass.below) are kept. */
  const cacheOf = (below: 1 | null) => (below === null ? full : unfailed);
  /** The answers of the set's pass, full or bounded below one failure, computed on first use. */
  const answers = (from: readonly string[], below: 1 | null) => {
    const key = keyOf(from);
    const cache = cacheOf(below);
    if (!cache.has(key)) {
      const task = taskOf(from, below);
      cache.set(key, task === null ? null : storeDepthsOf(prepared, inputOf(), organizationOf, attackerPass(inputOf(), task)));
    }
    return cache.get(key)!;
  };
  const insiderOrganizations = prepared.model.organizations.map((o) => o.id).filter((id) => standardOrgs.has(id));
  return {
    file,
    prepared,
    locations,
    insiderOrganizations,
    footholdSets: footholdSetsOf(prepared, insiderOrganizations),
    targets,
    locate: (key) => locations.get(key) ?? settings.get(key) ?? start,
    storeDepths: (from) => answers(from, null),
    leakageBelow(from, target, organization, below) {
      // A full pass answers a bounded question too; a bounded pass's depth is 0 or null (not reached
      // without a failure), and only 0 is below its bound.
      const depths = answers(from, full.has(keyOf(from)) ? null : passBound({ below }));
      const depth = leakageDepth(target, organization, depths?.get(target.id));
      return depth !== undefined && depth.depth !== null && depth.depth < below ? depth : undefined;
    },
    async prefetch(questions, runner, onProgress) {
      // Per foothold set, the bound its pass needs: none as soon as one question needs every depth.
      const bounds = new Map<string, { from: readonly string[]; below: 1 | null }>();
      for (const question of questions) {
        const key = keyOf(question.from);
        const known = bounds.get(key);
        bounds.set(key, { from: question.from, below: known === undefined || known.below === 1 ? passBound(question) : null });
      }
      const tasks: PassTask[] = [];
      for (const [key, { from, below }] of bounds) {
        if (full.has(key) || cacheOf(below).has(key)) continue;
        const task = taskOf(from, below);
        if (task === null) cacheOf(below).set(key, null);
        else tasks.push(task);
      }
      const run = typeof runner === 'number' ? localPassRunner(runner) : runner;
      const passes = tasks.length === 0 ? [] : await run(inputOf(), { input: 'policy' }, tasks, onProgress);
      passes.forEach((pass, i) => cacheOf(pass.below).set(tasks[i]!.attacker, storeDepthsOf(prepared, inputOf(), organizationOf, pass)));
    },
  };
}

/** Each target's least deep data node (the first on ties), read off a pass with witnesses. */
function storeDepthsOf(
  prepared: PreparedModel,
  input: PassInput,
  organizationOf: ReadonlyMap<string, string>,
  pass: AttackerPass,
): ReadonlyMap<string, StoreDepth> {
  const out = new Map<string, StoreDepth>();
  const canonical = new Map<number, string[][]>();
  pass.storeNode.forEach((p, s) => {
    if (p < 0) return;
    const setsOf = (family: number) => {
      let sets = canonical.get(family);
      if (sets === undefined) canonical.set(family, (sets = minimalSets(pass.antichains[family]!)));
      return sets;
    };
    const family = pass.dataAntichain[p]!;
    const sets = setsOf(family);
    const beyond = setsOf(pass.dataBeyondReadAntichain[p]!);
    const path = Array.from(pass.storePath[s]!, (e) => toHop(prepared, hopOf(prepared.compiled, e)));
    const attributes = prepared.nodes[input.data[p]!]!;
    out.set(input.stores[s]!, {
      store: input.stores[s]!,
      organization: organizationOf.get(input.stores[s]!) ?? attributes.organization ?? '',
      classification: attributes.classification ?? 'confidential',
      depth: familyDepth(pass.antichains[family]!),
      sets: sets.slice(0, SETS_SHOWN),
      setCount: sets.length,
      path,
      beyondRead: {
        depth: familyDepth(pass.antichains[pass.dataBeyondReadAntichain[p]!]!),
        sets: beyond.slice(0, SETS_SHOWN),
        setCount: beyond.length,
        path: pass.dataBeyondReadAntichain[p] === family ? path : Array.from(pass.storeBeyondReadPath[s]!, (e) => toHop(prepared, hopOf(prepared.compiled, e))),
      },
    });
  });
  return out;
}

/**
 * Every data store as a target; another organization's containers in a profile store as targets of
 * their own. Who is authorized for a target is src/analyze/authorization.ts's one definition (users,
 * readers, data roles through nested groups, the model's `trust`); a policy file's `trusted` groups
 * apply on top, through the policies' Trust.
 */
function depthTargets(prepared: PreparedModel): DepthTarget[] {
  const { model, deployment } = prepared;
  const authorization = authorizationOf(deployment);
  // Per organization, the access kinds it holds on some node of the target (its own: all of them).
  const targetOf = (id: string, entity: string, store: DataStore, organization: string, nodes: readonly DataNode[]): DepthTarget => {
    const access = new Map<string, number>([[organization, ALL_ACCESS]]);
    if (nodes.length === 0) for (const org of authorization.organizationsForStore(store)) access.set(org, ALL_ACCESS);
    for (const node of nodes) for (const [org, mask] of authorization.accessFor(store, node)) access.set(org, (access.get(org) ?? 0) | mask);
    const authorized = new Set<string>();
    const readOnly = new Set<string>();
    for (const [org, mask] of access) {
      if ((mask & ALL_ACCESS) === ALL_ACCESS) authorized.add(org);
      else if ((mask & READ_ACCESS) !== 0) readOnly.add(org);
    }
    return { id, entity, store, organization, authorized, readOnly };
  };
  const stores = model.data.flatMap((store): DepthTarget[] => {
    const entity = `data/${store.id}`;
    const nodes = deployment.dataNodes.get(store.id) ?? [];
    if (store.location !== 'fslogixProfile') return [targetOf(store.id, entity, store, store.organization, nodes)];
    // Containers by owner organization, each with the organizations authorized for them.
    const byOwner = new Map<string, DataNode[]>([[store.organization, []]]);
    for (const node of nodes) {
      const owner = authorization.ownerOf(store, node);
      (byOwner.get(owner) ?? byOwner.set(owner, []).get(owner)!).push(node);
    }
    const own = targetOf(store.id, entity, store, store.organization, byOwner.get(store.organization)!);
    const others = model.organizations.map((o) => o.id).filter((org) => org !== store.organization && byOwner.has(org));
    return [own, ...others.map((org) => targetOf(containerTargetId(store.id, org), entity, store, org, byOwner.get(org)!))];
  });
  // A hand-declared data node of an organization is that organization's data, authorized to nobody
  // else (as the matrix counts it: leakage.ts dataOwnership); its pass store id is its entity (storeId).
  const extras = model.extra.nodes.flatMap((node): DepthTarget[] => {
    if (node.kind !== 'data' || node.organization === null) return [];
    const entity = `extra.nodes/${node.id}`;
    const store = extraNodeStore(prepared, entity, node.id, node.organization);
    return [{ id: entity, entity, store, organization: node.organization, authorized: new Set([node.organization]), readOnly: new Set<string>() }];
  });
  return [...stores, ...extras];
}

/**
 * The store an `extra` data node stands for in the depth policies: its organization's, with the
 * classification and location its node has (compile's defaults), no `users` or `readers` and no
 * subscription: nobody outside its organization is authorized for it.
 */
function extraNodeStore(prepared: PreparedModel, id: string, node: string, organization: string): DataStore {
  const index = prepared.compiled.nodeIndex.get(node);
  const attributes = index === undefined ? undefined : prepared.nodes[index];
  return {
    id,
    organization,
    classification: attributes?.classification ?? 'confidential',
    location: attributes?.location ?? 'share',
    users: [],
    readers: [],
    subscription: null,
    access: 'identity',
  };
}

/** Target id of one organization's containers in another organization's profile store (`:` never occurs in model ids). */
export function containerTargetId(store: string, organization: string): string {
  return `${store}:${organization}`;
}

/**
 * The pass input every policy reads (recipe `policy` of PassInputRecipe): witnesses on, the model's
 * own controls, data nodes grouped by DepthTarget.
 */
export function policyPassInput(prepared: PreparedModel): PassInput {
  return byTarget(prepared, passInput(prepared, {}, true));
}

/** The pass input with its data nodes grouped by target instead of by store. */
function byTarget(prepared: PreparedModel, base: PassInput): PassInput {
  const { compiled, deployment } = prepared;
  const targetOfNode = new Map<string, string>();
  for (const store of prepared.model.data) {
    if (store.location !== 'fslogixProfile') continue;
    for (const node of deployment.dataNodes.get(store.id) ?? []) {
      const org = dataOwner(store, node);
      if (org !== store.organization) targetOfNode.set(node.node, containerTargetId(store.id, org));
    }
  }
  if (targetOfNode.size === 0) return base;
  const index = new Map<string, number>();
  const storeOfData = mapToInt32(base.data, (v, p) => {
    const target = targetOfNode.get(compiled.nodeIds[v]!) ?? base.stores[base.storeOfData[p]!]!;
    let i = index.get(target);
    if (i === undefined) index.set(target, (i = index.size));
    return i;
  });
  return { ...base, storeOfData, stores: [...index.keys()] };
}

/** Each organization's standard users, then its admins and owners, organization by organization. */
function footholdSetsOf(prepared: PreparedModel, insiderOrganizations: readonly string[]): FootholdSet[] {
  const insiders = new Set(insiderOrganizations);
  const privileged = new Map(privilegedFootholds(prepared.deployment).map((p) => [p.organization, p.footholds] as const));
  return prepared.model.organizations.flatMap(({ id: org }) => {
    const sets: FootholdSet[] = [];
    if (insiders.has(org)) sets.push({ attacker: org, organization: org, privileged: false, from: [org], label: `${org}\u2019s standard users` });
    const admins = privileged.get(org);
    if (admins !== undefined) {
      sets.push({ attacker: `${org}:admins`, organization: org, privileged: true, from: admins, label: `${org}\u2019s admins and owners (${names(admins)})` });
    }
    return sets;
  });
}

const NAMES_SHOWN = 3;

function names(ids: readonly string[]): string {
  const shown = ids.slice(0, NAMES_SHOWN).join(', ');
  return ids.length > NAMES_SHOWN ? `${shown} and ${ids.length - NAMES_SHOWN} more` : shown;
}

/** Whether depth `a` is strictly greater than `b` (null = unreachable = deepest). */
export function deeper(a: number | null, b: number | null): boolean {
  if (a === null) return b !== null;
  return b !== null && a > b;
}
