// Rule `directory-device-management`: Intune Administrator runs scripts and apps on every managed
// device and session host; Cloud Device Administrator (reading Windows LAPS passwords) and Microsoft
// Entra Joined Device Local Administrator are local administrators of Entra-joined ones. Worst case,
// as the tool's default: every session host and device is Intune-managed, and LAPS is on. The Intune
// and Defender for Endpoint management planes of the tenant fall to their administering roles
// (PLANE_ADMIN_EFFECTS), and with them every host, device and server the model enrolls there.

import type { Deployment } from '../compile/deployment.js';
import { PLANE_ADMIN_EFFECTS, type RoleEffect } from '../domain/roles.js';
import { grantHubs, tenantMembers } from './role-grants.js';
import type { EmitEdge, Rule } from './rule.js';

export const directoryDeviceManagement: Rule = {
  id: 'directory-device-management',
  description:
    'Intune Administrator and device administrators control the session hosts and devices of the tenant; Intune and Security Administrators its Intune and Defender management planes.',
  guide:
    'Intune Administrator has full rights within Intune; Cloud Device Administrator can read device local administrator (LAPS) passwords; Security Administrator has full access to Defender for Endpoint, live response included.',
  learn: {
    page: 'https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference#intune-administrator',
    permissions: [
      'microsoft.intune/allEntities/allTasks',
      'microsoft.directory/deviceLocalCredentials/password/read',
      'Microsoft Defender for Endpoint full access (https://learn.microsoft.com/defender-endpoint/assign-portal-access)',
    ],
  },
  apply(deployment, edge) {
    const intune = grantHubs(deployment, 'intuneManage', edge);
    for (const [tenant, hub] of intune) reachHosts(deployment, tenant, hub, false, edge);
    for (const [tenant, hub] of grantHubs(deployment, 'deviceLocalAdmin', edge)) reachHosts(deployment, tenant, hub, true, edge);
    reachPlanes(deployment, 'intuneManage', intune, edge);
    reachPlanes(deployment, 'defenderLiveResponse', grantHubs(deployment, 'defenderLiveResponse', edge), edge);
  },
};

function reachHosts(deployment: Deployment, tenant: string, hub: string, entraJoinedOnly: boolean, edge: EmitEdge): void {
  for (const pool of deployment.pools) {
    if (deployment.subscriptionById.get(pool.pool.subscription)?.tenant !== tenant) continue;
    if (entraJoinedOnly && deployment.access.domainOfPool.has(pool.pool.id)) continue;
    for (const vm of pool.vms) edge(hub, vm.id);
  }
  for (const m of tenantMembers(deployment, tenant)) if (m.user.device) edge(hub, m.device);
}

/** Hub → every management plane of the effect's type whose directory is the hub's tenant. */
function reachPlanes(deployment: Deployment, effect: keyof typeof PLANE_ADMIN_EFFECTS & RoleEffect, hubs: ReadonlyMap<string, string>, edge: EmitEdge): void {
  if (hubs.size === 0) return;
  for (const plane of deployment.model.managementPlanes ?? []) {
    if (plane.type !== PLANE_ADMIN_EFFECTS[effect] || plane.tenant === null) continue;
    const hub = hubs.get(plane.tenant);
    if (hub !== undefined) edge(hub, plane.id);
  }
}
