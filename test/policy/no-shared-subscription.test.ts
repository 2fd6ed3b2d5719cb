import { describe, expect, it } from 'vitest';
import { noSharedSubscription } from '../../src/policy/no-shared-subscription.js';
import { at, bundledContext, run } from './helpers.js';

describe('policy no-shared-subscription', () => {
  it('flags a subscription holding two organizations\u2019 resources, at its entry', () => {
    const [finding, ...rest] = run(noSharedSubscription, bundledContext('cross-org-shared'));
    expect(rest).toEqual([]);
    expect(finding!.asset).toBe('shared-subscription');
    expect(at(finding!)).toBe('models/cross-org-shared.yaml:20:9');
    expect(finding!.fix).toContain('one subscription per organization');
  });

  it('holds with one subscription per organization', () => {
    expect(run(noSharedSubscription, bundledContext('cross-org-separated'))).toEqual([]);
  });
});
