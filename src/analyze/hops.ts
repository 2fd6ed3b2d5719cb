// Engine hops (node and edge indices) → report hops (ids, labels, the rule that made the edge).

import type { Hop as EngineHop } from '../engine/reach.js';
import type { PreparedModel } from './prepared.js';
import type { Hop } from './what-if-types.js';

export function toHop(prepared: PreparedModel, hop: EngineHop): Hop {
  const { compiled, graph } = prepared;
  const to = compiled.nodeIds[hop.to]!;
  return {
    from: compiled.nodeIds[hop.from]!,
    to,
    label: graph.getNodeAttribute(to, 'label'),
    boundary: hop.boundary,
    instance: hop.instance,
    rule: graph.getEdgeAttribute(compiled.edgeKey[hop.edge]!, 'rule'),
  };
}
