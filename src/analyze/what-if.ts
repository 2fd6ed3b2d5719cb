// The what-if simulator: footholds + failed boundaries + control toggles → everything reachable,
// per organization, with each reached data store's impact and one shortest explanation path.

import { dataOwner, type DataNode } from '../compile/deployment.js';
import { patchCadence } from '../model/patch-cadence.js';
import type { CompiledGraph } from '../compile/compile.js';
import { CONTROL_NAMES, type ControlName, type Controls } from '../domain/controls.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { persistentNodes, transientRuleMask } from '../engine/persistence.js';
import { explainPath, reach, type ReachResult } from '../engine/reach.js';
import { controlMask, resolveFailures, type Scenario } from '../engine/scenario.js';
import { WHILE_SIGNED_IN_RULES } from '../rules/registry.js';
import { ACCESS_MODES } from '../model/types.js';
import { accessKinds, ALL_ACCESS, authorizationOf } from './authorization.js';
import { byString } from '../report/json.js';
import { resolveFootholds } from './footholds.js';
import { toHop } from './hops.js';
import type { PreparedModel } from './prepared.js';
import type { DeniedVm, Impact, OrganizationReach, ReachedData, ReachedIdentity, WhatIfResult } from './what-if-types.js';

export interface WhatIfQuestion {
  readonly name: string;
  readonly from: readonly string[];
  readonly fail: readonly string[];
  readonly controls: Partial<Record<ControlName, boolean>>;
}

/** A part of the question that does not fit the model: which list, which item, what is wrong. */
export interface QuestionProblem {
  readonly field: 'from' | 'fail';
  readonly index: number;
  readonly message: string;
}

export type WhatIfOutcome =
  | { readonly ok: true; readonly result: WhatIfResult }
  | { readonly ok: false; readonly problems: readonly QuestionProblem[] };

/** Footholds and failures resolved against the compiled graph, ready for the engine. */
export interface ResolvedQuestion {
  readonly footholds: readonly string[];
  readonly sources: readonly number[];
  readonly failed: Uint8Array;
  readonly controls: Controls;
}

export function resolveQuestion(
  prepared: PreparedModel,
  question: WhatIfQuestion,
): { ok: true; resolved: ResolvedQuestion } | { ok: false; problems: QuestionProblem[] } {
  const problems: QuestionProblem[] = [];
  const footholds = resolveFootholds(prepared.compiled, prepared.deployment, question.from);
  if (!footholds.ok) {
    for (const u of footholds.unknown) {
      const hint = u.suggestion === undefined ? '' : ` (did you mean \`${u.suggestion}\`?)`;
      problems.push({ field: 'from', index: u.index, message: u.reason ?? `unknown foothold \`${u.name}\`${hint}` });
    }
  }
  const failures = resolveFailures(prepared.compiled, question.fail, patchCadence(prepared.model));
  if (!failures.ok) {
    for (const u of failures.error.unknown) {
      const hint = u.suggestion === null ? '' : ` (did you mean \`${u.suggestion}\`?)`;
      problems.push({
        field: 'fail',
        index: u.index,
        message: `unknown boundary failure \`${u.spec}\`${hint}; use a boundary type, an instance like \`kernel@pool1-vm1\`, or a group like \`build:…\` or \`kernel@patch>30\``,
      });
    }
  }
  if (problems.length > 0 || !footholds.ok || !failures.ok) return { ok: false, problems };
  const controls = { ...prepared.model.controls, ...question.controls };
  const sources = footholds.nodes.map((id) => prepared.compiled.nodeIndex.get(id)!);
  return { ok: true, resolved: { footholds: footholds.nodes, sources, failed: failures.failed, controls } };
}

export function whatIf(prepared: PreparedModel, question: WhatIfQuestion): WhatIfOutcome {
  const resolution = resolveQuestion(prepared, question);
  if (!resolution.ok) return resolution;
  const { resolved } = resolution;
  const { compiled } = prepared;
  const scenario: Scenario = { failed: resolved.failed, controls: controlMask(resolved.controls) };
  const result = reach(compiled, resolved.sources, scenario);

  const data = reachedData(prepared, result);
  const identities = reachedIdentities(prepared, result, scenario);
  const availability = deniedVms(prepared, result);
  const attackerOrgs = new Set(
    resolved.footholds.flatMap((id) => {
      const org = prepared.nodes[prepared.compiled.nodeIndex.get(id)!]!.organization;
      return org === null ? [] : [org];
    }),
  );
  const organizations = rollUp(prepared, result, data, identities, availability, attackerOrgs);

  return {
    ok: true,
    result: {
      model: prepared.model.name,
      assumptions: prepared.deployment.assumptions,
      scenario: {
        name: question.name,
        from: [...question.from],
        fail: [...question.fail],
        controls: Object.fromEntries(CONTROL_NAMES.map((c) => [c, resolved.controls[c]])) as Controls,
      },
      footholds: resolved.footholds,
      failedInstances: resolved.failed.reduce((n, f) => n + f, 0),
      summary: {
        exposedOrganizations: organizations.filter((o) => !o.attacker && o.reached.data > 0).map((o) => o.id),
        reachedNodes: result.reachedCount,
        reachedData: data.length,
      },
      organizations,
      data,
      identities,
      availability,
    },
  };
}

