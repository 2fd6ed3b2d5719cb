// Rule `device-redirection`: RDP redirection runs in the reverse direction too. Whoever controls a
// user's session writes to the client's redirected drives (code at the user's next sign-in on the
// device), reads what the user copies on the device, and feeds the client's printer and USB handlers.
// A pool stating no `customRdpProperty` redirects all four channels: Azure Virtual Desktop's default.

import { poolRedirection, type Redirection } from '../domain/redirection.js';
import type { Rule } from './rule.js';

export const deviceRedirection: Rule = {
  id: 'device-redirection',
  description:
    'A session controls its user\u2019s device through redirected drives, reads it through the clipboard, and reaches it through printer or USB redirection across a process boundary.',
  guide: 'You\u2019ll need to configure security in the following areas: End-user devices',
  learn: { page: 'https://learn.microsoft.com/en-us/azure/virtual-desktop/rdp-properties' },
  apply(deployment, edge) {
    for (const placement of deployment.pools) {
      const { pool } = placement;
      // A pool that states no RDP properties redirects every channel (AVD's default, the worst case;
      // deployment.assumptions says so).
      const redirection: Redirection = poolRedirection(pool.customRdpProperty);
      const users = [...placement.floating, ...placement.vms.flatMap((vm) => vm.pinned)];
      for (const m of users) {
        if (!m.user.device) continue;
        // Handles of the session and device (graph-types.ts, NodeHandle); the instance is named by id.
        const session = m.seatHandles.session;
        const device = m.handles.device;
        if (redirection.drives) edge(session, device);
        if (redirection.clipboard) edge(session, device, { access: 'read' });
        const channels = [redirection.printers ? 'printers' : null, redirection.usb ? 'usb' : null].filter((c) => c !== null);
        if (channels.length > 0) {
          edge(session, device, { boundary: 'process', place: `${m.device}:rdp-client`, groups: channels.map((c) => `redirection:${c}`) });
        }
      }
    }
  },
};
