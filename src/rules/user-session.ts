// Rule `user-session`: a user reaches their own session on each host pool they sign in to.

import type { Rule } from './rule.js';

export const userSession: Rule = {
  id: 'user-session',
  description: 'A user (or anyone acting as them) can sign in to and control their own session.',
  guide: 'A user session can\u2019t access or tamper with another user session without being authorized.',
  apply(deployment, edge) {
    for (const seat of deployment.seats) edge(seat.member.handles.principal, seat.handles.session);
  },
};
