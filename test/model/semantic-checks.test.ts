// The checks that need more than one key: ids, references and the topology rules. Each fixture
// is BASE (helpers.ts, 24 lines) plus the rows shown, whose line numbers are in the comments.

import { describe, expect, it } from 'vitest';
import { issuesOf, lines, modelOf, withBase } from './helpers.js';

describe('ids', () => {
  it('must be unique across all collections; the second is reported and names the first', () => {
    expect(
      issuesOf(
        withBase(
          'apps:', // 25
          '  - id: contoso', // 26
          'users:', // 27
          '  - id: pool1', // 28
          '    organization: contoso', // 29
        ),
      ),
    ).toEqual([
      'm.yaml:26:9: duplicate id `contoso`: organization `contoso` at 3:9 already has it (ids are unique across the whole model)',
      'm.yaml:28:9: duplicate id `pool1`: host pool `pool1` at 18:9 already has it (ids are unique across the whole model)',
    ]);
  });

  it('are reported in file order, even when a collection comes before the one it clashes with', () => {
    expect(
      issuesOf(
        lines(
          'users:', // 1
          '  - id: a', // 2
          '    organization: a', // 3
          'name: x', // 4
          'organizations: [{id: a}]', // 5
          'tenants: [{id: t, organizations: [a]}]', // 6
        ),
      ),
    ).toEqual([
      'm.yaml:5:22: duplicate id `a`: user `a` at 2:9 already has it (ids are unique across the whole model)',
    ]);
  });

  it('may not take the built-in node ids `internet` and `web`', () => {
    expect(issuesOf(withBase('apps: [{id: web}]', 'extra:', '  nodes: [{id: internet, kind: network}]'))).toEqual([
      'm.yaml:25:13: app id `web` is reserved for a built-in node',
      'm.yaml:27:16: extra node id `internet` is reserved for a built-in node',
    ]);
  });

  it.each(['a b', 'a@b', 'a/b', 'a#b', 'a:b', '-a', '.a', ''])('reject `%s` (characters kept for derived ids)', (bad) => {
    const issues = issuesOf(withBase(`apps: [{id: ${JSON.stringify(bad)}}]`));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(/^m\.yaml:25:13: id `.*` of `apps\[0\]` is not valid: an id starts with a letter or digit/);
  });

  it('accept letters, digits, dots, underscores and dashes', () => {
    const model = modelOf(withBase('apps: [{id: Word_2.0-x}, {id: 7zip}]'));
    expect(model.apps.map((app) => app.id)).toEqual(['Word_2.0-x', '7zip']);
  });
});

