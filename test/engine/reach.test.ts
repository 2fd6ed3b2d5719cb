// Single-scenario reachability: examples, agreement with the reference fixpoint (sets, access and
// shortest explanation lengths), real explanation paths, and monotonicity in failures and controls.

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCESS_MODES } from '../../src/model/types.js';
import { CONTROL_NAMES } from '../../src/domain/controls.js';
import type { Controls } from '../../src/domain/controls.js';
import { controlledNodes, explainPath, reach, ReachBuffers, reachedNodes } from '../../src/engine/reach.js';
import type { Hop, ReachResult } from '../../src/engine/reach.js';
import { allFailed, controlMask, failInstances, isTraversable, noFailures } from '../../src/engine/scenario.js';
import type { CompiledGraph } from '../../src/compile/compile.js';
import { compileEdges, instance, node } from './build.js';
import { compileCase, controlsOn, NUM_RUNS, randomCase } from './arbitrary.js';
import { instancesOf, refReach } from './reference.js';

const NONE: Controls = { reverseConnect: false, credentialGuard: false, mfa: false };

function ids(c: CompiledGraph, indices: Int32Array): string[] {
  return [...indices].map((v) => c.nodeIds[v]!);
}

describe('reach', () => {
  const c = compileEdges([
    ['mallory', 'session'],
    ['session', 'proc'],
    ['proc', 'kernel', 'kernel@vm1'],
    ['kernel', 'alice-session'],
    { from: 'proc', to: 'share', access: 'read' },
    { from: 'kernel', to: 'share', access: 'tamper' },
    { from: 'share', to: 'beyond' },
    { from: 'proc', to: 'kernel', access: 'deny' },
  ]);
  const mallory = [node(c, 'mallory')];

  it('controls through control edges only and only accesses through the others', () => {
    const r = reach(c, mallory, { failed: noFailures(c), controls: 0 });
    expect(ids(c, controlledNodes(r))).toEqual(['mallory', 'proc', 'session']);
    expect(ids(c, reachedNodes(r))).toEqual(['kernel', 'mallory', 'proc', 'session', 'share']);
    expect(r.access[node(c, 'share')]).toBe(1 << ACCESS_MODES.indexOf('read'));
    expect(r.access[node(c, 'kernel')]).toBe(1 << ACCESS_MODES.indexOf('deny'));
  });

  it('explains with the fewest hops, control first', () => {
    const failed = failInstances(c, [instance(c, 'kernel@vm1')]);
    const r = reach(c, mallory, { failed, controls: 0 });
    expect(ids(c, reachedNodes(r))).toEqual(['alice-session', 'kernel', 'mallory', 'proc', 'session', 'share']);
    expect(r.access[node(c, 'share')]).toBe((1 << ACCESS_MODES.indexOf('read')) | (1 << ACCESS_MODES.indexOf('tamper')));
    const path = explainPath(c, r, node(c, 'alice-session'))!;
    expect(path.map((hop) => [c.nodeIds[hop.from], c.nodeIds[hop.to], hop.boundary, hop.instance])).toEqual([
      ['mallory', 'session', null, null],
      ['session', 'proc', null, null],
      ['proc', 'kernel', 'kernel', 'kernel@vm1'],
      ['kernel', 'alice-session', null, null],
    ]);
    expect(explainPath(c, r, node(c, 'share'))!.map((hop) => hop.access)).toEqual(['control', 'control', 'read']);
    expect(explainPath(c, r, node(c, 'mallory'))).toEqual([]);
    expect(explainPath(c, r, node(c, 'beyond'))).toBeNull();
  });

  it('agrees with the reference fixpoint, and every explanation is a real shortest path', () => {
    fc.assert(
      fc.property(randomCase, fc.infiniteStream(fc.boolean()), ({ graph, sources, controls }, coin) => {
        const c = compileCase(graph);
        const failedIds = instancesOf(graph).filter(() => coin.next().value);
        const scenario = { failed: failInstances(c, failedIds.map((id) => instance(c, id))), controls: controlMask(controls) };
        const r = reach(c, sources.map((s) => node(c, s)), scenario);
        const ref = refReach(graph, sources, new Set(failedIds), controlsOn(controls));
        expect(ids(c, controlledNodes(r))).toEqual([...ref.controlled].sort());
        expect(ids(c, reachedNodes(r))).toEqual([...ref.reached].sort());
        for (const v of ref.reached) {
          const modes = ACCESS_MODES.filter((mode, i) => ((r.access[node(c, v)]! >>> i) & 1) === 1);
          expect(modes).toEqual(ACCESS_MODES.filter((mode) => ref.access.get(v)!.has(mode)));
          const path = explainPath(c, r, node(c, v))!;
          expect(path.length).toBe(ref.distance.get(v));
          expectRealPath(c, r, path, sources.map((s) => node(c, s)), node(c, v));
          for (const hop of path) expect(isTraversable(c, scenario, hop.edge)).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('answers the same into reused buffers as into fresh columns, after any earlier answer in them', () => {
    fc.assert(
      fc.property(randomCase, fc.infiniteStream(fc.boolean()), ({ graph, sources, controls }, coin) => {
        const c = compileCase(graph);
        const s = sources.map((id) => node(c, id));
        const buffers = new ReachBuffers(c.nodeCount);
        // Three scenarios in a row into the same buffers: everything failed, a random set, nothing.
        const random = failInstances(c, instancesOf(graph).filter(() => coin.next().value).map((id) => instance(c, id)));
        for (const failed of [allFailed(c), random, noFailures(c)]) {
          const scenario = { failed, controls: controlMask(controls) };
          const fresh = reach(c, s, scenario);
          const reused = reach(c, s, scenario, buffers);
          expect(reused.access).toBe(buffers.access);
          expect([...reused.access]).toEqual([...fresh.access]);
          expect([...reused.parentEdge]).toEqual([...fresh.parentEdge]);
          expect([...reused.controlled]).toEqual([...fresh.controlled]);
          expect([...reused.hops]).toEqual([...fresh.hops]);
          expect(reused.reachedCount).toBe(reachedNodes(fresh).length);
          expect(fresh.reachedCount).toBe(reachedNodes(fresh).length);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('refuses buffers sized for another graph', () => {
    expect(() => reach(c, [node(c, 'mallory')], { failed: allFailed(c), controls: 0 }, new ReachBuffers(c.nodeCount + 1))).toThrow(RangeError);
    expect(() => new ReachBuffers(-1)).toThrow(RangeError);
  });

  it('never shrinks when more boundaries fail or fewer controls are on', () => {
    fc.assert(
      fc.property(randomCase, fc.infiniteStream(fc.boolean()), ({ graph, sources, controls }, coin) => {
        const c = compileCase(graph);
        const s = sources.map((id) => node(c, id));
        const few = instancesOf(graph).filter(() => coin.next().value);
        const more = instancesOf(graph).filter((id) => few.includes(id) || coin.next().value);
        const fewer = Object.fromEntries(CONTROL_NAMES.map((name) => [name, controls[name] && coin.next().value])) as Controls;
        const small = reach(c, s, { failed: failInstances(c, few.map((id) => instance(c, id))), controls: controlMask(controls) });
        const big = reach(c, s, { failed: failInstances(c, more.map((id) => instance(c, id))), controls: controlMask(fewer) });
        expectSubset(small, big);
        expectSubset(reach(c, s, { failed: noFailures(c), controls: controlMask(controls) }), small);
        expectSubset(big, reach(c, s, { failed: allFailed(c), controls: controlMask(NONE) }));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

function expectSubset(small: ReachResult, big: ReachResult): void {
  small.access.forEach((bits, v) => expect(bits & ~big.access[v]!).toBe(0));
  small.controlled.forEach((flag, v) => expect(flag <= big.controlled[v]!).toBe(true));
}

/** Consecutive hops share endpoints, each hop is its edge, all but the last edge grant control. */
function expectRealPath(c: CompiledGraph, r: ReachResult, path: readonly Hop[], sources: number[], target: number): void {
  if (path.length === 0) return void expect(sources).toContain(target);
  expect(sources).toContain(path[0]!.from);
  expect(path[path.length - 1]!.to).toBe(target);
  path.forEach((hop, k) => {
    expect(c.sources[hop.edge]).toBe(hop.from);
    expect(c.targets[hop.edge]).toBe(hop.to);
    if (k > 0) expect(hop.from).toBe(path[k - 1]!.to);
    if (k < path.length - 1) expect(hop.access).toBe('control');
    expect(r.controlled[hop.from]).toBe(1);
  });
}
