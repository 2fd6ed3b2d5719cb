// The what-if simulator on the bundled models, with answers checked by hand against domain.md: who
// reaches whose data under which failures and controls, real explanation paths, impacts, bad input.

import { describe, expect, it } from 'vitest';
import { whatIf } from '../../src/analyze/what-if.js';
import type { WhatIfResult } from '../../src/analyze/what-if-types.js';
import { BOUNDARY_TYPES } from '../../src/domain/boundary.js';
import { ask, prepareBundled, prepareText, reachedDataIds, reachedNodeIds, type BundledModel, type Question } from '../support/model.js';
import { THREE_ORGS } from '../support/three-orgs.js';
import { expectRealExplanations } from '../support/explanations.js';

/** Asks, checks every explanation path against the graph, returns the result. */
function simulate(model: BundledModel, question: Question): WhatIfResult {
  const prepared = prepareBundled(model);
  const result = ask(prepared, question);
  expectRealExplanations(prepared.graph, result);
  return result;
}

const dataOf = (result: WhatIfResult, organization: string) =>
  result.data.filter((d) => d.organization === organization).map((d) => d.id);

/** Contoso's 14 data nodes in both cross-org models: alice's and 12 workers' profiles, and the finance database. */
const CONTOSO_PROFILES = ['contoso-profiles/alice', ...Array.from({ length: 12 }, (_, i) => `contoso-profiles/contoso-workers#${i + 1}`)].sort();
const ALL_CONTOSO = ['contoso-finance', ...CONTOSO_PROFILES].sort();

describe('cross-org-shared, from the fabrikam insider mallory', () => {
  it('reaches only mallory\u2019s own data with no failure', () => {
    const result = simulate('cross-org-shared', { from: ['mallory'] });
    expect(reachedDataIds(result)).toEqual(['fabrikam-designs', 'fabrikam-profiles/mallory']);
    expect(result.summary.exposedOrganizations).toEqual([]);
    expect(result.failedInstances).toBe(0);
  });

  it('reaches all of contoso\u2019s data when the kernel fails (one failure on a shared host)', () => {
    const result = simulate('cross-org-shared', { from: ['mallory'], fail: ['kernel'] });
    expect(dataOf(result, 'contoso')).toEqual(ALL_CONTOSO);
    expect(result.summary.exposedOrganizations).toEqual(['contoso']);
    expect(result.failedInstances).toBe(4); // kernel@shared-pool-vm1..4
    for (const d of result.data.filter((x) => x.organization === 'contoso')) {
      expect(d.failures).toHaveLength(1);
      expect(d.failures[0]).toMatch(/^kernel@shared-pool-vm[1-4]$/);
    }
  });

  it('reaches every contoso session, and so all its data, when session isolation fails', () => {
    const result = simulate('cross-org-shared', { from: ['mallory'], fail: ['session'] });
    expect(dataOf(result, 'contoso')).toEqual(ALL_CONTOSO);
    expect(result.data.find((d) => d.id === 'contoso-finance')!.failures[0]).toMatch(/^session@/);
  });

  it('reaches the same through a process-isolation failure alone', () => {
    const result = simulate('cross-org-shared', { from: ['mallory'], fail: ['process'] });
    expect(dataOf(result, 'contoso')).toEqual(ALL_CONTOSO);
    expect(result.data.find((d) => d.id === 'contoso-finance')!.failures[0]).toMatch(/^process@/);
  });

  it('reaches contoso\u2019s profiles and, through alice\u2019s profile, her session and the finance database when the user (NTFS) boundary fails', () => {
    // Writing alice's profile (Startup folder, Run keys) runs code in her next session (rule
    // profile-logon-code); her session reaches the database she is authorized for.
    const result = simulate('cross-org-shared', { from: ['mallory'], fail: ['user'] });
    expect(dataOf(result, 'contoso')).toEqual(['contoso-finance', ...CONTOSO_PROFILES].sort());
    expect(result.data.find((d) => d.id === 'contoso-profiles/alice')!.failures[0]).toMatch(/^user@/);
    expect(result.data.find((d) => d.id === 'contoso-finance')!.path.map((h) => h.rule)).toContain('profile-logon-code');
  });

  it('counts every floating user of the pool as deniable once mallory controls its kernels', () => {
    const result = simulate('cross-org-shared', { from: ['mallory'], fail: ['kernel'] });
    expect(result.availability.map((a) => a.vm)).toEqual(['shared-pool-vm1', 'shared-pool-vm2', 'shared-pool-vm3', 'shared-pool-vm4']);
    const denied = Object.fromEntries(result.organizations.map((o) => [o.id, o.deniedUsers]));
    expect(denied).toEqual({ contoso: 13, fabrikam: 7 }); // alice + 12 workers; mallory + 6 workers
  });
});