describe('references', () => {
  it('must name an entity of the right collection, with a suggestion from that collection', () => {
    expect(
      issuesOf(
        withBase(
          'users:', // 25
          '  - id: alice', // 26
          '    organization: contoso', // 27
          '    hostPool: pool', // 28: close to `pool1`
          '  - id: bob', // 29
          '    organization: contoso', // 30
          '    hostPool: contos', // 31: close to the organization `contoso`, but that is no host pool
        ),
      ),
    ).toEqual([
      'm.yaml:28:15: user `alice` references unknown host pool `pool` (did you mean `pool1`?)',
      'm.yaml:31:15: user `bob` references unknown host pool `contos`',
    ]);
  });

  it('are checked in every collection that has them', () => {
    expect(
      issuesOf(
        withBase(
          'physicalHosts: [{id: h, hostPools: [pool2]}]', // 25
          'apps: [{id: office}]', // 26
          'users:', // 27
          '  - {id: alice, organization: contoso, apps: [ofice]}', // 28
          'data:', // 29
          '  - id: share', // 30
          '    organization: contoso', // 31
          '    location: share', // 32
          '    users: [alice, bob]', // 33
          '    readers: [alise]', // 34
          '    subscription: sub-contso', // 35
          'extra:', // 36
          '  nodes: [{id: n, kind: vm, organization: fabrikan}]', // 37
        ),
      ),
    ).toEqual([
      'm.yaml:25:37: physical host `h` references unknown host pool `pool2` (did you mean `pool1`?)',
      'm.yaml:28:47: user `alice` references unknown app `ofice` (did you mean `office`?)',
      'm.yaml:33:20: data store `share` references unknown user `bob`',
      'm.yaml:34:15: data store `share` references unknown user `alise` (did you mean `alice`?)',
      'm.yaml:35:19: data store `share` references unknown subscription `sub-contso` (did you mean `sub-contoso`?)',
      'm.yaml:37:43: extra node `n` references unknown organization `fabrikan` (did you mean `fabrikam`?)',
    ]);
  });

  // A fresh user listed a group in a share's `users`: the id exists, as a group, so the message says
  // that and how to grant a group access, instead of "unknown user" with no hint.
  it('say so when the id names an entity of another collection (a group where a user is expected)', () => {
    expect(
      issuesOf(
        lines(
          'name: x',
          'organizations: [{id: a}]',
          'tenants: [{id: t, organizations: [a]}]',
          'subscriptions: [{id: s, tenant: t, organizations: [a]}]',
          'users: [{id: u, organization: a}]',
          'groups: [{id: staff, organization: a, members: [u]}]',
          'data: [{id: d, organization: a, location: share, subscription: s, users: [staff]}]',
        ),
      ),
    ).toEqual([
      'm.yaml:7:75: data store `d` references unknown user `staff` (`staff` is in `groups`, not a user: list its members here, or give the group a role in `roleAssignments` (a data role such as `Storage File Data SMB Share Reader` on a share))',
    ]);
  });

  it('from a subscription to its tenant', () => {
    expect(issuesOf(lines('name: x', 'organizations: [{id: a}]', 'tenants: [{id: t, organizations: [a]}]', 'subscriptions: [{id: s, tenant: tt, organizations: [a]}]'))).toEqual([
      'm.yaml:4:33: subscription `s` references unknown tenant `tt` (did you mean `t`?)',
    ]);
  });
});

describe('tenancy', () => {
  it('every organization is in some tenant', () => {
    expect(issuesOf(lines('name: x', 'organizations: [{id: a}, {id: b}]', 'tenants: [{id: t, organizations: [a]}]'))).toEqual([
      'm.yaml:2:31: organization `b` is in no tenant: list it in the `organizations` of exactly one tenant',
    ]);
  });

  it('and in only one', () => {
    expect(
      issuesOf(
        lines(
          'name: x', // 1
          'organizations: [{id: a}]', // 2
          'tenants:', // 3
          '  - {id: t1, organizations: [a]}', // 4
          '  - {id: t2, organizations: [a]}', // 5
        ),
      ),
    ).toEqual(['m.yaml:5:30: organization `a` is in tenant `t1` and in tenant `t2`: every organization is in exactly one tenant']);
  });

  it('says nothing about "no tenant" when a tenant could not be read', () => {
    expect(issuesOf(lines('name: x', 'organizations: [{id: a}]', 'tenants: [shared]'))).toEqual([
      'm.yaml:3:11: `tenants[0]` must be a mapping of keys to values, got the string `shared`',
    ]);
  });

  it('a subscription holds only organizations of its tenant', () => {
    const text = withBase().replace('    organizations: [contoso]\n  - id: sub-fabrikam', '    organizations: [contoso, fabrikam]\n  - id: sub-fabrikam');
    expect(issuesOf(text)).toEqual([
      'm.yaml:13:30: subscription `sub-contoso` lists organization `fabrikam`, which is not in its tenant `t-contoso`',
    ]);
  });
});

