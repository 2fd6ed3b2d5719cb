// Rule `management-plane`: Intune, Group Policy, Configuration Manager, Defender live response and the
// image pipeline run code as SYSTEM on every host they manage. Whoever controls one (its controllers,
// its directory — a tenant, or an AD DS domain and so its Domain Admins —, the subscription holding an
// image pipeline, the servers it runs on) controls those hosts, crossing no boundary. Directory roles
// that administer a plane reach it in `directory-device-management`; Azure roles on a resource group or
// on the plane itself in `scope-inheritance` and `role-scope-control`.

import type { Rule } from './rule.js';

export const managementPlane: Rule = {
  id: 'management-plane',
  description:
    'Controllers of a management plane (and its directory, and the servers hosting it) control every session host, device and server it manages.',
  guide:
    'You can also use existing GPOs with this feature to apply additional security with support for Active Directory-joined VMs or, for Windows 10 session hosts that might involve Azure Active Directory Join scenarios, [Microsoft Intune](/mem/intune/fundamentals/windows-virtual-desktop-multi-session).',
  apply(deployment, edge) {
    for (const plane of deployment.model.managementPlanes ?? []) {
      for (const user of plane.controllers) {
        for (const m of deployment.members.get(user) ?? []) edge(m.id, plane.id);
      }
      if (plane.tenant !== null) edge(plane.tenant, plane.id);
      // Owner or Contributor there writes the gallery's image versions (Microsoft.Compute/galleries/images/versions/write).
      if (plane.subscription !== null) edge(plane.subscription, plane.id);
      for (const server of plane.hostedOn) edge(server, plane.id);

      for (const pool of plane.hostPools) {
        for (const vm of deployment.poolById.get(pool)?.vms ?? []) edge(plane.id, vm.id);
      }
      for (const user of plane.devices) {
        for (const m of deployment.members.get(user) ?? []) if (m.user.device) edge(plane.id, m.device);
      }
      for (const server of plane.servers) edge(plane.id, server);
    }
  },
};
