// Monthly cost of a deployment from the model's explicit cost figures: VMs × hourly price × hours,
// plus identity (per tenant) and control-plane (per subscription) overhead. The guide weighs every
// separation against this ("Every user working for an individual organization will need additional
// infrastructure and associated maintenance costs").

import type { Deployment } from '../compile/deployment.js';

export interface PoolCost {
  readonly pool: string;
  readonly vms: number;
  readonly vmHourly: number;
  readonly monthly: number;
}

export interface CostBreakdown {
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
}

export function costOf(deployment: Deployment): CostBreakdown {
  const { model } = deployment;
  const { costs } = model;
  const pools = deployment.pools.map((p) => {
    const vmHourly = p.pool.vmHourly ?? costs.vmHourly;
    return { pool: p.pool.id, vms: p.vms.length, vmHourly, monthly: round2(p.vms.length * vmHourly * costs.hoursPerMonth) };
  });
  const computeMonthly = round2(pools.reduce((sum, p) => sum + p.monthly, 0));
  const identityMonthly = round2(model.tenants.length * costs.tenantMonthly);
  const subscriptionMonthly = round2(model.subscriptions.length * costs.subscriptionMonthly);
  const totalMonthly = round2(computeMonthly + identityMonthly + subscriptionMonthly);
  const users = deployment.allMembers.length;
  return {
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
  };
}

/** Money to the cent, so sums print the same on every machine. */
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
