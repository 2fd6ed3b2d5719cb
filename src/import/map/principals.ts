// Role assignments as grants (principal, role, scope) and the Entra principals they name: groups,
// users and service principals, known from the input or only by object id.

import { ARM, type InventoryResource } from '../inventory.js';
import { resolveRole, type ResolvedRole } from '../roles.js';
import type { MapContext } from './context.js';

export type PrincipalKind = 'group' | 'user' | 'servicePrincipal' | 'unknown';

export interface Principal {
  readonly key: string;
  readonly name: string;
  readonly kind: PrincipalKind;
  /** Members of a group when the input lists them; null when unknown. */
  readonly memberCount: number | null;
  readonly origin: InventoryResource['origin'] | undefined;
  /** The Entra tenant the principal lives in, when the input says. */
  readonly tenant?: string | null;
  /** A principal of another tenant (role assignment `principalType` `ForeignGroup`). */
  readonly foreign?: boolean;
}

export interface Grant {
  readonly principal: Principal;
  readonly role: ResolvedRole;
  readonly scope: string;
  readonly resource: InventoryResource;
}

const KIND_BY_TYPE: Readonly<Record<string, PrincipalKind>> = {
  [ARM.group]: 'group',
  [ARM.user]: 'user',
  [ARM.servicePrincipal]: 'servicePrincipal',
};

/** Every role assignment of the inventory as a grant, with its principal resolved. */
export function readGrants(context: MapContext): Grant[] {
  const principals = new Map<string, Principal>();
  for (const type of [ARM.group, ARM.user, ARM.servicePrincipal]) {
    for (const r of context.ofType(type)) {
      const count = r.properties['memberCount'];
      principals.set(r.id.toLowerCase(), {
        key: r.id.toLowerCase(),
        name: r.name,
        kind: KIND_BY_TYPE[type] ?? 'unknown',
        memberCount: typeof count === 'number' && count >= 1 ? Math.floor(count) : null,
        origin: r.origin,
        tenant: r.tenant,
      });
    }
  }
  const grants: Grant[] = [];
  for (const assignment of context.ofType(ARM.roleAssignment)) {
    const p = assignment.properties;
    const principalId = typeof p['principalId'] === 'string' ? p['principalId'] : '';
    const roleRef = typeof p['roleDefinitionName'] === 'string' ? p['roleDefinitionName'] : typeof p['roleDefinitionId'] === 'string' ? p['roleDefinitionId'] : '';
    const scope = typeof p['scope'] === 'string' ? p['scope'] : scopeFromId(assignment.id);
    if (principalId === '' || roleRef === '' || scope === '') {
      context.assume(null, `role assignment \`${assignment.name}\`: its principal, role or scope is not in the input: not imported`, assignment.origin);
      continue;
    }
    let principal = principals.get(principalId.toLowerCase());
    if (principal === undefined) {
      const kind = kindFromType(p['principalType']);
      const foreign = String(p['principalType']).toLowerCase() === 'foreigngroup';
      principal = { key: principalId.toLowerCase(), name: `${kind === 'servicePrincipal' ? 'sp' : kind}-${principalId.slice(0, 8)}`, kind, memberCount: null, origin: assignment.origin, ...(foreign ? { foreign } : {}) };
      principals.set(principal.key, principal);
    }
    grants.push({ principal, role: resolveRole(roleRef), scope, resource: assignment });
  }
  return grants;
}

function kindFromType(type: unknown): PrincipalKind {
  switch (String(type).toLowerCase()) {
    case 'group':
    case 'foreigngroup':
      return 'group';
    case 'user':
      return 'user';
    case 'serviceprincipal':
      return 'servicePrincipal';
    default:
      return 'unknown';
  }
}

/** A role assignment's scope is its id up to `/providers/Microsoft.Authorization/roleAssignments/…`. */
function scopeFromId(id: string): string {
  const at = id.toLowerCase().lastIndexOf('/providers/microsoft.authorization/roleassignments/');
  return at < 0 ? '' : id.slice(0, at);
}
