// Rule `credential-use`: a stolen credential lets the attacker act as its principal; an end-user
// device holds its user's tokens.

import type { Rule } from './rule.js';

export const credentialUse: Rule = {
  id: 'credential-use',
  description: 'Whoever holds a user\u2019s credentials or tokens acts as that user; a user\u2019s device holds them.',
  guide:
    'A single security vulnerability could cause unauthorized data and credential theft, personal information leaks, identity theft, and other issues.',
  apply(deployment, edge) {
    for (const member of deployment.allMembers) {
      // MFA stops a replayed password, not a stolen token or session, so no control removes this edge.
      // Handles, not ids (graph-types.ts, NodeHandle): two edges per member.
      const { principal, credential, device } = member.handles;
      edge(credential, principal);
      if (member.user.device) edge(device, credential);
    }
  },
};
