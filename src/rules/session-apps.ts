// Rule `session-apps`: a session runs the user's apps; an app's code controls the session unless it
// is sandboxed in an AppContainer, whose escape crosses the appcontainer boundary.

import { nodeId } from '../compile/ids.js';
import type { Rule } from './rule.js';

export const sessionApps: Rule = {
  id: 'session-apps',
  description: 'A session controls its apps; an app controls its session, across the appcontainer boundary when sandboxed.',
  guide:
    'An AppContainer-based sandbox process can\u2019t access or tamper with code and data outside of the sandbox based on the container capabilities.',
  apply(deployment, edge) {
    for (const member of deployment.allMembers) {
      if (member.user.hostPool === null) continue;
      const session = nodeId.session(member.id);
      for (const app of deployment.appsOf(member.user)) {
        const process = nodeId.process(member.id, app.id);
        edge(session, process);
        if (app.sandboxed) edge(process, session, { boundary: 'appcontainer', place: app.id, groups: [`app:${app.id}`] });
        else edge(process, session);
      }
    }
  },
};
