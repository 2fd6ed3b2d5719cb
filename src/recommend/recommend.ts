// `indepth recommend`: spec → the guide's topology as a model file, verified by simulation, and the
// alternatives it is weighed against with their cost and risk (a Pareto table). Every alternative
// goes through the real loader, rules and engine: its YAML is parsed and compiled like any model.

import { patchCadence } from '../model/patch-cadence.js';
import { Document, isSeq, stringify } from 'yaml';
import { costOf, type CostBreakdown } from '../analyze/cost.js';
import { prepare, type PreparedModel } from '../analyze/prepared.js';
import { depthByType, typeDepth } from '../engine/depth-by-type.js';
import { controlMask } from '../engine/scenario.js';
import { formatIssue, InputError } from '../model/issues.js';
import { parseModel } from '../model/load-model.js';
import { reachedUnion, tableProbability, weightsOf } from '../risk/exact.js';
import { buildFailureModel, overridesOf, patchSettingsOf, typeProbabilities } from '../risk/failure-model.js';
import type { Spec } from './spec.js';
import { buildTopology, signature, STRATEGIES, trustGroups, type BuiltTopology } from './topology.js';

export interface Check {
  readonly id: string;
  /** The guide's sentence (or the issue's requirement) the check stands for. */
  readonly guide: string;
  /** Read off the simulation (the engine), not only the model's structure. */
  readonly bySimulation: boolean;
  readonly passed: boolean;
  readonly detail: string;
}

export interface Alternative {
  readonly id: string;
  readonly title: string;
  readonly tenants: number;
  readonly subscriptions: number;
  readonly pooledVms: number;
  readonly personalVms: number;
  readonly cost: CostBreakdown;
  /** Worst probability per year that insiders of one organization reach data of one it does not trust. */
  readonly crossOrgRisk: number;
  readonly worstPair: { readonly attacker: string; readonly victim: string } | null;
  /** Fewest boundary types between standard users and untrusted organizations' data; null = never. */
  readonly crossOrgDepth: number | null;
  /** Worst probability that an organization's local administrators reach data none of them is entitled to; null without admins. */
  readonly adminRisk: number | null;
  readonly checks: readonly Check[];
  readonly passed: boolean;
  /** No other alternative is at most as costly and as risky on both measures and better on one. */
  readonly pareto: boolean;
  readonly dominatedBy: readonly string[];
}

export interface GuideRow {
  readonly organization: string;
  readonly trustGroup: readonly string[];
  readonly standardUsers: number;
  /** Pool and its type for the standard users (null without any). */
  readonly standardPool: { readonly id: string; readonly type: string } | null;
  readonly admins: number;
  readonly adminPool: { readonly id: string; readonly type: string } | null;
  readonly tenant: string;
  readonly subscription: string;
}

export interface Recommendation {
  readonly spec: string;
  readonly groups: readonly (readonly string[])[];
  readonly notes: readonly string[];
  /** The recommended model file. */
  readonly yaml: string;
  readonly table: readonly GuideRow[];
  /** Recommended first, then the other strategies that differ from it for this spec. */
  readonly alternatives: readonly Alternative[];
  /** The recommended model passes every check. */
  readonly passed: boolean;
}

export type RecommendOutcome =
  | { readonly ok: true; readonly recommendation: Recommendation }
  | { readonly ok: false; readonly problems: readonly { readonly organization: string | null; readonly message: string }[] };

