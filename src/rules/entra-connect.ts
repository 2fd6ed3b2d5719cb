// Rule `entra-connect`: the Microsoft Entra Connect server holds the credentials of its AD DS
// connector account and syncs password hashes to Entra ID: control of the server controls the domain
// and every synced identity. It is a Tier 0 server, administered by the domain.

import { domainNodeIds } from '../compile/domain-ids.js';
import type { Rule } from './rule.js';

export const entraConnect: Rule = {
  id: 'entra-connect',
  description: 'The Entra Connect server controls the domain and the synced identities; the domain controls the server.',
  guide: 'Treat the Microsoft Entra Connect server as a Tier 0 component: it has access to the on-premises directory and synchronizes identities and password hashes to Microsoft Entra ID.',
  learn: {
    page: 'https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-prerequisites',
    permissions: ['AD DS Connector account', 'Replicating Directory Changes', 'Directory Synchronization Accounts'],
  },
  apply(deployment, edge) {
    for (const domain of deployment.model.domains) {
      const server = domainNodeIds(domain).entraConnect;
      if (server === null) continue;
      edge(domain.id, server);
      edge(server, domain.id);
    }
  },
};
