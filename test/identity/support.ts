// Helpers for identity-and-access tests: defense depth by type of every data store from a foothold.

import { analyzeDepth } from '../../src/analyze/depth.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';

/** Data store id → defense depth by boundary type (null: unreachable) from `from`. */
export function depthsFrom(prepared: PreparedModel, from: readonly string[]): Map<string, number | null> {
  const outcome = analyzeDepth(prepared, { from, by: 'type', order: 2, controls: {}, maxSets: 20 });
  if (!outcome.ok) throw new Error(`depth rejected: ${outcome.problems.map((p) => p.message).join('; ')}`);
  return new Map(outcome.result.data.map((d) => [d.id, d.depth] as const));
}

/** Minimal failure sets by type of one data store from `from`. */
export function setsFrom(prepared: PreparedModel, from: readonly string[], id: string): readonly (readonly string[])[] {
  const outcome = analyzeDepth(prepared, { from, by: 'type', order: 2, controls: {}, maxSets: 20 });
  if (!outcome.ok) throw new Error('depth rejected');
  return outcome.result.data.find((d) => d.id === id)?.minimalSets ?? [];
}