export function recommend(spec: Spec, specFile: string): RecommendOutcome {
  const trust = trustGroups(spec);
  if (trust.problems.length > 0) return { ok: false, problems: trust.problems };
  const hasAdmins = spec.organizations.some((o) => o.admins > 0);
  const seen = new Set<string>();
  const built: BuiltTopology[] = [];
  for (const strategy of STRATEGIES) {
    const topology = buildTopology(spec, trust.groups, strategy);
    const key = signature(topology, hasAdmins);
    if (seen.has(key)) continue;
    seen.add(key);
    built.push(topology);
  }
  const groupOf = new Map(trust.groups.flatMap((g) => g.map((o) => [o, g] as const)));
  const trusted = (a: string, b: string) => groupOf.get(a)!.includes(b);

  const evaluated: { topology: BuiltTopology; yaml: string; prepared: PreparedModel; alternative: Omit<Alternative, 'pareto' | 'dominatedBy'> }[] = [];
  for (const topology of built) {
    const yaml = modelYaml(topology, specFile);
    const prepared = load(yaml, topology.strategy.id === 'recommended' ? 'recommended model' : `alternative ${topology.strategy.id}`);
    const failure = buildFailureModel(prepared.compiled, 'type', patchSettingsOf(prepared.model.risk), overridesOf(prepared.model.risk), patchCadence(prepared.model));
    if (!failure.ok) return { ok: false, problems: failure.problems.map((message) => ({ organization: null, message: `spec ${message}` })) };
    const alternative = evaluate(prepared, topology, trusted, typeProbabilities(failure.model));
    evaluated.push({ topology, yaml, prepared, alternative });
  }

  // Pareto optimality weighs cost against risk: without costs every alternative would tie at 0.00 and
  // the riskiest could look as good as any, so none is marked (the text says "no costs given").
  const costsGiven = evaluated.every(({ alternative }) => alternative.cost.given);
  const alternatives = evaluated.map(({ alternative }) => {
    if (!costsGiven) return { ...alternative, pareto: false, dominatedBy: [] };
    const dominatedBy = evaluated
      .filter(({ alternative: other }) => other.id !== alternative.id && dominates(other, alternative))
      .map(({ alternative: other }) => other.id);
    return { ...alternative, pareto: dominatedBy.length === 0, dominatedBy };
  });
  const recommended = evaluated[0]!;
  return {
    ok: true,
    recommendation: {
      spec: spec.name,
      groups: trust.groups,
      notes: trust.notes,
      yaml: recommended.yaml,
      table: guideTable(spec, recommended.prepared, trust.groups),
      alternatives,
      passed: alternatives[0]!.passed,
    },
  };
}

/**
 * A policy file for `indepth check --policy` declaring the spec's trust groups (`trusted`), so the
 * gate accepts the tenant, subscription and pool the recommended model shares within a group while
 * every policy still holds between groups.
 */
