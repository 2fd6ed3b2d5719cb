// Monthly cost of a deployment from the model's explicit cost figures: VMs × hourly price × hours
// (less the hours pooled hosts are shut down off-peak), plus identity (per tenant) and control-plane
// (per subscription) overhead, per organization and in total. The guide weighs every separation
// against this ("Every user working for an individual organization will need additional
// infrastructure and associated maintenance costs"; multi-session hosts "reduce costs … with only
// the overhead costs of a single OS" and allow "shutting down VMs during off-peak hours").

import type { Deployment } from '../compile/deployment.js';
import { DEFAULT_OFF_PEAK_SHUTDOWN, DEFAULT_SESSIONS_PER_HOST } from '../risk/defaults.js';
import { byString } from '../report/json.js';

/** A pool's size, known with or without prices. */
export interface PoolSize {
  readonly pool: string;
  readonly vms: number;
  readonly type: 'pooled' | 'personal';
  /** Users signing in to the pool (members of user groups counted one by one). */
  readonly users: number;
  /** Pooled pools: users the pool's VMs serve at `sessionsPerHost`; personal pools: one per VM. */
  readonly capacity: number;
  /** A pooled pool with more users than its VMs serve at `sessionsPerHost`. */
  readonly undersized: boolean;
}

export interface PoolCost extends PoolSize {
  readonly vmHourly: number;
  readonly monthly: number;
  /** Share of the month the pool's VMs are deallocated. */
  readonly offPeakShutdown: number;
  /** Hours one VM of the pool runs per month. */
  readonly hoursPerVm: number;
}

/** One organization's share: its users' part of each pool, an equal part of each tenant and subscription it is in. */
export interface OrganizationCost {
  readonly id: string;
  readonly users: number;
  readonly computeMonthly: number;
  readonly identityMonthly: number;
  readonly subscriptionMonthly: number;
  readonly totalMonthly: number;
  /** Total divided by users (0 when there are none). */
  readonly perUserMonthly: number;
}

/** A model's monthly cost: priced from its `costs`, or, without them, only its sizes. */
export type CostBreakdown = PricedCost | NoCostsGiven;

/**
 * A model without `costs`: no price is assumed (a 0.00 would make every option look free, and the
 * cheapest), so reports say "no costs given"; the sizes still count.
 */
export interface NoCostsGiven {
  readonly given: false;
  readonly note: 'no costs given';
  readonly pools: readonly PoolSize[];
  readonly vms: number;
  readonly tenants: number;
  readonly subscriptions: number;
  readonly users: number;
  readonly sessionsPerHost: number;
}

export interface PricedCost {
  readonly given: true;
  readonly currency: string;
  readonly pools: readonly PoolCost[];
  readonly vms: number;
  readonly computeMonthly: number;
  readonly tenants: number;
  readonly identityMonthly: number;
  readonly subscriptions: number;
  readonly subscriptionMonthly: number;
  readonly totalMonthly: number;
  readonly users: number;
  /** Total divided by users (0 when there are none). */
  readonly perUserMonthly: number;
  readonly sessionsPerHost: number;
  /** Per organization, in model order; the parts add up to the totals to the cent. */
  readonly organizations: readonly OrganizationCost[];
}

