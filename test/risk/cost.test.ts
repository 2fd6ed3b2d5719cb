// The cost model: VMs × price × hours less off-peak shutdown (pooled pools by default, any pool by
// override), identity per tenant, overhead per subscription, per organization summing to the total,
// and pools flagged when their users outnumber hosts × sessions per host.

import { describe, expect, it } from 'vitest';
import { costOf } from '../../src/analyze/cost.js';
import { loadBundled } from './bundled.js';
import { priced } from '../support/cost.js';

const costs = (extra: string) => (text: string) => text.replace('  subscriptionMonthly: 150', `  subscriptionMonthly: 150\n${extra}`);

describe('costOf', () => {
  it('keeps the simple model unchanged without the new knobs', () => {
    const cost = priced(costOf(loadBundled('cross-org-shared').prepared.deployment));
    expect(cost).toMatchObject({ vms: 4, computeMonthly: 3358, identityMonthly: 400, subscriptionMonthly: 150, totalMonthly: 3908, sessionsPerHost: 12 });
  });

  it('charges pooled hosts only for the hours they run', () => {
    const cost = priced(costOf(loadBundled('admins-personal', costs('  offPeakShutdown: 0.4')).prepared.deployment));
    const pooled = cost.pools.find((p) => p.pool === 'contoso-pool')!;
    const personal = cost.pools.find((p) => p.pool === 'admin-desktops')!;
    expect(pooled).toMatchObject({ offPeakShutdown: 0.4, hoursPerVm: 438, monthly: 1511.1 });
    // Personal desktops keep running unless their pool says otherwise.
    expect(personal).toMatchObject({ offPeakShutdown: 0, monthly: 839.5 });
  });

  it('lets a pool override the shutdown share', () => {
    const edit = (text: string) => text.replace('  - id: admin-desktops\n', '  - id: admin-desktops\n    offPeakShutdown: 0.5\n');
    const cost = priced(costOf(loadBundled('admins-personal', edit).prepared.deployment));
    expect(cost.pools.find((p) => p.pool === 'admin-desktops')!.monthly).toBeCloseTo(1.15 * 365, 2);
  });

  it('splits shared pools by users and tenants and subscriptions equally, to the cent', () => {
    const cost = priced(costOf(loadBundled('cross-org-shared').prepared.deployment));
    const [contoso, fabrikam] = cost.organizations;
    // 13 of the 20 pool users are contoso's; the tenant and subscription are split in two.
    expect(contoso).toMatchObject({ id: 'contoso', users: 14, computeMonthly: 2182.7, identityMonthly: 200, subscriptionMonthly: 75, totalMonthly: 2457.7 });
    expect(fabrikam!.totalMonthly).toBeCloseTo(1450.3, 2);
    expect(Math.round((contoso!.totalMonthly + fabrikam!.totalMonthly) * 100)).toBe(Math.round(cost.totalMonthly * 100));
  });

  it('flags a pooled pool with more users than its hosts serve', () => {
    const cost = priced(costOf(loadBundled('cross-org-shared', costs('  sessionsPerHost: 4')).prepared.deployment));
    expect(cost.pools[0]).toMatchObject({ pool: 'shared-pool', users: 20, capacity: 16, undersized: true });
  });

  it('rejects a shutdown share above 1 in the model file', () => {
    expect(() => loadBundled('cross-org-shared', costs('  offPeakShutdown: 1.5'))).toThrow(/`offPeakShutdown` of `costs` must be <= 1, got the number `1\.5`/);
  });
});
