// Rule `session-apps`: a session runs the user's apps; an app's code controls the session unless it
// is sandboxed in an AppContainer, whose escape crosses the appcontainer boundary.

import type { EdgeOptions, Rule } from './rule.js';

export const sessionApps: Rule = {
  id: 'session-apps',
  description: 'A session controls its apps; an app controls its session, across the appcontainer boundary when sandboxed.',
  guide:
    'An AppContainer-based sandbox process can\u2019t access or tamper with code and data outside of the sandbox based on the container capabilities.',
  apply(deployment, edge) {
    const sandboxes = new Map<string, EdgeOptions>();
    for (const seat of deployment.seats) {
      // Handles, not ids: this rule emits two edges per process (graph-types.ts, NodeHandle).
      const { session } = seat.handles;
      seat.apps.forEach((app, a) => {
        const process = seat.handles.processes[a]!;
        edge(session, process);
        if (!app.sandboxed) return edge(process, session);
        // One options object per app (not per edge): every member's sandbox is the same instance.
        let escape = sandboxes.get(app.id);
        if (escape === undefined) sandboxes.set(app.id, (escape = { boundary: 'appcontainer', place: app.id, groups: [`app:${app.id}`] }));
        edge(process, session, escape);
      });
    }
  },
};