export function costOf(deployment: Deployment): CostBreakdown {
  const { model } = deployment;
  if (model.costs === undefined) {
    const sessionsPerHost = DEFAULT_SESSIONS_PER_HOST;
    const pools = deployment.pools.map((p) => poolSize(deployment, p, sessionsPerHost));
    return {
      given: false,
      note: 'no costs given',
      pools,
      vms: pools.reduce((n, p) => n + p.vms, 0),
      tenants: model.tenants.length,
      subscriptions: model.subscriptions.length,
      users: deployment.allMembers.length,
      sessionsPerHost,
    };
  }
  const costs = model.costs;
  const sessionsPerHost = costs.sessionsPerHost ?? DEFAULT_SESSIONS_PER_HOST;
  const orgIds = model.organizations.map((o) => o.id);
  const shares = new Map(orgIds.map((id) => [id, { compute: 0, identity: 0, subscription: 0 }]));

  const pools = deployment.pools.map((p): PoolCost => {
    const vmHourly = p.pool.vmHourly ?? costs.vmHourly;
    const offPeakShutdown = p.pool.offPeakShutdown ?? (p.pool.type === 'pooled' ? (costs.offPeakShutdown ?? DEFAULT_OFF_PEAK_SHUTDOWN) : 0);
    const hoursPerVm = costs.hoursPerMonth * (1 - offPeakShutdown);
    const monthly = round2(p.vms.length * vmHourly * hoursPerVm);
    const members = deployment.allMembers.filter((m) => m.user.hostPool === p.pool.id);
    const userOrgs = members.map((m) => m.user.organization);
    // A pool nobody signs in to is charged to the organizations of its subscription.
    const payers = userOrgs.length > 0 ? userOrgs : (deployment.subscriptionById.get(p.pool.subscription)?.organizations ?? []);
    allocate(monthly, payers, (org, cents) => (shares.get(org)!.compute += cents));
    return { ...poolSize(deployment, p, sessionsPerHost), vmHourly, monthly, offPeakShutdown, hoursPerVm: round2(hoursPerVm) };
  });
  for (const tenant of model.tenants) allocate(costs.tenantMonthly, tenant.organizations, (org, cents) => (shares.get(org)!.identity += cents));
  for (const sub of model.subscriptions) {
    allocate(costs.subscriptionMonthly, sub.organizations, (org, cents) => (shares.get(org)!.subscription += cents));
  }

  const computeMonthly = round2(pools.reduce((sum, p) => sum + p.monthly, 0));
  const identityMonthly = round2(model.tenants.length * costs.tenantMonthly);
  const subscriptionMonthly = round2(model.subscriptions.length * costs.subscriptionMonthly);
  const totalMonthly = round2(computeMonthly + identityMonthly + subscriptionMonthly);
  const users = deployment.allMembers.length;
  const usersOf = new Map<string, number>();
  for (const m of deployment.allMembers) usersOf.set(m.user.organization, (usersOf.get(m.user.organization) ?? 0) + 1);
  const organizations = orgIds.map((id): OrganizationCost => {
    const share = shares.get(id)!;
    const total = share.compute + share.identity + share.subscription;
    const orgUsers = usersOf.get(id) ?? 0;
    return {
      id,
      users: orgUsers,
      computeMonthly: share.compute / 100,
      identityMonthly: share.identity / 100,
      subscriptionMonthly: share.subscription / 100,
      totalMonthly: total / 100,
      perUserMonthly: orgUsers === 0 ? 0 : round2(total / 100 / orgUsers),
    };
  });
  return {
    given: true,
    currency: costs.currency,
    pools,
    vms: pools.reduce((n, p) => n + p.vms, 0),
    computeMonthly,
    tenants: model.tenants.length,
    identityMonthly,
    subscriptions: model.subscriptions.length,
    subscriptionMonthly,
    totalMonthly,
    users,
    perUserMonthly: users === 0 ? 0 : round2(totalMonthly / users),
    sessionsPerHost,
    organizations,
  };
}

function poolSize(deployment: Deployment, p: Deployment['pools'][number], sessionsPerHost: number): PoolSize {
  const users = deployment.allMembers.filter((m) => m.user.hostPool === p.pool.id).length;
  const capacity = p.pool.type === 'pooled' ? p.vms.length * sessionsPerHost : p.vms.length;
  return { pool: p.pool.id, vms: p.vms.length, type: p.pool.type, users, capacity, undersized: p.pool.type === 'pooled' && users > capacity };
}

/** VMs a pooled pool needs for `users` at `sessionsPerHost` (at least one). */
export function pooledVmsFor(users: number, sessionsPerHost: number): number {
  return Math.max(1, Math.ceil(users / sessionsPerHost));
}

/**
 * Splits an amount among payers (one entry per head; an organization listed n times pays n parts)
 * in whole cents by largest remainder, ties to the earlier organization id, so parts sum exactly.
 */
function allocate(amount: number, payers: readonly string[], add: (org: string, cents: number) => void): void {
  const cents = Math.round(amount * 100);
  if (payers.length === 0 || cents === 0) return;
  const heads = new Map<string, number>();
  for (const org of payers) heads.set(org, (heads.get(org) ?? 0) + 1);
  const orgs = [...heads.keys()].sort(byString);
  const exact = orgs.map((org) => (cents * heads.get(org)!) / payers.length);
  const parts = exact.map(Math.floor);
  let left = cents - parts.reduce((a, b) => a + b, 0);
  const order = orgs.map((_, i) => i).sort((a, b) => exact[b]! - parts[b]! - (exact[a]! - parts[a]!) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    parts[i]! += 1;
    left--;
  }
  orgs.forEach((org, i) => add(org, parts[i]!));
}

/** Money to the cent, so sums print the same on every machine. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