const DATA_KIND = 'data';

function reachedData(prepared: PreparedModel, result: ReachResult): ReachedData[] {
  const { compiled } = prepared;
  const out: ReachedData[] = [];
  for (let v = 0; v < compiled.nodeCount; v++) {
    if (result.access[v] === 0) continue;
    const id = compiled.nodeIds[v]!;
    const attributes = prepared.nodes[v]!;
    if (attributes.kind !== DATA_KIND) continue;
    const path = (explainPath(compiled, result, v) ?? []).map((hop) => toHop(prepared, hop));
    out.push({
      id,
      store: attributes.entity?.replace(/^data\//, '') ?? id,
      organization: attributes.organization ?? '',
      classification: attributes.classification ?? 'confidential',
      location: attributes.location ?? 'share',
      impacts: impactsOf(result.access[v]!),
      failures: path.flatMap((hop) => (hop.instance === null ? [] : [hop.instance])),
      path,
    });
  }
  return out; // node index order is id order
}

const IDENTITY_KINDS: ReadonlySet<string> = new Set(['principal', 'credential']);

/** Reached principals and credentials with their persistence (one pass over the edges). */
function reachedIdentities(prepared: PreparedModel, result: ReachResult, scenario: Scenario): ReachedIdentity[] {
  const { compiled } = prepared;
  const persistent = persistentNodes(compiled, result, scenario, transientRuleMask(compiled, WHILE_SIGNED_IN_RULES));
  const out: ReachedIdentity[] = [];
  for (let v = 0; v < compiled.nodeCount; v++) {
    if (result.controlled[v] !== 1) continue;
    const attributes = prepared.nodes[v]!;
    if (!IDENTITY_KINDS.has(attributes.kind)) continue;
    out.push({
      id: compiled.nodeIds[v]!,
      kind: attributes.kind as ReachedIdentity['kind'],
      organization: attributes.organization ?? '',
      persistence: persistent[v] === 1 ? 'persistent' : 'whileSignedIn',
    });
  }
  return out;
}

/** Control of a store grants every impact; otherwise exactly the kinds of access its edges grant. */
function impactsOf(accessBits: number): Impact[] {
  if ((accessBits & 1) !== 0) return ['read', 'tamper', 'deny'];
  return ACCESS_MODES.filter((mode, i) => mode !== 'control' && (accessBits & (1 << i)) !== 0) as Impact[];
}

/** VMs whose kernel the attacker controls: shutting one down denies everyone who may sit on it. */
function deniedVms(prepared: PreparedModel, result: ReachResult): DeniedVm[] {
  const { compiled, deployment } = prepared;
  const out: DeniedVm[] = [];
  // A pool's floating users may sit on any of its VMs: counted once per pool, not once per VM.
  const floatingCounts = new Map<string, ReadonlyMap<string, number>>();
  const { controlled } = result;
  for (const [vmId, vm] of deployment.vmById) {
    const index = compiled.nodeIndex.get(vmId);
    if (index === undefined || controlled[index] !== 1) continue;
    const pool = deployment.poolById.get(vm.pool.id)!;
    let floating = floatingCounts.get(vm.pool.id);
    if (floating === undefined) {
      const byOrganization = new Map<string, number>();
      for (const m of pool.floating) byOrganization.set(m.user.organization, (byOrganization.get(m.user.organization) ?? 0) + 1);
      floatingCounts.set(vm.pool.id, (floating = byOrganization));
    }
    const counts = new Map(floating);
    for (const m of vm.pinned) counts.set(m.user.organization, (counts.get(m.user.organization) ?? 0) + 1);
    out.push({
      vm: vmId,
      pool: vm.pool.id,
      users: [...counts.keys()].sort(byString).map((organization) => ({ organization, count: counts.get(organization)! })),
    });
  }
  return out.sort((a, b) => byString(a.vm, b.vm));
}

function rollUp(
  prepared: PreparedModel,
  result: ReachResult,
  data: readonly ReachedData[],
  identities: readonly ReachedIdentity[],
  availability: readonly DeniedVm[],
  attackerOrgs: ReadonlySet<string>,
): OrganizationReach[] {
  const { compiled, deployment, model } = prepared;
  const denied = deniedMembers(prepared, availability);
  const reached = countReachedByOrganization(compiled, result);
  // Reach within authorization (per access kind: the impacts it has, every one authorized) is counted apart.
  const authorization = authorizationOf(deployment);
  const storeOf = new Map(model.data.map((s) => [s.id, s] as const));
  // Per store, its data nodes by node id (the first one listed, as a linear find would give): a
  // profile store has a node per user, and a find per reached node was quadratic in them.
  const nodesOf = new Map<string, ReadonlyMap<string, DataNode>>();
  const dataNodeOf = (store: string, id: string): DataNode | undefined => {
    let byId = nodesOf.get(store);
    if (byId === undefined) {
      const nodes = new Map<string, DataNode>();
      for (const n of deployment.dataNodes.get(store) ?? []) if (!nodes.has(n.node)) nodes.set(n.node, n);
      nodesOf.set(store, (byId = nodes));
    }
    return byId.get(id);
  };
  const withinAuthorization = (d: ReachedData): boolean => {
    const store = storeOf.get(d.store);
    const node = dataNodeOf(d.store, d.id);
    if (attackerOrgs.size === 0 || attackerOrgs.has(d.organization) || store === undefined || node === undefined) return false;
    const access = authorization.accessFor(store, node);
    const held = [...attackerOrgs].reduce((mask, org) => mask & (access.get(org) ?? 0), ALL_ACCESS);
    return d.impacts.every((impact) => accessKinds(held).includes(impact));
  };
  const trustedBy = (org: string): { trusted?: string } => {
    if (attackerOrgs.has(org)) return {};
    const group = [...attackerOrgs].map((a) => authorization.trust.groupOf(a, org)).find((g) => g !== null);
    return group === undefined || group === null ? {} : { trusted: group.reason };
  };
  const dataReached = new Map<string, number>();
  const authorizedReached = new Map<string, number>();
  for (const d of data) {
    const counts = withinAuthorization(d) ? authorizedReached : dataReached;
    counts.set(d.organization, (counts.get(d.organization) ?? 0) + 1);
  }
  const transient = new Map<string, number>();
  for (const i of identities) if (i.kind === 'principal' && i.persistence === 'whileSignedIn') transient.set(i.organization, (transient.get(i.organization) ?? 0) + 1);
  const dataTotal = new Map<string, number>();
  for (const store of model.data) {
    for (const node of deployment.dataNodes.get(store.id) ?? []) {
      const owner = dataOwner(store, node);
      dataTotal.set(owner, (dataTotal.get(owner) ?? 0) + 1);
    }
  }
  return model.organizations.map((org) => {
    const byKind = reached.get(compiled.organizationIds.indexOf(org.id));
    const count = (kind: string) => byKind?.get(kind) ?? 0;
    return {
      id: org.id,
      name: org.name,
      attacker: attackerOrgs.has(org.id),
      reached: {
        principals: count('principal'),
        sessions: count('session'),
        vms: count('vm'),
        credentials: count('credential'),
        data: dataReached.get(org.id) ?? 0,
        authorized: authorizedReached.get(org.id) ?? 0,
        principalsPersistent: count('principal') - (transient.get(org.id) ?? 0),
        principalsWhileSignedIn: transient.get(org.id) ?? 0,
      },
      dataTotal: dataTotal.get(org.id) ?? 0,
      ...trustedBy(org.id),
      deniedUsers: denied.get(org.id) ?? 0,
    };
  });
}

/** Reached nodes counted per organization index and node kind, in one pass. */
function countReachedByOrganization(compiled: CompiledGraph, result: ReachResult): Map<number, Map<string, number>> {
  const counts = new Map<number, Map<string, number>>();
  for (let v = 0; v < compiled.nodeCount; v++) {
    if (result.access[v] === 0) continue;
    const org = compiled.nodeOrganization[v]!;
    if (org < 0) continue;
    const kind = NODE_KINDS[compiled.nodeKind[v]!]!;
    const byKind = counts.get(org) ?? new Map<string, number>();
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    counts.set(org, byKind);
  }
  return counts;
}

/** Distinct users per organization who may sit on a VM the attacker controls. */
function deniedMembers(prepared: PreparedModel, availability: readonly DeniedVm[]): Map<string, number> {
  const members = new Set<string>();
  const pools = new Set<string>();
  for (const denied of availability) {
    const vm = prepared.deployment.vmById.get(denied.vm)!;
    for (const m of vm.pinned) members.add(m.id);
    // A pool's floating users once, however many of its VMs are denied.
    if (pools.has(vm.pool.id)) continue;
    pools.add(vm.pool.id);
    for (const m of prepared.deployment.poolById.get(vm.pool.id)!.floating) members.add(m.id);
  }
  const counts = new Map<string, number>();
  for (const id of members) {
    const org = prepared.deployment.memberById.get(id)!.user.organization;
    counts.set(org, (counts.get(org) ?? 0) + 1);
  }
  return counts;
}
