// Foothold names → graph nodes. A name is a node id (`mallory`, `internet`, `alice/device`), a group
// of users (every member of `contoso-workers`), or an organization: any standard user of it.

import type { Deployment } from '../compile/deployment.js';
import type { CompiledGraph } from '../compile/compile.js';
import { ADMIN_EFFECTS, ROLES } from '../domain/roles.js';
import { suggest } from '../model/suggest.js';
import { byString } from '../report/json.js';

export interface UnknownFoothold {
  readonly index: number;
  readonly name: string;
  readonly suggestion: string | undefined;
  /** Set when the name is known but stands for nobody an attacker could start as. */
  readonly reason?: string;
}

export type FootholdResult =
  | { readonly ok: true; readonly nodes: readonly string[] }
  | { readonly ok: false; readonly unknown: readonly UnknownFoothold[] };

export function resolveFootholds(compiled: CompiledGraph, deployment: Deployment, names: readonly string[]): FootholdResult {
  const nodes = new Set<string>();
  const unknown: UnknownFoothold[] = [];
  const orgs = new Set(deployment.model.organizations.map((o) => o.id));
  names.forEach((name, index) => {
    const resolved = resolveOne(compiled, deployment, orgs, name);
    if (resolved.length === 0 && orgs.has(name)) {
      const reason = `organization \`${name}\` has no standard users to start from; name one of its users instead`;
      unknown.push({ index, name, suggestion: undefined, reason });
    } else if (resolved.length === 0) {
      unknown.push({ index, name, suggestion: suggest(name, candidates(compiled, deployment)) });
    }
    for (const node of resolved) nodes.add(node);
  });
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, nodes: [...nodes].sort(byString) };
}

function resolveOne(compiled: CompiledGraph, deployment: Deployment, orgs: ReadonlySet<string>, name: string): string[] {
  if (orgs.has(name)) {
    // An organization node controls nothing; as a foothold it means an insider without special rights.
    return deployment.allMembers
      .filter((m) => m.user.organization === name && m.user.privilege === 'standard')
      .map((m) => m.id);
  }
  const members = deployment.members.get(name);
  if (members !== undefined) return members.map((m) => m.id);
  return compiled.nodeIndex.has(name) ? [name] : [];
}

/** Names worth suggesting: model-level ids and built-in nodes, not every derived node of a large graph. */
function candidates(compiled: CompiledGraph, deployment: Deployment): string[] {
  const names = [...deployment.members.keys(), ...deployment.model.organizations.map((o) => o.id)];
  for (const id of compiled.nodeIds) if (!id.includes('/')) names.push(id);
  return [...new Set(names)].sort(byString);
}

/** One organization's admins and owners, as foothold names (user entries and managed identities). */
export interface PrivilegedFootholds {
  readonly organization: string;
  /** In model order: users, then managed identities. */
  readonly footholds: readonly string[];
}

/**
 * Each organization's admins and owners, in model order of the organizations (those with none are
 * left out): users with `privilege` localAdmin, tenantAdmin or subscriptionOwner, users who hold an
 * administrative role (ADMIN_EFFECTS: Owner, Contributor, Run Command, Global Administrator, Domain
 * Admins …) directly or through a group, PIM-eligible ones included, and managed identities that hold
 * one. The privileged counterpart of an organization foothold (its standard users).
 */
export function privilegedFootholds(deployment: Deployment): PrivilegedFootholds[] {
  const { model, groupsOf } = deployment;
  const holders = new Set(
    model.roleAssignments.filter((a) => ROLES[a.role].effects.some((e) => ADMIN_EFFECTS.has(e))).map((a) => a.principal),
  );
  const byOrg = new Map<string, string[]>();
  const add = (org: string, id: string) => (byOrg.get(org) ?? byOrg.set(org, []).get(org)!).push(id);
  for (const user of model.users) {
    const privileged = user.privilege !== 'standard' || holders.has(user.id) || (groupsOf.get(user.id) ?? []).some((g) => holders.has(g));
    if (privileged) add(user.organization, user.id);
  }
  for (const identity of model.managedIdentities) if (holders.has(identity.id)) add(identity.organization, identity.id);
  return model.organizations.flatMap((o) => {
    const footholds = byOrg.get(o.id);
    return footholds === undefined ? [] : [{ organization: o.id, footholds }];
  });
}

