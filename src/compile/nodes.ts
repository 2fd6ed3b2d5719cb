// Every node of the deployment graph, derived from the model: one place decides ids, kinds, labels
// and organizations, so rules only connect nodes that exist.

import type { GraphSink, NodeAttributes } from './graph-types.js';
import type { Deployment } from './deployment.js';
import { ANY_SUBSCRIPTION, ANY_TENANT, INTERNET, WEB, nodeId } from './ids.js';

export function emitNodes(deployment: Deployment, sink: GraphSink): void {
  const { model } = deployment;
  const add = (id: string, attributes: NodeAttributes) => sink.addNode(id, attributes);

  add(INTERNET, { kind: 'network', organization: null, label: 'the internet', entity: null });
  add(WEB, { kind: 'network', organization: null, label: 'a malicious website', entity: null });
  if (model.tenants.length > 1) {
    add(ANY_TENANT, { kind: 'placement', organization: null, label: 'control of some identity directory', entity: null });
  }
  if (model.subscriptions.length > 1) {
    add(ANY_SUBSCRIPTION, { kind: 'placement', organization: null, label: 'control of some subscription', entity: null });
  }

  for (const org of model.organizations) {
    add(org.id, { kind: 'organization', organization: org.id, label: org.name, entity: `organizations/${org.id}` });
  }
  for (const tenant of model.tenants) {
    add(tenant.id, {
      kind: 'tenant',
      organization: soleOrganization(tenant.organizations),
      label: `identity directory ${tenant.id}`,
      entity: `tenants/${tenant.id}`,
    });
  }
  for (const sub of model.subscriptions) {
    add(sub.id, {
      kind: 'subscription',
      organization: soleOrganization(sub.organizations),
      label: `subscription ${sub.id}`,
      entity: `subscriptions/${sub.id}`,
    });
  }
  for (const host of model.physicalHosts) {
    add(host.id, { kind: 'physicalHost', organization: null, label: `physical host ${host.id}`, entity: `physicalHosts/${host.id}` });
  }

  for (const placement of deployment.pools) {
    const { pool, organization } = placement;
    const entity = `hostPools/${pool.id}`;
    const base = { organization, entity, pool: pool.id } as const;
    add(pool.id, { ...base, kind: 'hostPool', label: `host pool ${pool.id} (control plane)` });
    if (pool.type === 'pooled') {
      add(nodeId.poolUnprivileged(pool.id), { ...base, kind: 'placement', label: `unprivileged code on any host of ${pool.id}` });
      add(nodeId.poolAdmin(pool.id), { ...base, kind: 'placement', label: `administrator code on any host of ${pool.id}` });
      add(nodeId.poolSessions(pool.id), { ...base, kind: 'placement', label: `sessions that may run on any host of ${pool.id}` });
      add(nodeId.poolProfiles(pool.id), { ...base, kind: 'placement', label: `profiles that may be mounted on any host of ${pool.id}` });
      add(nodeId.poolCredentials(pool.id), { ...base, kind: 'placement', label: `credentials in memory on any host of ${pool.id}` });
    }
    for (const vm of placement.vms) {
      const vmOrg = pool.type === 'personal' ? (vm.pinned[0]?.user.organization ?? organization) : organization;
      const vmBase = { ...base, organization: vmOrg };
      add(vm.id, { ...vmBase, kind: 'vm', label: `${vm.id} (kernel)` });
      add(nodeId.vmUnprivileged(vm.id), { ...vmBase, kind: 'placement', label: `unprivileged code on ${vm.id}` });
      add(nodeId.vmSessions(vm.id), { ...vmBase, kind: 'placement', label: `sessions on ${vm.id}` });
      add(nodeId.vmProfiles(vm.id), { ...vmBase, kind: 'placement', label: `profiles mounted on ${vm.id}` });
      add(nodeId.vmCredentials(vm.id), { ...vmBase, kind: 'secretStore', label: `credentials in memory on ${vm.id}` });
    }
  }

  for (const member of deployment.allMembers) {
    const { user } = member;
    const base = { organization: user.organization, entity: `users/${user.id}`, user: user.id } as const;
    add(member.id, { ...base, kind: 'principal', label: member.id, privilege: user.privilege });
    add(nodeId.credential(member.id), { ...base, kind: 'credential', label: `credentials of ${member.id}` });
    if (user.device) add(nodeId.device(member.id), { ...base, kind: 'device', label: `device of ${member.id}` });
    if (user.hostPool !== null) {
      const pool = user.hostPool;
      add(nodeId.session(member.id), { ...base, pool, kind: 'session', label: `session of ${member.id}` });
      for (const app of deployment.appsOf(user)) {
        add(nodeId.process(member.id, app.id), { ...base, pool, kind: 'process', label: `${app.id} of ${member.id}` });
      }
    }
  }

  for (const store of model.data) {
    const common = {
      kind: 'data',
      organization: store.organization,
      entity: `data/${store.id}`,
      classification: store.classification,
      location: store.location,
    } as const;
    for (const target of deployment.dataNodes.get(store.id) ?? []) {
      add(target.node, { ...common, label: target.label });
    }
  }

  for (const extra of model.extra.nodes) {
    add(extra.id, { kind: extra.kind, organization: extra.organization, label: extra.label, entity: `extra.nodes/${extra.id}` });
  }
}

function soleOrganization(orgs: readonly string[]): string | null {
  return orgs.length === 1 ? orgs[0]! : null;
}
