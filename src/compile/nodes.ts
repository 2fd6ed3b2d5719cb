// Every node of the deployment graph, derived from the model: one place decides ids, kinds, labels
// and organizations, so rules only connect nodes that exist.

import type { NodeKind } from '../domain/kinds.js';
import type { User } from '../model/types.js';
import type { GraphSink, NodeAttributes, NodeLookupHint } from './graph-types.js';
import { dataOwner, type Deployment } from './deployment.js';
import { emitAccessNodes } from './access-nodes.js';
import { emitInfraNodes } from './infra-nodes.js';
import { ANY_SUBSCRIPTION, ANY_TENANT, INTERNET, WEB } from './ids.js';

export function emitNodes(deployment: Deployment, sink: GraphSink): void {
  const { model } = deployment;
  const add = (id: string, attributes: NodeAttributes, lookup?: NodeLookupHint) => sink.addNode(id, attributes, lookup);

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
  for (const host of deployment.physicalHosts) {
    add(host.id, { kind: 'physicalHost', organization: null, label: host.label, entity: host.assumed ? null : `physicalHosts/${host.id}` });
  }

  // Attribute objects are written as literals with every key spelled out (in the order the output
  // shows them): a million spread copies (`{ ...base, kind }`) cost several times the memory and
  // time, and these objects live as long as the model.
  for (const placement of deployment.pools) {
    const { pool, organization } = placement;
    const entity = `hostPools/${pool.id}`;
    const poolNode = (kind: NodeKind, org: string | null, label: string): NodeAttributes => ({ organization: org, entity, pool: pool.id, kind, label });
    add(pool.id, poolNode('hostPool', organization, `host pool ${pool.id} (control plane)`));
    if (pool.type === 'pooled') {
      const { hubs } = placement;
      add(hubs.unprivileged, poolNode('placement', organization, `unprivileged code on any host of ${pool.id}`));
      add(hubs.sandboxed, poolNode('placement', organization, `sandboxed code on any host of ${pool.id}`));
      add(hubs.admin, poolNode('placement', organization, `administrator code on any host of ${pool.id}`));
      add(hubs.sessions, poolNode('placement', organization, `sessions that may run on any host of ${pool.id}`));
      add(hubs.profiles, poolNode('placement', organization, `profiles that may be mounted on any host of ${pool.id}`));
      add(hubs.credentials, poolNode('placement', organization, `credentials in memory on any host of ${pool.id}`));
    }
    for (const vm of placement.vms) {
      const vmOrg = pool.type === 'personal' ? (vm.pinned[0]?.user.organization ?? organization) : organization;
      add(vm.id, poolNode('vm', vmOrg, `${vm.id} (kernel)`));
      add(vm.unprivileged, poolNode('placement', vmOrg, `unprivileged code on ${vm.id}`));
      add(vm.sessions, poolNode('placement', vmOrg, `sessions on ${vm.id}`));
      add(vm.profiles, poolNode('placement', vmOrg, `profiles mounted on ${vm.id}`));
      add(vm.credentials, poolNode('secretStore', vmOrg, `credentials in memory on ${vm.id}`));
    }
  }

  let entityUser: User | null = null;
  let entity = '';
  // deployment.seats lists members' sessions member by member, in allMembers order: walk it alongside.
  const { seats } = deployment;
  let s = 0;
  for (const member of deployment.allMembers) {
    const { user } = member;
    // Members of one entry are contiguous: build the entry's entity string once.
    if (user !== entityUser) {
      entityUser = user;
      entity = `users/${user.id}`;
    }
    const { organization } = user;
    // Rules reach a member's nodes by the handles written here; only the principal, which models
    // and scenarios name, is looked up by id (graph-types.ts, NodeLookupHint).
    const { handles } = member;
    handles.principal = add(member.id, { organization, entity, user: user.id, kind: 'principal', label: member.id, privilege: user.privilege });
    handles.credential = add(member.credential, { organization, entity, user: user.id, kind: 'credential', label: `credentials of ${member.id}` }, 'byHandle');
    if (user.device) handles.device = add(member.device, { organization, entity, user: user.id, kind: 'device', label: `device of ${member.id}` }, 'byHandle');
    for (; s < seats.length && seats[s]!.member === member; s++) {
      const seat = seats[s]!;
      const pool = seat.pool.id;
      const where = seat.session === member.session ? '' : ` on ${pool}`;
      seat.handles.session = add(seat.session, { organization, entity, user: user.id, pool, kind: 'session', label: `session of ${member.id}${where}` }, 'byHandle');
      seat.apps.forEach((app, a) => {
        const label = `${app.id} of ${member.id}${where}`;
        seat.handles.processes[a] = add(seat.processes[a]!, { organization, entity, user: user.id, pool, kind: 'process', label }, 'byHandle');
      });
    }
  }

  for (const store of model.data) {
    const entity = `data/${store.id}`;
    const { classification, location } = store;
    for (const target of deployment.dataNodes.get(store.id) ?? []) {
      // A profile container of its own (`store/member`) is reached by handle; a store by its id.
      const lookup = target.node === store.id ? 'byId' : 'byHandle';
      target.handle = add(target.node, { kind: 'data', organization: dataOwner(store, target), entity, classification, location, label: target.label }, lookup);
    }
  }

  emitAccessNodes(deployment, sink);
  emitInfraNodes(deployment, sink);

  for (const share of deployment.profileShares) {
    const { id, organization } = share.store;
    add(share.access, { kind: 'placement', organization, entity: `data/${id}`, label: `SMB access to the profile share of ${id}` });
  }
  // Keys implied by `access: storageKey` (declared storage accounts are emitted with the infrastructure).
  for (const key of deployment.storageKeys) {
    if (key.impliedBy === null) continue;
    const { id, organization } = key.impliedBy;
    add(key.node, { kind: 'secretStore', organization, entity: `data/${id}`, label: `storage account key of ${id}` });
  }

  for (const extra of model.extra.nodes) {
    add(extra.id, { kind: extra.kind, organization: extra.organization, label: extra.label, entity: `extra.nodes/${extra.id}` });
  }
}

function soleOrganization(orgs: readonly string[]): string | null {
  return orgs.length === 1 ? orgs[0]! : null;
}
