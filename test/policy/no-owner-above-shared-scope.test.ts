import { describe, expect, it } from 'vitest';
import { noOwnerAboveSharedScope } from '../../src/policy/no-owner-above-shared-scope.js';
import { assets, at, contextOfText, run } from './helpers.js';
import { sharedPoolModel } from './identity-models.js';

describe('policy no-owner-above-shared-scope', () => {
  it('flags Owner and User Access Administrator on the subscription whose pool serves two organizations', () => {
    const context = contextOfText(
      sharedPoolModel(`roleAssignments:
  - {principal: hanna, role: Owner, scope: host-sub}
  - {principal: hanna, role: User Access Administrator, scope: shared}
  - {principal: hanna, role: Virtual Machine Contributor, scope: host-sub}
`),
    );
    const findings = run(noOwnerAboveSharedScope, context);
    // Virtual Machine Contributor cannot assign roles: not this policy's concern.
    expect(assets(findings)).toEqual(['hanna:Owner@host-sub', 'hanna:User Access Administrator@shared']);
    expect(at(findings.find((f) => f.asset === 'hanna:Owner@host-sub')!)).toBe('test-model.yaml:42:5');
  });

  it('holds for Owner on a scope of one organization', () => {
    const own = contextOfText(sharedPoolModel(`roleAssignments:\n  - {principal: gus, role: Owner, scope: guest-sub}\n`));
    expect(assets(run(noOwnerAboveSharedScope, own))).toEqual([]);
  });
});
