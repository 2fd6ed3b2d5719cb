import { describe, expect, it } from 'vitest';
import { noCrossTenantAdminOnSharedPool } from '../../src/policy/no-cross-tenant-admin-on-shared-pool.js';
import { assets, at, contextOfText, run } from './helpers.js';
import { sharedPoolModel } from './identity-models.js';

describe('policy no-cross-tenant-admin-on-shared-pool', () => {
  it('flags a Lighthouse Contributor and a guest Virtual Machine Contributor over the shared pool, at their assignments', () => {
    const context = contextOfText(
      sharedPoolModel(`roleAssignments:
  - {principal: provider-admin, role: Contributor, scope: host-sub, delegation: lighthouse}
  - {principal: guest-admin, role: Virtual Machine Contributor, scope: shared}
`),
    );
    const findings = run(noCrossTenantAdminOnSharedPool, context);
    expect(assets(findings)).toEqual(['provider-admin@shared', 'guest-admin@shared']);
    const lighthouse = findings.find((f) => f.asset === 'provider-admin@shared')!;
    expect(at(lighthouse)).toBe('test-model.yaml:42:5');
    expect(lighthouse.message).toContain('delegated through Azure Lighthouse');
    expect(lighthouse.message).toContain('host and guestorg');
  });

  it('holds for a cross-tenant admin of a single-organization pool, and for the pool tenant\u2019s own admins', () => {
    const context = contextOfText(
      sharedPoolModel(`roleAssignments:
  - {principal: provider-admin, role: Owner, scope: own}
  - {principal: hanna, role: Owner, scope: host-sub}
`),
    );
    expect(assets(run(noCrossTenantAdminOnSharedPool, context))).toEqual([]);
  });
});