describe('cross-org-separated, from mallory', () => {
  it.each(BOUNDARY_TYPES)('reaches no contoso data when only %s fails', (type) => {
    const result = simulate('cross-org-separated', { from: ['mallory'], fail: [type] });
    expect(dataOf(result, 'contoso')).toEqual([]);
    expect(result.summary.exposedOrganizations).toEqual([]);
  });

  it('reaches contoso\u2019s data through the shared physical host when kernel and vm both fail', () => {
    const result = simulate('cross-org-separated', { from: ['mallory'], fail: ['kernel', 'vm'] });
    expect(dataOf(result, 'contoso')).toEqual(ALL_CONTOSO);
    for (const d of result.data.filter((x) => x.organization === 'contoso')) {
      expect(d.failures).toContain('vm@azure-host-1');
      expect(d.failures[0]).toMatch(/^kernel@fabrikam-pool-vm[12]$/);
    }
  });
});

describe('a local admin (admin-ann), no failures', () => {
  it('on the pooled pool reaches every co-resident user\u2019s profile and data', () => {
    const result = simulate('single-org-pooled', { from: ['admin-ann'] });
    expect(reachedDataIds(result)).toEqual(
      [
        'contoso-finance',
        'contoso-team-share',
        ...['alice', 'bob', 'admin-ann', ...Array.from({ length: 10 }, (_, i) => `contoso-workers#${i + 1}`)].map((u) => `contoso-profiles/${u}`),
      ].sort(),
    );
    for (const d of result.data) expect(d.failures).toEqual([]);
  });

  it('on a personal desktop reaches only her own profile and the share she is authorized for', () => {
    const result = simulate('admins-personal', { from: ['admin-ann'] });
    expect(reachedDataIds(result)).toEqual(['contoso-profiles/admin-ann', 'contoso-team-share']);
    expect(result.availability.map((a) => a.vm)).toEqual(['admin-desktops-admin-ann']);
  });
});

describe('fabrikam\u2019s tenant admin (fabrikam-it)', () => {
  it('reaches contoso\u2019s data with no failure when the tenant is shared', () => {
    const result = simulate('cross-org-shared', { from: ['fabrikam-it'] });
    expect(dataOf(result, 'contoso')).toEqual(ALL_CONTOSO);
    expect(result.failedInstances).toBe(0);
  });

  it('reaches no contoso data in separate tenants and subscriptions, unless the tenant or subscription boundary fails', () => {
    expect(dataOf(simulate('cross-org-separated', { from: ['fabrikam-it'] }), 'contoso')).toEqual([]);
    const acrossTenant = simulate('cross-org-separated', { from: ['fabrikam-it'], fail: ['tenant'] });
    expect(dataOf(acrossTenant, 'contoso')).toEqual(ALL_CONTOSO);
    expect(acrossTenant.data.find((d) => d.id === 'contoso-profiles/alice')!.failures).toEqual(['tenant@contoso-directory']);
    const acrossSubscription = simulate('cross-org-separated', { from: ['fabrikam-it'], fail: ['subscription'] });
    expect(acrossSubscription.data.find((d) => d.id === 'contoso-finance')!.failures).toEqual(['subscription@contoso-subscription']);
  });
});

describe('the internet with a browser sandbox escape', () => {
  it.each(['cross-org-shared', 'cross-org-separated'] as const)('reaches both organizations\u2019 data in %s', (model) => {
    const result = simulate(model, { from: ['internet'], fail: ['browser'] });
    expect(result.summary.exposedOrganizations).toEqual(['contoso', 'fabrikam']);
    expect(dataOf(result, 'contoso')).toEqual(ALL_CONTOSO);
    expect(dataOf(result, 'fabrikam')).toContain('fabrikam-designs');
    expect(result.data.find((d) => d.id === 'contoso-finance')!.failures).toEqual(['browser@edge']);
  });

  it('reaches nothing without the failure', () => {
    expect(simulate('cross-org-shared', { from: ['internet'] }).data).toEqual([]);
  });
});

