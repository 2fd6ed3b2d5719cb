// A defense-depth finding, shared by every policy that sets a minimum depth: the victim data store's
// entry as the location (for another organization's profile containers, the store's; for an `extra`
// data node, its entry under `extra.nodes`), the shared entities on the witness path as related locations and as the fix.

import { formatSets } from '../report/sets-text.js';
import type { DepthTarget, PolicyContext, StoreDepth } from './context.js';
import type { FindingDraft } from './policy.js';
import { bridgesOnPath, fixForJoins, joinsOnPath, relatedLocations, type Join } from './joins.js';
import type { Bridge } from './bridges.js';

export interface ShallowAttacker {
  /** Foothold name for comparisons: an organization id, `internet`, a custom policy's footholds. */
  readonly attacker: string;
  /** How the message names it: "fabrikam's standard users". */
  readonly label: string;
  readonly depth: StoreDepth;
  /** The minimum this attacker is held to, when it differs from the finding's (admins: minDepthFromAdmins). */
  readonly minimum?: number;
}

/** Attackers are listed shallowest first; the witness of the shallowest one decides the fix. */
export function depthFinding(
  context: PolicyContext,
  target: DepthTarget,
  attackers: readonly ShallowAttacker[],
  minDepth: number,
  /** The end of the message: "at least 2 are required between organizations". */
  requirement: string,
  fallbackFix: string,
): FindingDraft {
  const sorted = [...attackers].sort((a, b) => (a.depth.depth ?? Infinity) - (b.depth.depth ?? Infinity));
  const { store } = target;
  const reachedBy = sorted.map(
    ({ label, depth, minimum }) =>
      `${failures(depth.depth ?? 0)} from ${label}${depth.readOnly === true ? ' for control (tamper, deny: they may only read it)' : ''} (via ${formatSets(depth.sets, depth.setCount)}${minimum !== undefined && minimum !== minDepth ? `; at least ${minimum} required from them` : ''})`,
  );
  const joins: Join[] = [];
  const bridges: Bridge[] = [];
  for (const { depth } of sorted) {
    for (const join of joinsOnPath(context, depth.path)) if (!joins.some((j) => j.entity === join.entity)) joins.push(join);
    for (const bridge of bridgesOnPath(context, depth.path)) {
      // Only bridges that touch the data's organization, on either side: the path may pass others on
      // its way. Its own identity on another organization's hosts (a guest seat, an admin's sign-in)
      // carries its data to whoever controls those hosts (a fresh user's trial: a guest's seat on a
      // shared pool exposed its organization's HR database, and only the pool was named).
      const touches = bridge.into.includes(target.organization) || bridge.from === target.organization;
      if (touches && !bridges.some((b) => b.entity === bridge.entity)) bridges.push(bridge);
    }
  }
  // A bridge on the path is the first thing to remove: separating tenants and subscriptions does not
  // help while an identity of one organization holds control in the other (a fresh user's trial:
  // a separated model with a Lighthouse-delegated role got "separate the organizations").
  const bridgeFix = bridges.map((b) => b.fix).join(' ');
  const joinFix = joins.length === 0 ? '' : fixForJoins(joins, '');
  const fix = isContainers(target)
    ? [containerFix(target), bridgeFix, joinFix].filter((part) => part !== '').join(' ')
    : bridges.length > 0
      ? [bridgeFix, joinFix].filter((part) => part !== '').join(' ')
      : fixForJoins(joins, fallbackFix);
  return {
    asset: target.id,
    message: `${describeTarget(target)} ${isContainers(target) ? 'fall' : 'falls'} to ${reachedBy.join('; ')}; ${requirement}.`,
    fix,
    location: context.locate(target.entity),
    related: [...bridges.map((b) => ({ location: context.locate(b.entity), message: `the attack path runs through a bridge: ${b.what}` })), ...relatedLocations(context, joins)],
    depths: sorted.map(({ attacker, depth }) => ({ attacker, depth: depth.depth })),
    minDepth,
  };
}

/**
 * "Data store `x` (contoso, restricted)"; for an `extra` data node: "Extra data node `legacy-db`
 * (fabrikam, confidential)"; for containers: "The profile containers of contoso's users in `x`
 * (northwind's FSLogix store, confidential)".
 */
export function describeTarget(target: DepthTarget): string {
  const { store } = target;
  if (target.entity.startsWith('extra.nodes/')) return `Extra data node \`${target.entity.slice('extra.nodes/'.length)}\` (${store.organization}, ${store.classification})`;
  return !isContainers(target)
    ? `Data store \`${store.id}\` (${store.organization}, ${store.classification})`
    : `The profile containers of ${target.organization}\u2019s users in \`${store.id}\` (${store.organization}\u2019s FSLogix store, ${store.classification})`;
}

function isContainers(target: DepthTarget): boolean {
  return target.id !== target.store.id;
}

/** Another organization's containers in a profile store: they belong on a share of their own organization's. */
function containerFix(target: DepthTarget): string {
  return `Move ${target.organization}\u2019s profile containers out of \`${target.store.id}\` onto an FSLogix share of ${target.organization}\u2019s own storage account, in its own subscription: one profile share per organization, so that no share\u2019s user boundary or storage key joins them.`;
}

function failures(n: number): string {
  return n === 0 ? 'no boundary failure' : n === 1 ? '1 boundary failure' : `${n} boundary failures`;
}

/** Attackers of `store` whose depth is known and below `minDepth`. */
export function below(depth: StoreDepth | undefined, minDepth: number): depth is StoreDepth & { depth: number } {
  return depth !== undefined && depth.depth !== null && depth.depth < minDepth;
}
