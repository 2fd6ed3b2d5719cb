// A defense-depth finding, shared by every policy that sets a minimum depth: the victim data store's
// entry as the location, the shared entities on the witness path as related locations and as the fix.

import { authorizationOf, type Authorization } from '../analyze/authorization.js';
import type { Deployment } from '../compile/deployment.js';
import type { DataStore } from '../model/types.js';
import { formatSets } from '../report/sets-text.js';
import type { PolicyContext, StoreDepth } from './context.js';
import type { FindingDraft } from './policy.js';
import { fixForJoins, joinsOnPath, relatedLocations, type Join } from './joins.js';

export interface ShallowAttacker {
  /** Foothold name for comparisons: an organization id, `internet`, a custom policy's footholds. */
  readonly attacker: string;
  /** How the message names it: "fabrikam's standard users". */
  readonly label: string;
  readonly depth: StoreDepth;
}

/** Attackers are listed shallowest first; the witness of the shallowest one decides the fix. */
export function depthFinding(
  context: PolicyContext,
  attackers: readonly ShallowAttacker[],
  minDepth: number,
  /** The end of the message: "at least 2 are required between organizations". */
  requirement: string,
  fallbackFix: string,
): FindingDraft {
  const sorted = [...attackers].sort((a, b) => (a.depth.depth ?? Infinity) - (b.depth.depth ?? Infinity));
  const first = sorted[0]!.depth;
  const store = context.prepared.model.data.find((d) => d.id === first.store);
  const organization = store?.organization ?? first.organization;
  const classification = store?.classification ?? first.classification;
  const reachedBy = sorted.map(({ label, depth }) => `${failures(depth.depth ?? 0)} from ${label} (via ${formatSets(depth.sets, depth.setCount)})`);
  const joins: Join[] = [];
  for (const { depth } of sorted) {
    for (const join of joinsOnPath(context, depth.path)) if (!joins.some((j) => j.entity === join.entity)) joins.push(join);
  }
  return {
    asset: first.store,
    message: `Data store \`${first.store}\` (${organization}, ${classification}) falls to ${reachedBy.join('; ')}; ${requirement}.`,
    fix: fixForJoins(joins, fallbackFix),
    location: context.locate(`data/${first.store}`),
    related: relatedLocations(context, joins),
    depths: sorted.map(({ attacker, depth }) => ({ attacker, depth: depth.depth })),
    minDepth,
  };
}

function failures(n: number): string {
  return n === 0 ? 'no boundary failure' : n === 1 ? '1 boundary failure' : `${n} boundary failures`;
}

/**
 * Organizations authorized for a store (src/analyze/authorization.ts: its own, those its access names
 * through listings, groups and data roles, and those the model's `trust` joins to it). Their standard
 * users reach it legitimately, so they are not its attackers.
 */
export function authorizedOrganizations(context: PolicyContext, store: DataStore): ReadonlySet<string> {
  let authorization = AUTHORIZATIONS.get(context.prepared.deployment);
  if (authorization === undefined) AUTHORIZATIONS.set(context.prepared.deployment, (authorization = authorizationOf(context.prepared.deployment)));
  return new Set(authorization.organizationsForStore(store));
}

const AUTHORIZATIONS = new WeakMap<Deployment, Authorization>();

/** Attackers of `store` whose depth is known and below `minDepth`. */
export function below(depth: StoreDepth | undefined, minDepth: number): depth is StoreDepth & { depth: number } {
  return depth !== undefined && depth.depth !== null && depth.depth < minDepth;
}