describe('controls', () => {
  it('exposes the session hosts to the internet only with Reverse Connect off and the network boundary failed', () => {
    const vms = (question: Question) => simulate('cross-org-shared', question).availability.map((a) => a.vm);
    const all = ['shared-pool-vm1', 'shared-pool-vm2', 'shared-pool-vm3', 'shared-pool-vm4'];
    expect(vms({ from: ['internet'], fail: ['network'] })).toEqual([]);
    expect(vms({ from: ['internet'], fail: ['network'], controls: { reverseConnect: false } })).toEqual(all);
    const result = simulate('cross-org-shared', { from: ['internet'], fail: ['network'], controls: { reverseConnect: false } });
    expect(result.scenario.controls.reverseConnect).toBe(false);
    expect(dataOf(result, 'contoso')).toEqual(ALL_CONTOSO);
  });

  it('with Credential Guard on, a kernel failure no longer yields credential memory; vsm must fail too', () => {
    const contosoCredentials = (question: Question) =>
      simulate('cross-org-shared', question).organizations.find((o) => o.id === 'contoso')!.reached.credentials;
    const memory = (question: Question) =>
      reachedNodeIds(prepareBundled('cross-org-shared'), question).filter((id) => id.endsWith('/credentials'));
    const kernel = { from: ['mallory'], fail: ['kernel'] };
    const guarded = { ...kernel, controls: { credentialGuard: true } };
    // alice and the 12 workers sit on the pool; contoso-it has no session, so no credential in memory.
    expect(contosoCredentials(kernel)).toBe(13);
    expect(memory(kernel)).toHaveLength(4);
    // Credential Guard empties the credential memory the kernel reaches; contoso's 13 credentials are
    // still reached, each on its user's device: the pool states no RDP properties, so drives are
    // redirected (AVD's default) and every controlled session writes to its user's device.
    expect(contosoCredentials(guarded)).toBe(13);
    expect(memory(guarded)).toEqual([]);
    expect(contosoCredentials({ ...guarded, fail: ['kernel', 'vsm'] })).toBe(13);
    expect(memory({ ...guarded, fail: ['kernel', 'vsm'] })).toHaveLength(4);
  });
});

describe('impacts and footholds', () => {
  it('gives read only, when a store is reached only through a reader', () => {
    const result = simulate('cross-org-shared', { from: ['contoso-workers#1'] });
    const finance = result.data.find((d) => d.id === 'contoso-finance')!;
    expect(finance.impacts).toEqual(['read']);
    expect(finance.path.map((h) => h.to)).toEqual(['contoso-workers#1/session', 'contoso-finance']);
    // alice is a writer: full control.
    expect(simulate('cross-org-shared', { from: ['alice'] }).data.find((d) => d.id === 'contoso-finance')!.impacts).toEqual(['read', 'tamper', 'deny']);
  });

  it('resolves a group to its members and an organization to its standard users', () => {
    const prepared = prepareBundled('cross-org-shared');
    const workers = Array.from({ length: 6 }, (_, i) => `fabrikam-workers#${i + 1}`);
    expect(ask(prepared, { from: ['fabrikam-workers'] }).footholds).toEqual(workers);
    // fabrikam-it is a tenant admin, not a standard user.
    expect(ask(prepared, { from: ['fabrikam'] }).footholds).toEqual([...workers, 'mallory'].sort());
  });

  it('does not call an organization without standard users an unknown foothold', () => {
    // cross-org-shared's organizations all have standard users; here gamma has only its tenant admin.
    const prepared = prepareText(THREE_ORGS);
    const outcome = whatIf(prepared, { name: 't', from: ['gamma'], fail: [], controls: {} });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]!.message).toContain('gamma');
    expect(outcome.problems[0]!.message).not.toMatch(/unknown foothold/);
  });

  it('rejects unknown footholds and failure specs, suggesting the closest name', () => {
    const outcome = whatIf(prepareBundled('cross-org-shared'), { name: 't', from: ['mallry'], fail: ['session', 'kernal'], controls: {} });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((p) => [p.field, p.index])).toEqual([
      ['from', 0],
      ['fail', 1],
    ]);
    expect(outcome.problems[0]!.message).toContain('`mallry`');
    expect(outcome.problems[0]!.message).toContain('did you mean `mallory`');
    expect(outcome.problems[1]!.message).toContain('`kernal`');
    expect(outcome.problems[1]!.message).toContain('did you mean `kernel`');
  });
});
