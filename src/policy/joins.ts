// Where an attack path crosses from one organization into another: the shared host pool, identity
// tenant, subscription or physical host on it. Depth findings point there (related locations) and
// turn it into the concrete fix ("give contoso and fabrikam separate host pools").

import type { Hop } from '../analyze/what-if-types.js';
import { modelTrust } from '../analyze/trust.js';
import type { Deployment } from '../compile/deployment.js';
import { findBridges, type Bridge } from './bridges.js';
import type { PolicyContext } from './context.js';
import type { RelatedLocation } from './policy.js';

export interface Join {
  /** EntityLocations key: `hostPools/shared-pool`. */
  readonly entity: string;
  readonly kind: 'hostPool' | 'tenant' | 'subscription' | 'physicalHost';
  readonly id: string;
  /** The organizations it serves, in model order. */
  readonly organizations: readonly string[];
}

/** Entities on the path that serve more than one organization, in path order, each once. */
export function joinsOnPath(context: PolicyContext, path: readonly Hop[]): Join[] {
  const { compiled, nodes: attributes } = context.prepared;
  const nodes = path.length === 0 ? [] : [path[0]!.from, ...path.map((hop) => hop.to)];
  const seen = new Set<string>();
  const joins: Join[] = [];
  for (const node of nodes) {
    const index = compiled.nodeIndex.get(node);
    const entity = index === undefined ? null : (attributes[index]?.entity ?? null);
    if (entity === null || seen.has(entity)) continue;
    seen.add(entity);
    const join = describeJoin(context, entity);
    if (join !== null && join.organizations.length > 1) joins.push(join);
  }
  return joins;
}

const BRIDGES = new WeakMap<Deployment, readonly Bridge[]>();

/**
 * The model's bridges (bridges.ts: a role over another organization's scope, a store in another's
 * subscription, a guest, …) whose subject is a node on the path: the entry itself, one of its members
 * (`entry#2`) or a node derived from it (`entry/session`, `store/member`). A separated deployment's
 * shallow path usually runs through one, and then its fix, not "separate the organizations", is the
 * answer. Bridges are found with the model's own `trust`, once per deployment.
 */
export function bridgesOnPath(context: PolicyContext, path: readonly Hop[]): Bridge[] {
  const { deployment } = context.prepared;
  let bridges = BRIDGES.get(deployment);
  if (bridges === undefined) BRIDGES.set(deployment, (bridges = findBridges(deployment, modelTrust(deployment.model))));
  if (bridges.length === 0 || path.length === 0) return [];
  const nodes = [path[0]!.from, ...path.map((hop) => hop.to)];
  return bridges.filter((bridge) => {
    const subject = /^[^:@]+/.exec(bridge.asset)?.[0] ?? bridge.asset;
    return nodes.some((node) => node === subject || node.startsWith(`${subject}#`) || node.startsWith(`${subject}/`));
  });
}

function describeJoin(context: PolicyContext, entity: string): Join | null {
  const { model, deployment } = context.prepared;
  const [collection = '', id = ''] = splitEntity(entity);
  const inModelOrder = (orgs: Iterable<string>): string[] => {
    const wanted = new Set(orgs);
    return model.organizations.map((o) => o.id).filter((o) => wanted.has(o));
  };
  switch (collection) {
    case 'hostPools': {
      const members = deployment.membersOfPool.get(id) ?? [];
      return { entity, kind: 'hostPool', id, organizations: inModelOrder(members.map((m) => m.user.organization)) };
    }
    case 'tenants': {
      const tenant = model.tenants.find((t) => t.id === id);
      return tenant === undefined ? null : { entity, kind: 'tenant', id, organizations: inModelOrder(tenant.organizations) };
    }
    case 'subscriptions': {
      const subscription = deployment.subscriptionById.get(id);
      return subscription === undefined ? null : { entity, kind: 'subscription', id, organizations: inModelOrder(subscription.organizations) };
    }
    case 'physicalHosts': {
      const host = model.physicalHosts.find((h) => h.id === id);
      if (host === undefined) return null;
      const orgs = host.hostPools.flatMap((pool) => (deployment.membersOfPool.get(pool) ?? []).map((m) => m.user.organization));
      return { entity, kind: 'physicalHost', id, organizations: inModelOrder(orgs) };
    }
    default:
      return null;
  }
}

function splitEntity(entity: string): [string, string] {
  const slash = entity.indexOf('/');
  return [entity.slice(0, slash), entity.slice(slash + 1)];
}

const NOUNS: Readonly<Record<Join['kind'], string>> = {
  hostPool: 'host pool',
  tenant: 'identity tenant',
  subscription: 'subscription',
  physicalHost: 'physical host',
};

export function relatedLocations(context: PolicyContext, joins: readonly Join[]): RelatedLocation[] {
  return joins.map((join) => ({
    location: context.locate(join.entity),
    message: `the attack path crosses ${NOUNS[join.kind]} \`${join.id}\`, shared by ${andList(join.organizations)}`,
  }));
}

/** The concrete fix for each join on the path, or `fallback` when the path crosses none. */
export function fixForJoins(joins: readonly Join[], fallback: string): string {
  if (joins.length === 0) return fallback;
  const steps = joins.map((join) => {
    const orgs = andList(join.organizations);
    switch (join.kind) {
      case 'hostPool':
        return `stop sharing host pool \`${join.id}\` between ${orgs}: give each organization its own host pool`;
      case 'tenant':
        return `give ${orgs} separate identity tenants instead of sharing \`${join.id}\``;
      case 'subscription':
        return `give ${orgs} separate subscriptions instead of sharing \`${join.id}\``;
      case 'physicalHost':
        return `keep ${orgs} off the same physical host \`${join.id}\` (dedicated hosts), so a VM escape cannot join them`;
    }
  });
  return `${capitalize(steps.join('; '))}.`;
}

export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
