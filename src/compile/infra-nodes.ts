// Nodes of the infrastructure sections: storage accounts, management planes, networks (as the network
// position of their subnets), one hub per subnet and listening port, and servers. Nothing for a model
// without them.

import { MANAGEMENT_TYPE_INFO } from '../domain/management.js';
import type { Deployment } from './deployment.js';
import type { GraphSink } from './graph-types.js';
import { networkFacts, portHub } from './network-facts.js';

export function emitInfraNodes(deployment: Deployment, sink: GraphSink): void {
  const { model } = deployment;
  for (const account of model.storageAccounts ?? []) {
    sink.addNode(account.id, {
      kind: 'storageAccount',
      organization: account.organization,
      label: `storage account ${account.id} (its key)`,
      entity: `storageAccounts/${account.id}`,
    });
  }
  for (const plane of model.managementPlanes ?? []) {
    sink.addNode(plane.id, {
      kind: 'managementPlane',
      organization: plane.organization,
      label: `${MANAGEMENT_TYPE_INFO[plane.type].title} ${plane.id}`,
      entity: `managementPlanes/${plane.id}`,
    });
  }
  if ((model.subnets ?? []).length === 0 && (model.servers ?? []).length === 0) return;

  const networkById = new Map((model.networks ?? []).map((n) => [n.id, n] as const));
  const facts = networkFacts(deployment);
  for (const subnet of facts.subnets) {
    const organization = networkById.get(subnet.network)?.organization ?? null;
    const entity = `subnets/${subnet.id}`;
    sink.addNode(subnet.id, { kind: 'network', organization, label: `network position in subnet ${subnet.id}`, entity });
    for (const port of facts.portsIn.get(subnet.id) ?? []) {
      if (facts.flowsInto(subnet, port).length === 0) continue;
      sink.addNode(portHub(subnet, port), { kind: 'network', organization, label: `connections to port ${port} in subnet ${subnet.id}`, entity });
    }
  }
  for (const server of model.servers ?? []) {
    sink.addNode(server.id, {
      kind: 'server',
      organization: server.organization,
      label: `${server.role === 'server' ? 'server' : server.role === 'fileServer' ? 'file server' : 'domain controller'} ${server.id}`,
      entity: `servers/${server.id}`,
    });
  }
}
