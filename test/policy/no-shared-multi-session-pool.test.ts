import { describe, expect, it } from 'vitest';
import { noSharedMultiSessionPool } from '../../src/policy/no-shared-multi-session-pool.js';
import { at, bundledContext, contextOfText, run } from './helpers.js';

describe('policy no-shared-multi-session-pool', () => {
  it('flags the pooled pool serving both organizations, with a user of each as related locations', () => {
    const [finding, ...rest] = run(noSharedMultiSessionPool, bundledContext('cross-org-shared'));
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('shared-pool');
    expect(at(finding!)).toBe('models/cross-org-shared.yaml:25:9');
    expect(finding!.related.map((r) => `${r.location.line} ${r.message}`)).toEqual([
      '38 user `alice` of contoso signs in to `shared-pool`',
      '48 user `mallory` of fabrikam signs in to `shared-pool`',
    ]);
  });

  it('holds with a pool per organization, and in single-organization models', () => {
    expect(run(noSharedMultiSessionPool, bundledContext('cross-org-separated'))).toEqual([]);
    expect(run(noSharedMultiSessionPool, bundledContext('single-org-pooled'))).toEqual([]);
  });

  // Seats given by application groups are sign-ins like `hostPool`: `ann` (contoso) has her own
  // personal desktop and a seat on pooled `apps` through group `contoso-staff`; `gus` (fabrikam) signs
  // in to `apps` through an application group only. Both organizations share `apps`' multi-session
  // hosts, which the guide does not support — the policy read only `users[].hostPool` and passed.
  it('counts users seated by application groups (through groups), not only by `hostPool`', () => {
    const context = contextOfText(`name: test
organizations:
  - id: contoso
  - id: fabrikam
tenants:
  - id: directory
    organizations: [contoso, fabrikam]
subscriptions:
  - id: sub
    tenant: directory
    organizations: [contoso, fabrikam]
hostPools:
  - id: desks
    subscription: sub
    type: personal
  - id: apps
    subscription: sub
    type: pooled
users:
  - id: ann
    organization: contoso
    hostPool: desks
  - id: gus
    organization: fabrikam
groups:
  - id: contoso-staff
    organization: contoso
    members: [ann]
applicationGroups:
  - id: apps-desktop
    hostPool: apps
    assignments: [contoso-staff, gus]
`);
    const [finding, ...rest] = run(noSharedMultiSessionPool, context);
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('apps');
    expect(finding!.message).toContain('users of contoso and fabrikam');
  });
});
