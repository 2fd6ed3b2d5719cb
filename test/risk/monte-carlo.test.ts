// Monte Carlo against exact answers: with failures per type, sampling type subsets agrees with the
// exact type-subset sum within its interval (a property on random small graphs); with failures per
// instance, it agrees with brute-force enumeration of every instance subset on tiny graphs. Same
// seed, same numbers.
//
// A 95 % interval misses the truth 5 % of the time, so each single check uses a 99.999 % interval
// (z = 4.5) and the 95 % intervals are checked for coverage over all cases together.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_TYPES } from '../../src/domain/boundary.js';
import { depthByType } from '../../src/engine/depth-by-type.js';
import { propagationGraph, reachedRow } from '../../src/engine/propagation-graph.js';
import { controlMask } from '../../src/engine/scenario.js';
import { wilson } from '../../src/risk/estimate.js';
import { reachedUnion, subsetWeights, tableProbability } from '../../src/risk/exact.js';
import { BitSampler } from '../../src/risk/monte-carlo.js';
import { compileCase, controlsOn, denseCase, randomCase, type RandomCase } from '../engine/arbitrary.js';
import { node } from '../engine/build.js';
import { bruteForceByInstance, bruteForceByType } from './support.js';

const STRICT_Z = 4.5;

interface Check {
  readonly exact: number;
  readonly hits: number;
  readonly n: number;
}

/** Every node as its own store, and one group of all of them. */
function samplerFor(c: RandomCase, variableOf: (compiled: ReturnType<typeof compileCase>) => Int32Array, probability: Float64Array, seed: number, words = 2) {
  const compiled = compileCase(c.graph);
  const graph = propagationGraph(compiled, controlMask(c.controls));
  const sources = c.sources.map((s) => node(compiled, s));
  const rows = Array.from({ length: compiled.nodeCount }, (_, v) => [reachedRow(graph, v)]);
  const sampler = new BitSampler(
    { graph, sources, variableOf: variableOf(compiled), probability, storeRows: rows, groups: [rows.map((_, v) => v)] },
    seed,
    words,
  );
  return { compiled, sampler, sources };
}

const typeProbabilitiesArb = fc.array(fc.oneof(fc.double({ min: 0.02, max: 0.98, noNaN: true }), fc.constantFrom(0, 1, 0.5)), {
  minLength: BOUNDARY_TYPES.length,
  maxLength: BOUNDARY_TYPES.length,
});

