// Persistence of what a what-if reaches: a node is held `persistent` when some traversable control
// edge into it, from a controlled node, lasts (a stolen reusable credential, control of the principal
// itself, a directory's control); `whileSignedIn` when every such edge only lasts as long as a session.

import type { CompiledGraph } from '../compile/compile.js';
import type { ReachResult } from './reach.js';
import type { Scenario } from './scenario.js';

export type Persistence = 'persistent' | 'whileSignedIn';

/**
 * Per node: 1 when the attacker holds it persistently, 0 otherwise (unreached, or held only through
 * edges marked transient). Footholds are persistent: the scenario gives the attacker them outright.
 * `transientRule[r]` is 1 when edges of compiled rule r last only while a session lives.
 *
 * One pass over the edges after reach: no second propagation. Persistence is a property of the last
 * hop, not of the whole path: a tenant admin acting through a live session can still mint lasting
 * access (reset a password, add a credential), which the directory's edges to its principals say.
 * Cost: O(edges).
 */
export function persistentNodes(
  compiled: Pick<CompiledGraph, 'nodeCount' | 'edgeCount' | 'sources' | 'targets' | 'access' | 'blockedBy' | 'instance' | 'edgeRule'>,
  result: Pick<ReachResult, 'controlled' | 'parentEdge'>,
  scenario: Scenario,
  transientRule: Uint8Array,
): Uint8Array {
  const persistent = new Uint8Array(compiled.nodeCount);
  const { controlled, parentEdge } = result;
  for (let v = 0; v < compiled.nodeCount; v++) if (controlled[v] === 1 && parentEdge[v] === -1) persistent[v] = 1;
  const { sources, targets, access, blockedBy, instance, edgeRule } = compiled;
  for (let e = 0; e < compiled.edgeCount; e++) {
    if (access[e] !== 0 || controlled[sources[e]!] !== 1) continue;
    if ((blockedBy[e]! & scenario.controls) !== 0) continue;
    const i = instance[e]!;
    if (i >= 0 && scenario.failed[i] !== 1) continue;
    if (transientRule[edgeRule[e]!] === 1) continue;
    persistent[targets[e]!] = 1;
  }
  return persistent;
}

/** Per compiled rule code: 1 when the rule's edges are transient (its id is in `ruleIds`). */
export function transientRuleMask(compiled: Pick<CompiledGraph, 'ruleIds'>, transientIds: ReadonlySet<string>): Uint8Array {
  return Uint8Array.from(compiled.ruleIds, (id) => (transientIds.has(id) ? 1 : 0));
}
