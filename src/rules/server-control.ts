// Rule `server-control`: control of a server controls what it holds: the data stores on it and, for a
// domain controller, its identity directory (which controls every principal in it).

import type { Rule } from './rule.js';

export const serverControl: Rule = {
  id: 'server-control',
  description: 'A server controls the data stores on it; a domain controller controls its directory.',
  guide: 'the kernel reaches every session, process, local file and in-memory credential on its VM',
  apply(deployment, edge) {
    for (const server of deployment.model.servers ?? []) {
      for (const store of server.data) {
        for (const target of deployment.dataNodes.get(store) ?? []) edge(server.id, target.node);
      }
      if (server.directory !== null) edge(server.id, server.directory);
    }
  },
};