describe('Monte Carlo with failures per type (sampling type subsets)', () => {
  it('agrees with the exact type-subset answer within its interval', () => {
    const checks: Check[] = [];
    fc.assert(
      fc.property(randomCase, typeProbabilitiesArb, fc.integer({ min: 0, max: 2 ** 31 }), (c, probs, seed) => {
        const probability = Float64Array.from(probs);
        const { compiled, sampler, sources } = samplerFor(c, (g) => Int32Array.from(g.instanceType), probability, seed);
        const samples = 2048;
        while (sampler.samples < samples) sampler.runBatch(samples - sampler.samples);
        expect(sampler.samples).toBe(samples);
        const result = depthByType(compiled, sources, controlMask(c.controls));
        const weights = subsetWeights(result.types, (t) => probability[BOUNDARY_TYPES.indexOf(t)]!);
        for (let v = 0; v < compiled.nodeCount; v++) {
          const exact = tableProbability(reachedUnion(result, [v]), weights);
          const hits = sampler.storeHits[v]!;
          const { low, high } = wilson(hits, samples, STRICT_Z);
          expect(exact, `node ${compiled.nodeIds[v]}: ${hits}/${samples}`).toBeGreaterThanOrEqual(low - 1e-12);
          expect(exact).toBeLessThanOrEqual(high + 1e-12);
          if (exact > 0 && exact < 1) checks.push({ exact, hits, n: samples });
          // A certain or impossible node is certain or impossible in every sample.
          if (exact === 0) expect(hits).toBe(0);
          if (exact === 1) expect(hits).toBe(samples);
        }
        // The union group counts samples with any node reached: at least the most-reached node.
        expect(sampler.groupHits[0]).toBeGreaterThanOrEqual(Math.max(...sampler.storeHits));
      }),
      { numRuns: 120, seed: 20240607 },
    );
    expectCoverage(checks);
  });

  it('matches the reference semantics: the exact sum equals brute force over type subsets', () => {
    fc.assert(
      fc.property(randomCase, typeProbabilitiesArb, (c, probs) => {
        const compiled = compileCase(c.graph);
        const sources = c.sources.map((s) => node(compiled, s));
        const result = depthByType(compiled, sources, controlMask(c.controls));
        const weights = subsetWeights(result.types, (t) => probs[BOUNDARY_TYPES.indexOf(t)]!);
        const reference = bruteForceByType(c.graph, c.sources, controlsOn(c.controls), (t) => probs[BOUNDARY_TYPES.indexOf(t)]!);
        for (const [id, p] of reference) expect(tableProbability(reachedUnion(result, [node(compiled, id)]), weights)).toBeCloseTo(p, 10);
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});

describe('Monte Carlo with failures per instance', () => {
  it('agrees with brute-force enumeration of instance subsets on tiny graphs', () => {
    const checks: Check[] = [];
    fc.assert(
      fc.property(
        fc.oneof(randomCase, denseCase),
        fc.array(fc.oneof(fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.constantFrom(0, 1)), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 4 }),
        (c, probs, seed, words) => {
          const compiled = compileCase(c.graph);
          fc.pre(compiled.instanceCount <= 12);
          const probability = Float64Array.from({ length: compiled.instanceCount }, (_, i) => probs[i]!);
          const { sampler, sources } = samplerFor(c, (g) => Int32Array.from({ length: g.instanceCount }, (_, i) => i), probability, seed, words);
          const samples = 3000;
          while (sampler.samples < samples) sampler.runBatch(samples - sampler.samples);
          const truth = bruteForceByInstance(compiled, sources, controlMask(c.controls), probability);
          for (let v = 0; v < compiled.nodeCount; v++) {
            const hits = sampler.storeHits[v]!;
            const { low, high } = wilson(hits, samples, STRICT_Z);
            expect(truth[v]!).toBeGreaterThanOrEqual(low - 1e-12);
            expect(truth[v]!).toBeLessThanOrEqual(high + 1e-12);
            if (truth[v]! > 1e-12 && truth[v]! < 1 - 1e-12) checks.push({ exact: truth[v]!, hits, n: samples });
          }
        },
      ),
      { numRuns: 100, seed: 99 },
    );
    expectCoverage(checks);
  });
});

describe('determinism', () => {
  const c: RandomCase = {
    graph: {
      nodes: ['a', 'b', 'c', 'd'],
      edges: [
        { from: 'a', to: 'b', instance: 'kernel@x' },
        { from: 'b', to: 'c', instance: 'vm@h' },
        { from: 'a', to: 'd', instance: 'session@x' },
        { from: 'd', to: 'c', instance: 'user@x' },
      ],
    },
    sources: ['a'],
    controls: { reverseConnect: true, credentialGuard: false, mfa: true },
  };
  const probability = Float64Array.from([0.3, 0.2, 0.1, 0.05]);
  const run = (seed: number) => {
    const { sampler } = samplerFor(c, (g) => Int32Array.from({ length: g.instanceCount }, (_, i) => i), probability, seed, 4);
    for (let b = 0; b < 50; b++) sampler.runBatch();
    return [...sampler.storeHits, ...sampler.groupHits];
  };

  it('gives identical counts for the same seed and different ones for another', () => {
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });
});

/** At least 90 % of the 95 % Wilson intervals cover the exact value (expected: about 95 %). */
function expectCoverage(checks: readonly Check[]): void {
  expect(checks.length).toBeGreaterThan(100);
  const covered = checks.filter(({ exact, hits, n }) => {
    const { low, high } = wilson(hits, n);
    return exact >= low && exact <= high;
  }).length;
  expect(covered / checks.length).toBeGreaterThan(0.9);
}
