// Nodes of identity and access (access-types.ts): Entra ID groups. Called by emitNodes, so ids,
// kinds and labels are still decided in one place per concept.

import type { GraphSink } from './graph-types.js';
import type { Deployment } from './deployment.js';

export function emitAccessNodes(deployment: Deployment, sink: GraphSink): void {
  const { model } = deployment;
  for (const group of model.groups) {
    sink.addNode(group.id, {
      kind: 'group',
      organization: group.organization,
      label: `group ${group.id}`,
      entity: `groups/${group.id}`,
    });
  }
}
