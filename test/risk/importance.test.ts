// Importance measures: exact per type against brute force with the type's probability set to 0 and
// 1, hand-checked on a two-route graph, and per instance when failures are per type.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BOUNDARY_TYPES, type BoundaryType } from '../../src/domain/boundary.js';
import { depthByType } from '../../src/engine/depth-by-type.js';
import { controlMask } from '../../src/engine/scenario.js';
import { exactInstanceImportanceByType, exactTypeImportance, reachedUnion } from '../../src/risk/exact.js';
import { compileCase, controlsOn, randomCase } from '../engine/arbitrary.js';
import { compileEdges, node } from '../engine/build.js';
import { bruteForceByType } from './support.js';

const NONE = controlMask({ reverseConnect: false, credentialGuard: false, mfa: false });

function typeProbability(p: Partial<Record<BoundaryType, number>>): Float64Array {
  return Float64Array.from(BOUNDARY_TYPES, (t) => p[t] ?? 0.5);
}

describe('importance per boundary type (failures per type, exact)', () => {
  it('matches brute force with the type held and failed', () => {
    fc.assert(
      fc.property(
        randomCase,
        fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 11, maxLength: 11 }),
        fc.nat(),
        (c, probs, pick) => {
          const compiled = compileCase(c.graph);
          const sources = c.sources.map((s) => node(compiled, s));
          const top = c.graph.nodes[pick % c.graph.nodes.length]!;
          const result = depthByType(compiled, sources, controlMask(c.controls));
          const probability = Float64Array.from(probs);
          const ranked = exactTypeImportance(result, probability, reachedUnion(result, [node(compiled, top)]));
          const at = (override: Partial<Record<BoundaryType, number>>) =>
            bruteForceByType(c.graph, c.sources, controlsOn(c.controls), (t) => override[t] ?? probs[BOUNDARY_TYPES.indexOf(t)]!).get(top)!;
          const p = at({});
          for (const imp of ranked) {
            const fails = at({ [imp.type]: 1 });
            const holds = at({ [imp.type]: 0 });
            expect(imp.birnbaum).toBeCloseTo(fails - holds, 10);
            expect(imp.reduction).toBeCloseTo(p - holds, 10);
            if (p > 1e-9) {
              expect(imp.fussellVesely).toBeCloseTo((p - holds) / p, 8);
              expect(imp.raw).toBeCloseTo(fails / p, 8);
            }
          }
          // Sorted: largest expected reduction first.
          for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.reduction).toBeGreaterThanOrEqual(ranked[i]!.reduction - 1e-15);
        },
      ),
      { numRuns: 150, seed: 3 },
    );
  });

  it('ranks a single-failure route above a two-failure route', () => {
    // mallory → data via {kernel}, or via {session, user}.
    const c = compileEdges([
      ['mallory', 'proc'],
      ['proc', 'kernel', 'kernel@vm1'],
      ['kernel', 'data'],
      ['proc', 'other', 'session@vm1'],
      ['other', 'data', 'user@vm1'],
    ]);
    const r = depthByType(c, [node(c, 'mallory')], NONE);
    const p = typeProbability({ kernel: 0.2, session: 0.1, user: 0.1 });
    const ranked = exactTypeImportance(r, p, reachedUnion(r, [node(c, 'data')]));
    expect(ranked.map((i) => i.type)).toEqual(['kernel', 'session', 'user']);
    const total = 1 - (1 - 0.2) * (1 - 0.1 * 0.1);
    const kernel = ranked[0]!;
    expect(kernel.reduction).toBeCloseTo(total - 0.01, 12);
    expect(kernel.birnbaum).toBeCloseTo(1 - 0.01, 12);
    expect(kernel.raw).toBeCloseTo(1 / total, 12);
    expect(ranked[1]!.birnbaum).toBeCloseTo(0.8 * 0.1, 12);
  });
});

describe('importance per instance with failures per type', () => {
  it('hardening one of two parallel kernels leaves the other; the shared hypervisor is critical', () => {
    const c = compileEdges([
      ['mallory', 'vm1-user'],
      ['mallory', 'vm2-user'],
      ['vm1-user', 'vm1', 'kernel@vm1'],
      ['vm2-user', 'vm2', 'kernel@vm2'],
      ['vm1', 'host', 'vm@host'],
      ['vm2', 'host', 'vm@host'],
      ['host', 'victim'],
    ]);
    const sources = [node(c, 'mallory')];
    const p = typeProbability({ kernel: 0.4, vm: 0.01 });
    const list = exactInstanceImportanceByType(c, sources, NONE, p, [node(c, 'victim')], [0, 1, 2]);
    const byId = new Map(list.map((i) => [i.id, i]));
    expect(byId.get('vm@host')!.fussellVesely).toBeCloseTo(1, 12);
    expect(byId.get('vm@host')!.reduction).toBeCloseTo(0.004, 12);
    expect(byId.get('kernel@vm1')!.reduction).toBeCloseTo(0, 12);
    // Forcing kernel@vm1 failed leaves only the hypervisor: P = 0.01, RAW = 0.01 / 0.004.
    expect(byId.get('kernel@vm1')!.raw).toBeCloseTo(2.5, 10);
    expect(list[0]!.id).toBe('vm@host');
  });
});
