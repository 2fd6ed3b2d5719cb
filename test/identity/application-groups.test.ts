// Application groups and Entra groups: who gets a session on which host pool. A user assigned to a
// Desktop application group of one pool and a RemoteApp group of another has a session in each, so
// co-residents of both pools sit one failure away.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeStrings, prepareText } from '../support/model.js';
import { depthsFrom } from './support.js';

const TWO_POOLS = acme(`
hostPools:
  - id: desk
    subscription: acme-sub
    type: pooled
    vms: 2
    apps: [office]
  - id: apps
    subscription: acme-sub
    type: pooled
    vms: 1
    apps: [erp, edge]
apps:
  - id: office
  - id: erp
  - id: edge
    browser: true
groups:
  - id: staff
    organization: acme
    members: [finance]
  - id: finance
    organization: acme
    members: [eve]
users:
  - id: eve
    organization: acme
  - id: dora
    organization: acme
    hostPool: desk
  - id: rick
    organization: acme
    hostPool: apps
applicationGroups:
  - id: desk-desktop
    hostPool: desk
    assignments: [staff]
  - id: apps-erp
    hostPool: apps
    type: remoteApp
    apps: [erp]
    assignments: [finance]
data:
  - id: profiles
    organization: acme
    location: fslogixProfile
    users: [eve, dora, rick]
`);

describe('application groups: a user in two pools', () => {
  const built = buildModelText(TWO_POOLS);

  it('gives eve (through nested groups) a session on each pool, with that application group\u2019s apps', () => {
    const seats = built.deployment.seats.filter((s) => s.member.id === 'eve');
    // Her first pool (the Desktop group, first in the file) keeps the plain session id.
    expect(seats.map((s) => [s.pool.id, s.session, s.apps.map((a) => a.id)])).toEqual([
      ['desk', 'eve/session', ['office']],
      ['apps', 'eve/apps/session', ['erp']],
    ]);
    expect(edgeStrings(built.graph, 'user-session').filter((e) => e.startsWith('eve '))).toEqual([
      'eve -> eve/apps/session [user-session]',
      'eve -> eve/session [user-session]',
    ]);
    // The RemoteApp group publishes erp only: eve never runs the pool's browser there.
    expect(edgeStrings(built.graph, 'browser').some((e) => e.includes('eve/'))).toBe(false);
  });

  it('places each of her sessions in that pool\u2019s hubs, and her profile on both pools', () => {
    const placement = edgeStrings(built.graph, 'placement');
    expect(placement).toContain('eve/session -> desk/any-host [placement]');
    expect(placement).toContain('eve/apps/session -> apps/any-host [placement]');
    expect(placement).toContain('desk/floating-sessions -> eve/session [placement]');
    expect(placement).toContain('apps/floating-sessions -> eve/apps/session [placement]');
    expect(placement).toContain('desk/floating-profiles -> profiles/eve [placement]');
    expect(placement).toContain('apps/floating-profiles -> profiles/eve [placement]');
  });

  it('reaches the co-residents of both pools at depth 1, and her own profile from either session', () => {
    const depths = depthsFrom(prepareText(TWO_POOLS), ['eve']);
    // dora shares desk with eve, rick shares apps with eve: one session/kernel/process failure each.
    expect(depths.get('profiles/dora')).toBe(1);
    expect(depths.get('profiles/rick')).toBe(1);
    expect(depths.get('profiles/eve')).toBe(0);
  });

  it('links members to their groups and nested groups to their parents; the directory controls both', () => {
    expect(edgeStrings(built.graph, 'group-membership')).toEqual([
      'acme-dir -> finance [group-membership]',
      'acme-dir -> staff [group-membership]',
      'eve -> finance [group-membership]',
      'finance -> staff [group-membership]',
    ]);
  });
});

describe('groups with unlisted members', () => {
  const built = buildModelText(
    acme(`
hostPools:
  - id: desk
    subscription: acme-sub
    type: pooled
groups:
  - id: crew
    organization: acme
    count: 3
applicationGroups:
  - id: desk-desktop
    hostPool: desk
    assignments: [crew]
`),
  );

  it('adds `count` standard users of the group\u2019s organization, each with a session where the group is assigned', () => {
    const ids = built.deployment.allMembers.map((m) => m.id);
    expect(ids).toEqual(['crew/members#1', 'crew/members#2', 'crew/members#3']);
    expect(built.deployment.seats.map((s) => s.session)).toEqual([
      'crew/members#1/session',
      'crew/members#2/session',
      'crew/members#3/session',
    ]);
    expect(edgeStrings(built.graph, 'group-membership')).toContain('crew/members#2 -> crew [group-membership]');
  });
});

describe('application group checks', () => {
  it('reports a RemoteApp group publishing an app its pool lacks, and apps on a desktop group, at their positions', async () => {
    const { parseModel } = await import('../../src/model/load-model.js');
    const text = acme(`
hostPools:
  - id: desk
    subscription: acme-sub
    type: pooled
    apps: [office]
apps:
  - id: office
  - id: erp
applicationGroups:
  - id: ra
    hostPool: desk
    type: remoteApp
    apps: [office, erp]
  - id: dt
    hostPool: desk
    apps: [office]
    assignments: [nobody]
`);
    const parsed = parseModel(text, 'm.yaml');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => `${i.location.line}:${i.location.column} ${i.message}`)).toEqual([
      '24:20 application group `ra` publishes app `erp`, which is not installed on host pool `desk` (add it to the pool\u2019s `apps`)',
      '27:11 application group `dt` is a desktop group: it publishes the whole desktop of its host pool, so `apps` has no effect; use `type: remoteApp` to publish single apps',
      '28:19 application group `dt` references unknown user or group `nobody`',
    ]);
  });
});
