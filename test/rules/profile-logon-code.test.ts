// Rule `profile-logon-code`: profiles on a VM yield the sessions on it, and each FSLogix container
// yields its owner's session (code at next sign-in), so a failed user boundary leads to sessions.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeRecords, edgeStrings, prepareText, reachedNodeIds } from '../support/model.js';

const text = acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    vms: 2
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: bob
    organization: acme
    hostPool: pool
  - id: remote
    organization: acme
data:
  - id: profiles
    organization: acme
    location: fslogixProfile
    users: [ann, bob, remote]
`);

describe('rule profile-logon-code', () => {
  const { graph } = buildModelText(text);

  it('links each VM\u2019s profiles to its sessions, and each container to its owner\u2019s session', () => {
    expect(edgeStrings(graph, 'profile-logon-code')).toEqual([
      'pool-vm1/profiles -> pool-vm1/sessions [profile-logon-code]',
      'pool-vm2/profiles -> pool-vm2/sessions [profile-logon-code]',
      'profiles/ann -> ann/session [profile-logon-code]',
      'profiles/bob -> bob/session [profile-logon-code]',
    ]);
    for (const edge of edgeRecords(graph, 'profile-logon-code')) expect(edge).toMatchObject({ boundary: null, access: 'control', blockedBy: null });
  });

  it('takes ann from bob\u2019s profile to bob\u2019s session only when the user boundary fails', () => {
    const prepared = prepareText(text);
    expect(reachedNodeIds(prepared, { from: ['ann'] })).not.toContain('bob/session');
    const reached = reachedNodeIds(prepared, { from: ['ann'], fail: ['user'] });
    expect(reached).toContain('profiles/bob');
    expect(reached).toContain('bob/session');
    expect(reached).toContain('bob');
  });
});
