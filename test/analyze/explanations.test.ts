// Every explanation the simulator reports is a real path in the graph with exactly the failed
// instances it crosses, for random footholds, failures and controls on every bundled model.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { WhatIfResult } from '../../src/analyze/what-if-types.js';
import { BOUNDARY_TYPES } from '../../src/domain/boundary.js';
import { BUNDLED_MODELS, ask, prepareBundled } from '../support/model.js';
import { expectRealExplanations } from '../support/explanations.js';

const FOOTHOLDS = ['internet', 'mallory', 'alice', 'admin-ann', 'fabrikam-it', 'contoso-workers', 'bob'];

describe('explanation paths', () => {
  it('are real paths for any scenario on any bundled model', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BUNDLED_MODELS),
        fc.subarray(FOOTHOLDS, { minLength: 1 }),
        fc.subarray([...BOUNDARY_TYPES]),
        fc.boolean(),
        fc.boolean(),
        (model, from, fail, reverseConnect, credentialGuard) => {
          const prepared = prepareBundled(model);
          const known = from.filter((f) => prepared.deployment.members.has(f) || prepared.graph.hasNode(f));
          fc.pre(known.length > 0);
          const result = ask(prepared, { from: known, fail, controls: { reverseConnect, credentialGuard } });
          expectRealExplanations(prepared.graph, result);
        },
      ),
      { numRuns: 100 },
    );
  });

  describe('the checker itself rejects a doctored explanation', () => {
    const prepared = prepareBundled('cross-org-shared');
    const real = ask(prepared, { from: ['mallory'], fail: ['kernel'] });
    const finance = real.data.findIndex((d) => d.id === 'contoso-finance');
    const doctor = (change: (d: WhatIfResult['data'][number]) => object): WhatIfResult => ({
      ...real,
      data: real.data.map((d, i) => (i === finance ? ({ ...d, ...change(d) } as typeof d) : d)),
    });

    it('accepts the real one', () => {
      expect(finance).toBeGreaterThanOrEqual(0);
      expect(() => expectRealExplanations(prepared.graph, real)).not.toThrow();
    });
    it('rejects a skipped hop', () => {
      expect(() => expectRealExplanations(prepared.graph, doctor((d) => ({ path: d.path.filter((_, i) => i !== 1) })))).toThrow();
    });
    it('rejects a hop credited to the wrong rule', () => {
      expect(() =>
        expectRealExplanations(prepared.graph, doctor((d) => ({ path: d.path.map((h, i) => (i === 0 ? { ...h, rule: 'placement' } : h)) }))),
      ).toThrow();
    });
    it('rejects failures that do not match the path', () => {
      expect(() => expectRealExplanations(prepared.graph, doctor(() => ({ failures: [] })))).toThrow();
    });
    it('rejects a crossed instance the scenario did not fail', () => {
      expect(() => expectRealExplanations(prepared.graph, { ...real, scenario: { ...real.scenario, fail: ['session'] } })).toThrow();
    });
  });
});
