// A depth finding whose witness path runs through a bridge (bridges.ts) gives the bridge's fix and
// points at it. A fresh user's trial: a separated model (own tenant, subscription and pool per
// customer) whose provider held a Lighthouse-delegated role over each customer got "separate the
// organizations … a separate identity tenant, subscription and host pools" — advice it already followed.

import { describe, expect, it } from 'vitest';
import { crossOrgDepth } from '../../src/policy/cross-org-depth.js';
import { at, bundledContext, run } from './helpers.js';

describe('depth findings name the bridge on their path', () => {
  // models/msp-hosting.yaml: fabrikam has its own tenant and subscription, but the provider's group
  // `northwind-admins` holds Contributor (PIM-eligible, through Azure Lighthouse) on
  // `fabrikam-subscription` (roleAssignments entry at line 124): northwind reaches fabrikam's data
  // with no failure through that role. The fix is to remove the role, and the finding says so first;
  // the other bridges (into contoso) are not on this data's path and are not named.
  it('fabrikam-profiles: remove northwind-admins\u2019 Contributor on fabrikam-subscription', () => {
    const finding = run(crossOrgDepth, bundledContext('msp-hosting')).find((f) => f.asset === 'fabrikam-profiles');
    expect(finding).toBeDefined();
    expect(finding!.fix).toMatch(/^Remove Contributor from `northwind-admins` on `fabrikam-subscription`/);
    expect(finding!.fix).not.toContain('contoso-subscription');
    expect(finding!.fix).not.toContain('Separate the organizations');
    const bridge = finding!.related.find((r) => r.message.startsWith('the attack path runs through a bridge'));
    expect(bridge && at({ ...finding!, location: bridge.location })).toBe('models/msp-hosting.yaml:124:5');
  });

  // The same model: fabrikam's user `fiona` is a B2B guest in contoso's tenant (guests entry at line
  // 98) with a seat on contoso's pooled `contoso-pool`. contoso's standard users reach
  // fabrikam-designs with one co-residency failure, through fiona's session on that pool: the guest
  // bridge runs from fabrikam (the data's own organization) into contoso, and it is the one to
  // remove. A fresh user's trial: only the shared pool was named.
  it('fabrikam-designs: the guest seat of fabrikam\u2019s own user on contoso\u2019s pool is named with its fix', () => {
    const finding = run(crossOrgDepth, bundledContext('msp-hosting')).find((f) => f.asset === 'fabrikam-designs');
    expect(finding).toBeDefined();
    expect(finding!.fix).toContain('keep the guest off contoso\u2019s session hosts');
    const guest = finding!.related.find((r) => r.message.includes('`fiona` of fabrikam is a B2B guest'));
    expect(guest && at({ ...finding!, location: guest.location })).toBe('models/msp-hosting.yaml:98:5');
  });

  // models/cross-org-shared.yaml has no bridge: its findings keep the fix of the shared entities.
  it('a path through no bridge keeps the fix of the shared pool, tenant and subscription', () => {
    const findings = run(crossOrgDepth, bundledContext('cross-org-shared'));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.related.some((r) => r.message.includes('bridge'))).toBe(false);
  });
});