describe('users', () => {
  it('use host pools of a subscription that includes their organization', () => {
    expect(issuesOf(withBase('users:', '  - {id: mallory, organization: fabrikam, hostPool: pool1}'))).toEqual([
      'm.yaml:26:53: user `mallory` of organization `fabrikam` uses host pool `pool1`, whose subscription `sub-contoso` does not include organization `fabrikam` (invite the user into tenant `t-contoso` under `guests` if they are a B2B guest)',
    ]);
  });

  it('a subscriptionOwner names the subscription it owns', () => {
    expect(issuesOf(withBase('users:', '  - {id: o, organization: contoso, privilege: subscriptionOwner}'))).toEqual([
      'm.yaml:26:47: user `o` is a `subscriptionOwner` but sets no `subscription` to own',
    ]);
    expect(
      modelOf(withBase('users:', '  - {id: o, organization: contoso, privilege: subscriptionOwner, subscription: sub-contoso}'))
        .users[0]?.subscription,
    ).toBe('sub-contoso');
  });

  it('other privileges do not set `subscription`', () => {
    expect(issuesOf(withBase('users:', '  - {id: a, organization: contoso, privilege: localAdmin, subscription: sub-contoso}'))).toEqual([
      'm.yaml:26:73: user `a` sets `subscription` `sub-contoso`, but only a `subscriptionOwner` owns one (its privilege is `localAdmin`)',
    ]);
  });

  it('pin a `vm` only with a host pool', () => {
    expect(issuesOf(withBase('users:', '  - {id: a, organization: contoso, vm: 1}'))).toEqual([
      'm.yaml:26:40: user `a` pins `vm` 1 but has no `hostPool`',
    ]);
  });

  it('pin a `vm` only in a pooled pool', () => {
    expect(issuesOf(withBase('users:', '  - {id: a, organization: contoso, hostPool: desks, vm: 1}'))).toEqual([
      'm.yaml:26:57: user `a` pins `vm` 1, but host pool `desks` is personal (one VM per user): only users of a pooled pool can be pinned',
    ]);
  });

  it('pin a `vm` no higher than the pool\u2019s `vms`', () => {
    expect(issuesOf(withBase('users:', '  - {id: a, organization: contoso, hostPool: pool1, vm: 3}'))).toEqual([
      'm.yaml:26:57: user `a` pins `vm` 3, but host pool `pool1` has only 2 VMs',
    ]);
    expect(modelOf(withBase('users:', '  - {id: a, organization: contoso, hostPool: pool1, vm: 2}')).users[0]?.vm).toBe(2);
  });
});

describe('one mistake, one issue', () => {
  it('an unknown host pool is not also reported by the checks that read the pool', () => {
    expect(issuesOf(withBase('users:', '  - {id: a, organization: fabrikam, hostPool: nope, vm: 9}'))).toEqual([
      'm.yaml:26:47: user `a` references unknown host pool `nope`',
    ]);
  });

  it('an invalid privilege is not also reported by the subscription-owner check', () => {
    expect(issuesOf(withBase('users:', '  - {id: a, organization: contoso, privilege: owner, subscription: sub-contoso}'))).toEqual([
      'm.yaml:26:47: `privilege` of user `a` must be one of `standard`, `localAdmin`, `tenantAdmin`, `subscriptionOwner`, got `owner`',
    ]);
  });
});

describe('profile stores', () => {
  it('take no readers: each container is read only in its own user\u2019s session', () => {
    expect(
      issuesOf(
        withBase(
          'users:', // 25
          '  - id: alice', // 26
          '    organization: contoso', // 27
          '  - id: bob', // 28
          '    organization: contoso', // 29
          'data:', // 30
          '  - id: profiles', // 31
          '    organization: contoso', // 32
          '    location: fslogixProfile', // 33
          '    users: [alice]', // 34
          '    readers: [bob]', // 35
        ),
      ),
    ).toEqual([
      'm.yaml:35:14: data store `profiles` is an `fslogixProfile` store: each container is read only in its own user\u2019s session, so `readers` has no effect; model shared reading as a `share`',
    ]);
  });
});
