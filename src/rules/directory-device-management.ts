// Rule `directory-device-management`: Intune Administrator runs scripts and apps on every managed
// device and session host; Cloud Device Administrator (reading Windows LAPS passwords) and Microsoft
// Entra Joined Device Local Administrator are local administrators of Entra-joined ones. Worst case,
// as the tool's default: every session host and device is Intune-managed, and LAPS is on.

import type { Deployment } from '../compile/deployment.js';
import { grantHubs, tenantMembers } from './role-grants.js';
import type { EmitEdge, Rule } from './rule.js';

export const directoryDeviceManagement: Rule = {
  id: 'directory-device-management',
  description: 'Intune Administrator and device administrators control the session hosts and devices of the tenant.',
  guide: 'Intune Administrator has full rights within Intune; Cloud Device Administrator can read device local administrator (LAPS) passwords.',
  learn: {
    page: 'https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference#intune-administrator',
    permissions: ['microsoft.intune/allEntities/allTasks', 'microsoft.directory/deviceLocalCredentials/password/read'],
  },
  apply(deployment, edge) {
    for (const [tenant, hub] of grantHubs(deployment, 'intuneManage', edge)) reachHosts(deployment, tenant, hub, false, edge);
    for (const [tenant, hub] of grantHubs(deployment, 'deviceLocalAdmin', edge)) reachHosts(deployment, tenant, hub, true, edge);
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
