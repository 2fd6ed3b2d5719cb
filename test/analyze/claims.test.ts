// domain.md's always/never claims on the bundled models, as properties of the what-if: more failures
// never shrink the blast radius, a control never grows it, separation never hurts (claim 7), and an
// insider never becomes the internet.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOUNDARY_TYPES } from '../../src/domain/boundary.js';
import { BUNDLED_MODELS, ask, prepareBundled, reachedDataIds, reachedNodeIds } from '../support/model.js';

const CROSS_ORG_FOOTHOLDS = ['internet', 'mallory', 'alice', 'fabrikam-it', 'contoso-it', 'contoso-workers', 'fabrikam-workers'];
const types = fc.subarray([...BOUNDARY_TYPES]);
const controls = fc.record({ reverseConnect: fc.boolean(), credentialGuard: fc.boolean() });

/** Items of `small` that `big` lacks: [] exactly when small ⊆ big. */
const notIn = (small: readonly string[], big: readonly string[]) => {
  const set = new Set(big);
  return small.filter((x) => !set.has(x));
};

describe('domain claims on the bundled models', () => {
  it('failing more boundaries never shrinks what is reached (claim 6)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUNDLED_MODELS), types, types, controls, (model, fail, more, toggles) => {
        const prepared = prepareBundled(model);
        const from = ['internet', ...[...prepared.deployment.members.keys()].slice(0, 2)];
        const before = reachedNodeIds(prepared, { from, fail, controls: toggles });
        const after = reachedNodeIds(prepared, { from, fail: [...fail, ...more], controls: toggles });
        expect(notIn(before, after)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('turning a control on never grows what is reached (claim 6)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BUNDLED_MODELS), types, controls, fc.constantFrom('reverseConnect', 'credentialGuard'), (model, fail, toggles, control) => {
        const prepared = prepareBundled(model);
        const from = ['internet', ...prepared.deployment.members.keys()];
        const off = reachedNodeIds(prepared, { from, fail, controls: { ...toggles, [control]: false } });
        const on = reachedNodeIds(prepared, { from, fail, controls: { ...toggles, [control]: true } });
        expect(notIn(on, off)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('separate tenants, subscriptions and pools never expose more data than the shared topology (claim 7)', () => {
    fc.assert(
      fc.property(fc.subarray(CROSS_ORG_FOOTHOLDS, { minLength: 1 }), types, controls, (from, fail, toggles) => {
        const separated = reachedDataIds(ask(prepareBundled('cross-org-separated'), { from, fail, controls: toggles }));
        const shared = reachedDataIds(ask(prepareBundled('cross-org-shared'), { from, fail, controls: toggles }));
        expect(notIn(separated, shared)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('an insider never reaches the internet or a malicious website, whatever fails', () => {
    for (const model of BUNDLED_MODELS) {
      const prepared = prepareBundled(model);
      const reached = reachedNodeIds(prepared, { from: [...prepared.deployment.members.keys()], fail: [...BOUNDARY_TYPES], controls: { reverseConnect: false } });
      expect(reached).not.toContain('internet');
      expect(reached).not.toContain('web');
    }
  });
});
