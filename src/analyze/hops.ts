// Engine hops (node and edge indices) → report hops (ids, labels, the rule that made the edge).

import type { Hop as EngineHop } from '../engine/reach.js';
import { edgeRule, type PreparedModel } from './prepared.js';
import type { Hop } from './what-if-types.js';

export function toHop(prepared: PreparedModel, hop: EngineHop): Hop {
  const { compiled } = prepared;
  return {
    from: compiled.nodeIds[hop.from]!,
    to: compiled.nodeIds[hop.to]!,
    label: prepared.nodes[hop.to]!.label,
    boundary: hop.boundary,
    instance: hop.instance,
    rule: edgeRule(compiled, hop.edge),
  };
}
