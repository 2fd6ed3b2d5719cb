// models/msp-hosting.yaml, worked by hand: a provider (northwind) hosts contoso and fabrikam, each in
// its own tenant, subscription and pooled host pool; the provider's admins (group northwind-admins,
// member nadia-admin) hold Contributor on both customer subscriptions through Azure Lighthouse
// (which delegates no Owner) — on fabrikam's only PIM-eligible; fabrikam's fiona is a B2B guest in
// contoso's tenant with a RemoteApp seat on contoso-pool; contoso-pool's hosts carry a managed
// identity with Storage Account Contributor on resource group contoso-avd (contoso-pool,
// contoso-profiles, contoso-finance).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import { ROOT, prepareBundled, prepareText } from '../support/model.js';
import { depthsFrom, setsFrom } from './support.js';

const CUSTOMER_DATA = ['contoso-finance', 'contoso-profiles/alice', 'contoso-profiles/bob', 'fabrikam-designs', 'fabrikam-profiles/fiona', 'fabrikam-profiles/fred'];

describe('msp-hosting: the provider\u2019s compromised admin', () => {
  const prepared = prepareBundled('msp-hosting');

  it('reaches every store of both customers with no failure, tenant boundaries notwithstanding', () => {
    // nadia-admin → northwind-admins (group-membership) → contoso-subscription (Lighthouse Contributor,
    // role-scope-control) → every contoso store (subscription-control) and contoso-pool's VMs;
    // for fabrikam the same through the PIM activation node. No tenant or subscription boundary is
    // on the way: delegation is a sanctioned path into the customer's tenant.
    const depths = depthsFrom(prepared, ['nadia-admin']);
    for (const id of CUSTOMER_DATA) expect(depths.get(id), id).toBe(0);
  });

  it('shows the Lighthouse path to contoso-finance, and marks fabrikam\u2019s role as PIM-eligible', () => {
    const outcome = analyzeDepth(prepared, { from: ['nadia-admin'], by: 'type', order: 2, controls: {}, maxSets: 5 });
    if (!outcome.ok) throw new Error('depth rejected');
    const hops = (id: string) => outcome.result.data.find((d) => d.id === id)!.witnesses[0]!.path.map((h) => h.to);
    expect(hops('contoso-finance')).toEqual(['northwind-admins', 'contoso-subscription', 'contoso-finance']);
    expect(hops('fabrikam-designs')).toEqual(['northwind-admins', 'role-assignment:2/activation', 'fabrikam-subscription', 'fabrikam-designs']);
    expect(prepared.nodes[prepared.compiled.nodeIndex.get('role-assignment:2/activation')!]!.label).toBe(
      'Contributor on fabrikam-subscription, PIM-eligible: activated by any member of northwind-admins with their own credentials and MFA',
    );
  });

  it('is reached from nadia\u2019s laptop too: her standard account\u2019s device holds her admin account\u2019s tokens', () => {
    // nadia/device → nadia-admin/credential (linked-accounts) → nadia-admin (credential-use).
    const depths = depthsFrom(prepared, ['nadia/device']);
    for (const id of CUSTOMER_DATA) expect(depths.get(id), id).toBe(0);
    // nadia herself (the account, not her device) holds no role: she reaches no customer data.
    const own = depthsFrom(prepared, ['nadia']);
    for (const id of CUSTOMER_DATA) expect(own.get(id) ?? null, id).toBeNull();
  });
});

describe('msp-hosting: the B2B guest', () => {
  const prepared = prepareBundled('msp-hosting');

  it('puts fabrikam one failure from contoso: fiona\u2019s RemoteApp session shares contoso-pool', () => {
    // fiona floats on contoso-pool next to alice and bob: a kernel, process or session failure on
    // a contoso host reaches their sessions and profiles; a user (NTFS) failure their profiles.
    // contoso-finance (a share alice uses) needs alice's session — kernel, process or session —
    // and a kernel failure also hands over the hosts' managed identity, which lists the storage keys.
    const depths = depthsFrom(prepared, ['fiona']);
    expect(depths.get('contoso-profiles/alice')).toBe(1);
    expect(depths.get('contoso-finance')).toBe(1);
    expect(setsFrom(prepared, ['fiona'], 'contoso-finance')).toContainEqual(['kernel']);
    expect(setsFrom(prepared, ['fiona'], 'contoso-profiles/bob')).toContainEqual(['session']);
  });

  it('without the guest seat, the same fabrikam user is two failures (kernel, then VM escape) from contoso', () => {
    const text = readFileSync(`${ROOT}models/msp-hosting.yaml`, 'utf8')
      .replace('    assignments: [fiona]\n', '    assignments: []\n')
      .replace('guests:\n  - user: fiona\n    tenant: contoso-directory\n', '');
    const separated = prepareText(text);
    const depths = depthsFrom(separated, ['fiona']);
    expect(depths.get('contoso-finance')).toBe(2);
    expect(setsFrom(separated, ['fiona'], 'contoso-finance')).toEqual([['kernel', 'vm']]);
  });

  it('lets fabrikam\u2019s tenant admin reach contoso through fiona with one failure and no tenant failure', () => {
    // fabrikam-it → fabrikam-directory → fiona (her home tenant controls her) → her contoso session.
    const sets = setsFrom(prepared, ['fabrikam-it'], 'contoso-profiles/alice');
    expect(sets).toContainEqual(['session']);
    expect(sets.every((s) => !s.includes('tenant') || s.length === 1)).toBe(true);
  });
});