export function trustPolicyYaml(recommendation: Recommendation, specFile: string): string {
  const header = `# generated by: indepth recommend ${specFile} --policy-out`;
  const document = new Document({
    name: `${recommendation.spec} trust`,
    description: 'Organizations that trust each other mutually in the recommendation spec, so they may share a tenant, subscription and pool.',
    trusted: recommendation.groups.filter((g) => g.length > 1),
  });
  // One group per line: `- [contoso, fabrikam]`.
  const trusted = document.get('trusted');
  if (isSeq(trusted)) for (const group of trusted.items) if (isSeq(group)) group.flow = true;
  return `${header}\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}

function modelYaml(topology: BuiltTopology, specFile: string): string {
  const header = `# generated by: indepth recommend ${specFile} (strategy: ${topology.strategy.id})`;
  return `${header}\n${stringify(topology.model, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}

/** A generated model that does not load is a bug here, not in the user's spec: fail loudly with its issues. */
function load(yaml: string, what: string): PreparedModel {
  const parsed = parseModel(yaml, what);
  if (!parsed.ok) throw new Error(`${what} does not load:\n${parsed.issues.map(formatIssue).join('\n')}`);
  const built = prepare(parsed.model, parsed.locations);
  if (!built.ok) throw new InputError(built.issues);
  return built.prepared;
}

function evaluate(
  prepared: PreparedModel,
  topology: BuiltTopology,
  trusted: (a: string, b: string) => boolean,
  typeProbability: Float64Array,
): Omit<Alternative, 'pareto' | 'dominatedBy'> {
  const { model, deployment, compiled } = prepared;
  const controls = controlMask(model.controls);
  const index = (ids: readonly string[]) => ids.flatMap((id) => compiled.nodeIndex.get(id) ?? []);
  const dataOfOrg = new Map(model.organizations.map((o) => [o.id, [] as number[]]));
  const entitled = new Map<number, Set<string>>();
  // Members by user entry, once: a store's entitled principals are looked up per user it lists, not
  // found by scanning every member per data node (quadratic with a profile container per user).
  const membersByUser = new Map<string, string[]>();
  for (const m of deployment.allMembers) {
    const list = membersByUser.get(m.user.id);
    if (list === undefined) membersByUser.set(m.user.id, [m.id]);
    else list.push(m.id);
  }
  for (const store of model.data) {
    const allowed = [...new Set([...store.users, ...store.readers])];
    const members = allowed.flatMap((user) => membersByUser.get(user) ?? []);
    for (const node of deployment.dataNodes.get(store.id) ?? []) {
      const v = compiled.nodeIndex.get(node.node);
      if (v === undefined) continue;
      dataOfOrg.get(store.organization)!.push(v);
      entitled.set(v, new Set(node.member === null ? members : [node.member]));
    }
  }
  const probability = (sources: readonly number[], targets: readonly number[]) => {
    if (sources.length === 0 || targets.length === 0) return { p: 0, depth: null as number | null };
    const r = depthByType(compiled, sources, controls);
    let depth: number | null = null;
    for (const v of targets) {
      const d = typeDepth(r, v);
      if (d !== null && (depth === null || d < depth)) depth = d;
    }
    return { p: tableProbability(reachedUnion(r, targets), weightsOf(r, typeProbability)), depth };
  };
  const membersOf = (org: string, keep: (privilege: string) => boolean) =>
    deployment.allMembers.filter((m) => m.user.organization === org && keep(m.user.privilege)).map((m) => m.id);

  let crossOrgRisk = 0;
  let worstPair: Alternative['worstPair'] = null;
  let crossOrgDepth: number | null = null;
  let adminRisk: number | null = null;
  let adminZero: string[] = [];
  for (const attacker of model.organizations.map((o) => o.id)) {
    const untrusted = model.organizations.map((o) => o.id).filter((o) => !trusted(attacker, o));
    const victimData = untrusted.flatMap((o) => dataOfOrg.get(o)!);
    // Any insider (standard users, admins, identity admins): the worst pair.
    for (const victim of untrusted) {
      const { p } = probability(index(membersOf(attacker, () => true)), dataOfOrg.get(victim)!);
      if (worstPair === null || p > crossOrgRisk) (crossOrgRisk = p), (worstPair = { attacker, victim });
    }
    // Standard users only: the guide's separation, counted in boundary types.
    const { depth } = probability(index(membersOf(attacker, (p) => p === 'standard')), victimData);
    if (depth !== null && (crossOrgDepth === null || depth < crossOrgDepth)) crossOrgDepth = depth;
    // Local administrators: data none of them is entitled to.
    const admins = membersOf(attacker, (p) => p === 'localAdmin');
    if (admins.length > 0) {
      const foreign = [...entitled.entries()].filter(([, who]) => !admins.some((a) => who.has(a))).map(([v]) => v);
      const { p, depth: adminDepth } = probability(index(admins), foreign);
      adminRisk = Math.max(adminRisk ?? 0, p);
      if (adminDepth === 0) adminZero.push(attacker);
    }
  }
  adminZero = [...new Set(adminZero)];

  const checks = verify(prepared, trusted, crossOrgDepth, adminZero);
  const cost = costOf(deployment);
  return {
    id: topology.strategy.id,
    title: topology.strategy.title,
    tenants: model.tenants.length,
    subscriptions: model.subscriptions.length,
    pooledVms: cost.pools.filter((p) => p.type === 'pooled').reduce((n, p) => n + p.vms, 0),
    personalVms: cost.pools.filter((p) => p.type === 'personal').reduce((n, p) => n + p.vms, 0),
    cost,
    crossOrgRisk,
    worstPair,
    crossOrgDepth,
    adminRisk,
    checks,
    passed: checks.every((c) => c.passed),
  };
}

/** The recommendation's own acceptance: two checks by simulation, four against the guide's table. */
function verify(prepared: PreparedModel, trusted: (a: string, b: string) => boolean, crossOrgDepth: number | null, adminZero: readonly string[]): Check[] {
  const { model, deployment } = prepared;
  const poolOf = (user: { hostPool: string | null }) => (user.hostPool === null ? undefined : deployment.poolById.get(user.hostPool)?.pool);
  const standard = model.users.filter((u) => u.privilege === 'standard');
  const admins = model.users.filter((u) => u.privilege === 'localAdmin');
  const onPooled = admins.filter((u) => poolOf(u)?.type === 'pooled').map((u) => u.id);
  const notMulti = standard.filter((u) => poolOf(u)?.type !== 'pooled').map((u) => u.id);
  const notPersonal = admins.filter((u) => poolOf(u)?.type !== 'personal').map((u) => u.id);
  const sharedIdentity: string[] = [];
  for (const t of [...model.tenants, ...model.subscriptions]) {
    for (const a of t.organizations) for (const b of t.organizations) if (a < b && !trusted(a, b)) sharedIdentity.push(`${a}/${b} in ${t.id}`);
  }
  const mixedPools: string[] = [];
  for (const p of deployment.pools) {
    if (p.pool.type !== 'pooled') continue;
    const orgs = [...new Set([...p.floating, ...p.vms.flatMap((v) => v.pinned)].map((m) => m.user.organization))];
    for (const a of orgs) for (const b of orgs) if (a < b && !trusted(a, b)) mixedPools.push(`${a}/${b} on ${p.pool.id}`);
  }
  const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.join(', '));
  return [
    {
      id: 'cross-org-depth',
      guide: 'Users from different organizations connecting: separate Azure subscription (and separate identity tenant): no single boundary failure joins them.',
      bySimulation: true,
      passed: crossOrgDepth === null || crossOrgDepth >= 2,
      detail: `fewest boundary types between standard users and data of an organization they do not trust: ${crossOrgDepth === null ? 'unreachable' : crossOrgDepth} (at least 2 required)`,
    },
    {
      id: 'admins-off-pooled-hosts',
      guide: 'We don\u2019t recommend giving users local admin privileges in multi-session pooled scenarios.',
      bySimulation: true,
      passed: onPooled.length === 0 && adminZero.length === 0,
      detail: `local administrators on pooled hosts: ${list(onPooled)}; organizations whose admins reach others\u2019 data with no boundary failure: ${list(adminZero)}`,
    },
    {
      id: 'standard-users-multi-session',
      guide: 'Users from one organization with standard privileges: Windows 10 Enterprise multi-session.',
      bySimulation: false,
      passed: notMulti.length === 0,
      detail: `standard users not on a multi-session pool: ${list(notMulti)}`,
    },
    {
      id: 'admins-personal-desktops',
      guide: 'Users require administrative privileges: Personal Desktops (VDI).',
      bySimulation: false,
      passed: notPersonal.length === 0,
      detail: `local administrators without a personal desktop: ${list(notPersonal)}`,
    },
    {
      id: 'separate-subscription-and-identity',
      guide: 'Users from different organizations connecting: separate Azure subscription; a separate tenant for identity services.',
      bySimulation: false,
      passed: sharedIdentity.length === 0,
      detail: `organizations that do not trust each other sharing a tenant or subscription: ${list(sharedIdentity)}`,
    },
    {
      id: 'no-cross-org-multi-session',
      guide: 'Microsoft doesn\u2019t support granting users that work for different or competing companies access to the same multi-session environment.',
      bySimulation: false,
      passed: mixedPools.length === 0,
      detail: `organizations that do not trust each other on one multi-session pool: ${list(mixedPools)}`,
    },
  ];
}

function dominates(a: Omit<Alternative, 'pareto' | 'dominatedBy'>, b: Omit<Alternative, 'pareto' | 'dominatedBy'>): boolean {
  // Costs within a few cents are a tie (each pool's cost is rounded to the cent).
  const eps = [0.05, 1e-12, 1e-12];
  const measures = (x: typeof a) => [x.cost.given ? x.cost.totalMonthly : 0, x.crossOrgRisk, x.adminRisk ?? 0];
  const ma = measures(a);
  const mb = measures(b);
  return ma.every((v, i) => v <= mb[i]! + eps[i]!) && ma.some((v, i) => v < mb[i]! - eps[i]!);
}

function guideTable(spec: Spec, prepared: PreparedModel, groups: readonly (readonly string[])[]): GuideRow[] {
  const { model } = prepared;
  const poolInfo = (user: { hostPool: string | null } | undefined) => {
    const pool = user?.hostPool === null || user === undefined ? undefined : model.hostPools.find((p) => p.id === user.hostPool);
    return pool === undefined ? null : { id: pool.id, type: pool.type };
  };
  return spec.organizations.map((o) => {
    const users = model.users.filter((u) => u.organization === o.id);
    return {
      organization: o.id,
      trustGroup: groups.find((g) => g.includes(o.id)) ?? [o.id],
      standardUsers: o.users,
      standardPool: poolInfo(users.find((u) => u.privilege === 'standard')),
      admins: o.admins,
      adminPool: poolInfo(users.find((u) => u.privilege === 'localAdmin')),
      tenant: model.tenants.find((t) => t.organizations.includes(o.id))!.id,
      subscription: model.subscriptions.find((s) => s.organizations.includes(o.id))!.id,
    };
  });
}
