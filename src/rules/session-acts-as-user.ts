// Rule `session-acts-as-user`: whoever controls a user's logon session (its processes, its desktop)
// uses every privilege that user holds while the session lives; Credential Guard does not stop it.

import type { Rule } from './rule.js';

/**
 * session → its principal, crossing no boundary. Its edges last only while the session does
 * (`persistence: 'whileSignedIn'`): Credential Guard stops *theft* of reusable secrets, which the
 * rules `kernel-control` and `credential-guard` model; it never stops use of a live session, so this
 * edge has no `blockedBy`. Source: Microsoft Learn, "Credential Guard overview" (considerations):
 * Credential Guard "does not prevent an attacker with malware on the PC from using the privileges
 * associated with any credential"; domain.md, "a session acts as its user".
 */
export const sessionActsAsUser: Rule = {
  id: 'session-acts-as-user',
  description: 'Control of a user\u2019s logon session uses every privilege of that user (single sign-on, roles, shares) while it lives.',
  guide:
    'Whoever controls a user\u2019s logon session (their processes, their desktop) can use every privilege that user holds while the session lives.',
  persistence: 'whileSignedIn',
  apply(deployment, edge) {
    // Every session of the member: their own pool's and each application group's.
    for (const seat of deployment.seats) edge(seat.handles.session, seat.member.handles.principal);
  },
};
