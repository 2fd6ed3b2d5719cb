// Rule `pim-activation`: a PIM-eligible role counts as held. Activation asks for the principal's own
// credentials and MFA (and maybe a justification), which whoever acts as the principal has; the
// path shows the activation node, so the output marks the role as eligible.

import type { Rule } from './rule.js';

export const pimActivation: Rule = {
  id: 'pim-activation',
  description: 'Whoever acts as the holder of a PIM-eligible role can activate it.',
  guide: 'Eligible users activate a role themselves when they need it: activation may require MFA and a justification, which the user provides.',
  learn: {
    page: 'https://learn.microsoft.com/entra/id-governance/privileged-identity-management/pim-how-to-activate-role',
    permissions: ['PIM eligible assignment', 'self-activation'],
  },
  apply(deployment, edge) {
    for (const activation of deployment.access.activations) {
      for (const principal of activation.principals) edge(principal, activation.node);
    }
  },
};
