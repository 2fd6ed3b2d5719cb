// Rule `trusted-launch`: a pool stating `trustedLaunch: false` has no virtualization-based security,
// so with Credential Guard on its kernels still reach credentials directly; other pools need vsm.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeStrings, prepareText, reachedNodeIds } from '../support/model.js';

const text = acme(`
controls:
  credentialGuard: true
hostPools:
  - id: legacy
    subscription: acme-sub
    type: pooled
    trustedLaunch: false
  - id: modern
    subscription: acme-sub
    type: pooled
users:
  - id: ann
    organization: acme
    hostPool: legacy
  - id: bob
    organization: acme
    hostPool: modern
`);

describe('rule trusted-launch', () => {
  it('adds an unblockable kernel → credentials edge on pools without Trusted Launch only', () => {
    expect(edgeStrings(buildModelText(text).graph, 'trusted-launch')).toEqual(['legacy-vm1 -> legacy-vm1/credentials [trusted-launch]']);
  });

  it('makes Credential Guard moot there: a kernel failure yields co-residents\u2019 credentials without vsm', () => {
    const prepared = prepareText(text);
    // ann → … ✗kernel@legacy-vm1 → legacy-vm1/credentials (no vsm needed) → every credential placed there.
    expect(reachedNodeIds(prepared, { from: ['ann'], fail: ['kernel'] })).toContain('legacy-vm1/credentials');
    // bob's pool has Trusted Launch (the default): the same failure stops at the vsm boundary.
    expect(reachedNodeIds(prepared, { from: ['bob'], fail: ['kernel'] })).not.toContain('modern-vm1/credentials');
    expect(reachedNodeIds(prepared, { from: ['bob'], fail: ['kernel', 'vsm'] })).toContain('modern-vm1/credentials');
  });

  it('skips a confidential pool: a confidential VM has Secure Boot and a vTPM of its own', () => {
    // The same legacy pool, made confidential: no trusted-launch edge, so Credential Guard holds and
    // ann's kernel failure stops at vsm@legacy-vm1 as on the modern pool.
    const confidential = text.replace('    trustedLaunch: false\n', '    trustedLaunch: false\n    confidential: true\n');
    expect(edgeStrings(buildModelText(confidential).graph, 'trusted-launch')).toEqual([]);
    const prepared = prepareText(confidential);
    expect(reachedNodeIds(prepared, { from: ['ann'], fail: ['kernel'] })).not.toContain('legacy-vm1/credentials');
    expect(reachedNodeIds(prepared, { from: ['ann'], fail: ['kernel', 'vsm'] })).toContain('legacy-vm1/credentials');
  });
});
