// The rare-event estimator (Karp–Luby–Madras over minimal cut sets): against the exact probability
// of random DNFs, against brute force on tiny graphs when the cut sets are complete (order = the
// number of instances), at probabilities plain sampling cannot reach, and its importance shares
// against exact Fussell–Vesely values.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depthByInstance } from '../../src/engine/depth-by-instance.js';
import { reachedRow } from '../../src/engine/propagation-graph.js';
import { controlMask } from '../../src/engine/scenario.js';
import { Z95 } from '../../src/risk/estimate.js';
import { karpLubyMadras } from '../../src/risk/karp-luby.js';
import { targetCutSets } from '../../src/risk/cut-sets.js';
import { compileCase, denseCase, randomCase } from '../engine/arbitrary.js';
import { node } from '../engine/build.js';
import { bruteForceByInstance, dnfProbability } from './support.js';

const STRICT_Z = 4.5;

/** A loose containment check: the estimate's 95 % interval widened to z = 4.5 holds the truth. */
function expectWithin(truth: number, estimate: ReturnType<typeof karpLubyMadras>): void {
  const { probability, low, high } = estimate.estimate;
  const widen = STRICT_Z / Z95;
  expect(truth).toBeGreaterThanOrEqual(probability - (probability - low) * widen - 1e-12);
  expect(truth).toBeLessThanOrEqual(probability + (high - probability) * widen + 1e-12);
}

const dnfArb = fc
  .integer({ min: 1, max: 9 })
  .chain((vars) =>
    fc.record({
      probability: fc.array(fc.oneof(fc.double({ min: 0.001, max: 0.9, noNaN: true }), fc.constant(1)), { minLength: vars, maxLength: vars }),
      sets: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: vars - 1 }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 }),
    }),
  );

describe('Karp–Luby–Madras', () => {
  it('estimates the probability of a random DNF within its interval', () => {
    let cases = 0;
    let covered = 0;
    fc.assert(
      fc.property(dnfArb, ({ probability, sets, seed }) => {
        const p = Float64Array.from(probability);
        const truth = dnfProbability(sets, p);
        const r = karpLubyMadras(sets, p, { seed, samples: 4000, precision: 0.05, maxSamples: 4000 });
        expect(r.estimate.method).toBe('rare-event');
        expect(r.union).toBeGreaterThanOrEqual(truth - 1e-12);
        expectWithin(truth, r);
        if (r.estimate.high > r.estimate.low) {
          cases++;
          if (truth >= r.estimate.low && truth <= r.estimate.high) covered++;
        }
      }),
      { numRuns: 200, seed: 11 },
    );
    // The 95 % intervals cover the truth about 95 % of the time (at least 90 % here).
    expect(cases).toBeGreaterThan(100);
    expect(covered / cases).toBeGreaterThan(0.9);
  });

  it('keeps its relative precision at probabilities far below what sampling reaches', () => {
    // Two routes of two failures each at p = 1e-4: P ≈ 2e-8, hopeless for 10^6 plain samples.
    const p = Float64Array.from([1e-4, 1e-4, 1e-4, 1e-4]);
    const sets = [
      [0, 1],
      [2, 3],
    ];
    const truth = dnfProbability(sets, p);
    const r = karpLubyMadras(sets, p, { seed: 3, samples: null, precision: 0.01, maxSamples: 1_000_000 });
    expect(Math.abs(r.estimate.probability - truth) / truth).toBeLessThan(0.02);
    expect(r.estimate.low).toBeLessThanOrEqual(truth);
    expect(r.estimate.high).toBeGreaterThanOrEqual(truth);
    expect(r.estimate.samples).toBeLessThan(100_000);
  });

  it('estimates Fussell–Vesely shares: the part of P removed if a variable never failed', () => {
    fc.assert(
      fc.property(dnfArb, ({ probability, sets, seed }) => {
        const p = Float64Array.from(probability);
        const truth = dnfProbability(sets, p);
        fc.pre(truth > 0);
        const r = karpLubyMadras(sets, p, { seed, samples: 20_000, precision: 0.05, maxSamples: 20_000, importance: true });
        for (let x = 0; x < p.length; x++) {
          const held = Float64Array.from(p);
          held[x] = 0;
          const fv = (truth - dnfProbability(sets, held)) / truth;
          expect(Math.abs(r.share[x]! - fv), `variable ${x}`).toBeLessThan(0.06);
        }
      }),
      { numRuns: 60, seed: 5 },
    );
  });

  it('with complete cut sets agrees with brute force over instance subsets on tiny graphs', () => {
    fc.assert(
      fc.property(
        fc.oneof(randomCase, denseCase),
        fc.array(fc.double({ min: 0.01, max: 0.6, noNaN: true }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        (c, probs, seed) => {
          const compiled = compileCase(c.graph);
          fc.pre(compiled.instanceCount >= 1 && compiled.instanceCount <= 8);
          const probability = Float64Array.from({ length: compiled.instanceCount }, (_, i) => probs[i]!);
          const sources = c.sources.map((s) => node(compiled, s));
          const mask = controlMask(c.controls);
          const cuts = depthByInstance(compiled, sources, mask, { order: compiled.instanceCount });
          const truth = bruteForceByInstance(compiled, sources, mask, probability);
          for (let v = 0; v < compiled.nodeCount; v++) {
            const r = karpLubyMadras(targetCutSets(cuts, [{ node: v, row: reachedRow(cuts.graph, v) }]), probability, { seed, samples: 3000, precision: 0.05, maxSamples: 3000 });
            if (r.cutSets === 0) expect(truth[v]).toBe(0);
            else if (r.estimate.samples === 0) expect(truth[v]).toBeCloseTo(1, 12);
            else expectWithin(truth[v]!, r);
          }
        },
      ),
      { numRuns: 80, seed: 17 },
    );
  });

  it('gives the same estimate for the same seed', () => {
    const p = Float64Array.from([0.1, 0.2, 0.3]);
    const run = (seed: number) => karpLubyMadras([[0, 1], [1, 2], [0, 2]], p, { seed, samples: 5000, precision: 0.05, maxSamples: 5000 }).estimate;
    expect(run(9)).toEqual(run(9));
    expect(run(9)).not.toEqual(run(10));
  });
});
