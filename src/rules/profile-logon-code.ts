// Rule `profile-logon-code`: a user's profile holds code that runs at their next sign-in (Startup
// folder, Run keys, logon scripts), so write access to a profile yields that user's session.

import type { Rule } from './rule.js';

/**
 * Two kinds of edges, both legitimate consequences of control (no boundary of their own):
 * - `vm/profiles → vm/sessions`: control of the profiles on a VM (the local profile folders of
 *   whoever signs in there, reached by the kernel or across the VM's `user` boundary) runs code in
 *   the sessions of those users. One edge per VM: linear, never users × VMs.
 * - `profile container → its owner's session`: an FSLogix container is the user's profile, wherever
 *   it is reached from (a VM, the share, the storage account key).
 * So a failed `user` boundary leads to the other user's session, not only to their files
 * (domain.md, "Rules the compiler derives"; the guide's user boundary: "A user can't access or
 * tamper with the code and data of another user without being authorized").
 */
export const profileLogonCode: Rule = {
  id: 'profile-logon-code',
  description: 'Write access to a user\u2019s profile runs code as that user at their next sign-in: the profile yields the session.',
  guide: 'Write access to another user\u2019s profile across a failed user boundary yields code as that user.',
  apply(deployment, edge) {
    for (const pool of deployment.pools) {
      for (const vm of pool.vms) edge(vm.profiles, vm.sessions);
    }
    // By handle (graph-types.ts, NodeHandle): an edge per profile container.
    for (const m of deployment.allMembers) {
      if (m.user.hostPool === null) continue;
      for (const container of m.profiles) edge(container.handle, m.seatHandles.session);
    }
  },
};
