// AD DS: one forest `corp` shared by two organizations of different Entra tenants (contoso, fabrikam),
// each with its own subscription and pooled pool, both pools hybrid-joined to corp; Entra Connect on.
// dana is a Domain Admin who also signs in to contoso's pool.

import { describe, expect, it } from 'vitest';
import { buildModelText, edgeStrings, prepareText } from '../support/model.js';
import { depthsFrom, setsFrom } from './support.js';

const MODEL = `name: shared-forest
organizations: [{id: contoso}, {id: fabrikam}]
tenants:
  - {id: contoso-dir, organizations: [contoso]}
  - {id: fabrikam-dir, organizations: [fabrikam]}
subscriptions:
  - {id: contoso-sub, tenant: contoso-dir, organizations: [contoso]}
  - {id: fabrikam-sub, tenant: fabrikam-dir, organizations: [fabrikam]}
hostPools:
  - {id: cpool, subscription: contoso-sub, type: pooled}
  - {id: fpool, subscription: fabrikam-sub, type: pooled}
users:
  - {id: alice, organization: contoso, hostPool: cpool}
  - {id: dana, organization: contoso, hostPool: cpool}
  - {id: fred, organization: fabrikam, hostPool: fpool}
domains:
  - id: corp
    organizations: [contoso, fabrikam]
    hostPools: [cpool, fpool]
    controllers: 1
roleAssignments:
  - {principal: dana, role: Domain Admins, scope: corp}
data:
  - {id: cprofiles, organization: contoso, location: fslogixProfile, users: [alice, dana]}
  - {id: fprofiles, organization: fabrikam, location: fslogixProfile, users: [fred]}
`;

describe('AD DS: one forest shared by two tenants', () => {
  const { graph } = buildModelText(MODEL);

  it('gives the domain its controller, its Entra Connect server, every joined host and every account', () => {
    expect(edgeStrings(graph, 'domain-control')).toEqual([
      'corp -> alice [domain-control]',
      'corp -> corp/dc1 [domain-control]',
      'corp -> cpool-vm1 [domain-control]',
      'corp -> dana [domain-control]',
      'corp -> fpool-vm1 [domain-control]',
      'corp -> fred [domain-control]',
      'corp/dc1 -> corp [domain-control]',
      'dana -> corp [domain-control]',
    ]);
    expect(edgeStrings(graph, 'entra-connect')).toEqual(['corp -> corp/entra-connect [entra-connect]', 'corp/entra-connect -> corp [entra-connect]']);
  });

  it('a Domain Admin reaches the other tenant\u2019s data with no failure: the shared forest joins them', () => {
    expect(depthsFrom(prepareText(MODEL), ['dana']).get('fprofiles')).toBe(0);
  });

  it('a Domain Admin\u2019s session on a joined pooled host is an administrator\u2019s: co-residents fall with no failure', () => {
    expect(edgeStrings(graph, 'joined-host-admins')).toEqual(['dana/session -> cpool/any-host-admin [joined-host-admins]']);
    // Anyone who takes over a host dana signs in to (one kernel failure from alice) gets the forest.
    expect(setsFrom(prepareText(MODEL), ['alice'], 'fprofiles')).toContainEqual(['kernel']);
  });
});
