import { describe, expect, it } from 'vitest';
import { noDomainAdminOnPooledHosts } from '../../src/policy/no-domain-admin-on-pooled-hosts.js';
import { acme } from '../support/model.js';
import { assets, at, contextOfText, run } from './helpers.js';

const MODEL = (joined: string) =>
  acme(`hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
  - id: desks
    subscription: acme-sub
    type: personal
users:
  - id: dana
    organization: acme
    hostPool: pool
  - id: dirk
    organization: acme
    hostPool: desks
  - id: worker
    organization: acme
    hostPool: pool
groups:
  - id: tier0
    organization: acme
    members: [dana, dirk]
domains:
  - id: corp
    organizations: [acme]
    hostPools: [${joined}]
roleAssignments:
  - {principal: tier0, role: Domain Admins, scope: corp}
`);

describe('policy no-domain-admin-on-pooled-hosts', () => {
  it('flags a Domain Admin (through a group) signing in to a pooled pool joined to the domain, at the user', () => {
    const findings = run(noDomainAdminOnPooledHosts, contextOfText(MODEL('pool, desks')));
    expect(assets(findings)).toEqual(['dana@pool']);
    expect(findings[0]!.message).toContain('through group `tier0`');
    expect(at(findings[0]!)).toBe('test-model.yaml:19:9');
  });

  it('holds when the pooled pool is not joined to that domain (a personal desktop is not this policy\u2019s concern)', () => {
    expect(assets(run(noDomainAdminOnPooledHosts, contextOfText(MODEL('desks'))))).toEqual([]);
  });
});
