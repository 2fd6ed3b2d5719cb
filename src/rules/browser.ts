// Rule `browser`: a malicious website reaches the browser process of every user who runs one only
// across the browser boundary; an attacker on the internet can host such a site.

import { INTERNET, WEB } from '../compile/ids.js';
import type { EdgeOptions, Rule } from './rule.js';

export const browser: Rule = {
  id: 'browser',
  description: 'Web content controls a user\u2019s browser process only if the browser boundary fails.',
  guide:
    'An unauthorized website can\u2019t violate the same-origin policy, nor can it access or tamper with the native code and data of the Microsoft Edge web browser sandbox.',
  apply(deployment, edge) {
    edge(INTERNET, WEB);
    // One options object per app (not per edge): every member's browser crosses the same instance.
    const options = new Map<string, EdgeOptions>();
    for (const seat of deployment.seats) {
      seat.apps.forEach((app, a) => {
        if (!app.browser) return;
        let crossing = options.get(app.id);
        if (crossing === undefined) options.set(app.id, (crossing = { boundary: 'browser', place: app.id, groups: [`app:${app.id}`] }));
        edge(WEB, seat.handles.processes[a]!, crossing);
      });
    }
  },
};
