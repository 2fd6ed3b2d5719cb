// Rule `browser`: a malicious website reaches the browser process of every user who runs one only
// across the browser boundary; an attacker on the internet can host such a site.

import { INTERNET, WEB, nodeId } from '../compile/ids.js';
import type { Rule } from './rule.js';

export const browser: Rule = {
  id: 'browser',
  description: 'Web content controls a user\u2019s browser process only if the browser boundary fails.',
  guide:
    'An unauthorized website can\u2019t violate the same-origin policy, nor can it access or tamper with the native code and data of the Microsoft Edge web browser sandbox.',
  apply(deployment, edge) {
    edge(INTERNET, WEB);
    for (const member of deployment.allMembers) {
      if (member.user.hostPool === null) continue;
      for (const app of deployment.appsOf(member.user)) {
        if (!app.browser) continue;
        edge(WEB, nodeId.process(member.id, app.id), { boundary: 'browser', place: app.id, groups: [`app:${app.id}`] });
      }
    }
  },
};
