// The containment structure of a deployment for diagrams: tenant → subscription → host pool → VM →
// sessions → processes, data beside its owner, physical hosts and the outside world. Members of one
// user entry (`workers#1..#n`) collapse into one box with a count, so large pools stay legible.

import { instanceId, type BoundaryType } from '../domain/boundary.js';
import type { Deployment, Member, PoolPlacement, VmPlacement } from '../compile/deployment.js';
import type { CompiledGraph } from '../compile/compile.js';
import { INTERNET, WEB, nodeId } from '../compile/ids.js';
import type { DataStore, Model, Privilege, Subscription, Tenant, User } from '../model/types.js';
import type { DiagramElement, DiagramStructure } from './diagram-types.js';
import { ALL_ACCESS, authorizationOf, READ_ACCESS } from '../analyze/authorization.js';

const PRIVILEGE_TAG: Readonly<Record<Privilege, string | null>> = {
  standard: null,
  localAdmin: 'local admin',
  tenantAdmin: 'tenant admin',
  subscriptionOwner: 'subscription owner',
};

interface Builder {
  readonly model: Model;
  readonly deployment: Deployment;
  readonly compiled: CompiledGraph;
  /** Per compiled node: the number of the box that draws it (an index into `elementIds`), or -1. */
  readonly drawnBy: Int32Array;
  readonly elementIds: string[];
  readonly elementNumber: Map<string, number>;
  readonly instances: ReadonlySet<string>;
}

/** The structure with `nodeElement` by compiled node index (the viewer packs it so; a million-key object is never made). */
export interface StructureParts {
  readonly structure: Omit<DiagramStructure, 'nodeElement'>;
  /** Per compiled node: index into `elementIds` of the box that draws it, or -1 (drawn nowhere). */
  readonly drawnBy: Int32Array;
  readonly elementIds: readonly string[];
}

export function buildDiagramStructure(model: Model, deployment: Deployment, compiled: CompiledGraph): DiagramStructure {
  const { structure, drawnBy, elementIds } = diagramStructureParts(model, deployment, compiled);
  // Compiled order is code-unit order of the ids: the keys come out sorted.
  const nodeElement: Record<string, string> = {};
  drawnBy.forEach((k, v) => {
    if (k >= 0) nodeElement[compiled.nodeIds[v]!] = elementIds[k]!;
  });
  return { ...structure, nodeElement };
}

export function diagramStructureParts(model: Model, deployment: Deployment, compiled: CompiledGraph): StructureParts {
  const b: Builder = {
    model,
    deployment,
    compiled,
    drawnBy: new Int32Array(compiled.nodeCount).fill(-1),
    elementIds: [],
    elementNumber: new Map(),
    instances: new Set(compiled.instanceIds),
  };

  const top: DiagramElement[] = [outside(b)];
  const tenants = model.tenants.map((tenant) => tenantElement(b, tenant));
  if (tenants.length > 0) top.push(section('tenants', '', 'columns', tenants));
  const homeless = model.organizations.filter((org) => !model.tenants.some((t) => t.organizations.includes(org.id)));
  for (const org of homeless) {
    const children = orgContents(b, [org.id], null);
    if (children.length > 0) top.push(element({ id: `org:${org.id}`, role: 'organization', label: org.name, detail: 'organization without an identity tenant', organization: org.id, arrange: 'stack', children }));
  }
  // Declared hosts and the ones assumed where the model is silent (Deployment.physicalHosts).
  const hosts = deployment.physicalHosts.map((host) => hostElement(b, host.id, [...new Set(host.vms.map((vm) => vm.pool.id))], host.assumed ? 'assumed' : null));
  if (hosts.length > 0) top.push(section('hosts', 'physical hosts', 'flow', hosts));

  const root = element({ id: 'canvas', role: 'canvas', label: model.name, arrange: 'stack', children: top });
  // Data by owner (a profile container is its user's organization's), and the other organizations'
  // data each one is authorized for (src/analyze/authorization.ts).
  const authorization = authorizationOf(deployment);
  const owned = new Map(model.organizations.map((o) => [o.id, [] as string[]] as const));
  const authorized = new Map(model.organizations.map((o) => [o.id, [] as string[]] as const));
  const readOnly = new Map(model.organizations.map((o) => [o.id, [] as string[]] as const));
  for (const store of model.data) {
    for (const node of deployment.dataNodes.get(store.id) ?? []) {
      const owner = authorization.ownerOf(store, node);
      owned.get(owner)?.push(node.node);
      for (const [org, access] of authorization.accessFor(store, node)) {
        if (org === owner) continue;
        if (access === ALL_ACCESS) authorized.get(org)?.push(node.node);
        else if (access === READ_ACCESS) readOnly.get(org)?.push(node.node);
      }
    }
  }
  const organizations = model.organizations.map((org) => ({
    id: org.id,
    name: org.name,
    dataNodes: owned.get(org.id)!,
    authorizedData: authorized.get(org.id)!,
    readOnlyData: readOnly.get(org.id)!,
  }));
  return { structure: { model: model.name, description: model.description, organizations, root }, drawnBy: b.drawnBy, elementIds: b.elementIds };
}

interface ElementFields {
  readonly id: string;
  readonly role: DiagramElement['role'];
  readonly label: string;
  readonly detail?: string | null;
  readonly organization?: string | null;
  readonly count?: number;
  readonly nodes?: readonly string[];
  readonly walls?: readonly string[];
  readonly arrange?: DiagramElement['arrange'];
  readonly children?: readonly DiagramElement[];
  readonly tags?: readonly string[];
}

function element(f: ElementFields): DiagramElement {
  return {
    id: f.id,
    role: f.role,
    label: f.label,
    detail: f.detail ?? null,
    organization: f.organization ?? null,
    count: f.count ?? 1,
    nodes: f.nodes ?? [],
    walls: f.walls ?? [],
    arrange: f.arrange ?? 'flow',
    children: f.children ?? [],
    ...(f.tags !== undefined && f.tags.length > 0 ? { tags: f.tags } : {}),
  };
}

function section(id: string, label: string, arrange: DiagramElement['arrange'], children: readonly DiagramElement[]): DiagramElement {
  return element({ id: `section:${id}`, role: 'section', label, arrange, children });
}

/** Registers graph nodes as drawn by an element (the first element to claim a node keeps it). */
function claim(b: Builder, elementId: string, nodes: readonly string[]): void {
  let k = b.elementNumber.get(elementId);
  for (const node of nodes) {
    const v = b.compiled.nodeIndex.get(node);
    if (v === undefined || b.drawnBy[v]! >= 0) continue;
    if (k === undefined) {
      k = b.elementIds.length;
      b.elementIds.push(elementId);
      b.elementNumber.set(elementId, k);
    }
    b.drawnBy[v] = k;
  }
}

/** Only instances the graph really has: a wall with no boundary instance behind it is no wall. */
function walls(b: Builder, type: BoundaryType, places: readonly string[]): string[] {
  return places.map((place) => instanceId(type, place)).filter((id) => b.instances.has(id));
}

function outside(b: Builder): DiagramElement {
  const children = [
    element({ id: 'net:internet', role: 'network', label: 'the internet', nodes: [INTERNET] }),
    element({ id: 'net:web', role: 'network', label: 'a malicious website', nodes: [WEB] }),
    ...extras(b, null),
  ];
  claim(b, 'net:internet', [INTERNET]);
  claim(b, 'net:web', [WEB]);
  return element({ id: 'outside', role: 'outside', label: 'outside', detail: 'network and other shared nodes', arrange: 'flow', children });
}

function tenantElement(b: Builder, tenant: Tenant): DiagramElement {
  const names = tenant.organizations.map((id) => b.model.organizations.find((o) => o.id === id)?.name ?? id);
  const shared = tenant.organizations.length > 1;
  const id = `tenant:${tenant.id}`;
  claim(b, id, [tenant.id]);
  const subs = b.model.subscriptions.filter((s) => s.tenant === tenant.id).map((s) => subscriptionElement(b, s));
  const children = [...orgContents(b, tenant.organizations, tenant.id), ...subs];
  return element({
    id,
    role: 'tenant',
    label: tenant.id,
    detail: shared ? `identity tenant shared by ${names.join(' and ')}` : `identity tenant of ${names.join(', ')}`,
    organization: shared ? null : (tenant.organizations[0] ?? null),
    nodes: [tenant.id],
    walls: walls(b, 'tenant', [tenant.id]),
    arrange: 'stack',
    children,
  });
}

/** Principals without a session, data outside any subscription and extra nodes of these organizations. */
function orgContents(b: Builder, orgs: readonly string[], tenant: string | null): DiagramElement[] {
  const key = tenant ?? orgs.join('+');
  const out: DiagramElement[] = [];
  const principals = b.model.users.filter((u) => orgs.includes(u.organization) && u.hostPool === null && !(u.privilege === 'subscriptionOwner' && u.subscription !== null));
  if (principals.length > 0) out.push(section(`directory:${key}`, 'principals without a session', 'flow', principals.map((u) => userCard(b, u, []))));
  const data = b.model.data.filter((d) => orgs.includes(d.organization) && d.subscription === null && d.location !== 'fslogixProfile');
  if (data.length > 0) out.push(section(`data:${key}`, 'data', 'flow', data.map((d) => dataElement(b, d))));
  const other = orgs.flatMap((org) => extras(b, org));
  if (other.length > 0) out.push(section(`extra:${key}`, 'other components', 'flow', other));
  return out;
}

function subscriptionElement(b: Builder, sub: Subscription): DiagramElement {
  const id = `sub:${sub.id}`;
  claim(b, id, [sub.id]);
  const owners = b.model.users.filter((u) => u.privilege === 'subscriptionOwner' && u.subscription === sub.id && u.hostPool === null);
  const children: DiagramElement[] = [];
  if (owners.length > 0) children.push(section(`owners:${sub.id}`, 'owners', 'flow', owners.map((u) => userCard(b, u, []))));
  const pools = b.deployment.pools.filter((p) => p.pool.subscription === sub.id).map((p) => poolElement(b, p));
  // One pool spans the subscription; several wrap side by side so large deployments stay compact.
  if (pools.length === 1) children.push(pools[0]!);
  else if (pools.length > 1) children.push(section(`pools:${sub.id}`, '', 'flow', pools));
  const data = b.model.data.filter((d) => d.subscription === sub.id && d.location !== 'fslogixProfile');
  if (data.length > 0) children.push(section(`data:${sub.id}`, 'data', 'flow', data.map((d) => dataElement(b, d))));
  return element({
    id,
    role: 'subscription',
    label: sub.id,
    detail: 'subscription (control plane)',
    organization: sub.organizations.length === 1 ? sub.organizations[0]! : null,
    nodes: [sub.id],
    walls: walls(b, 'subscription', [sub.id]),
    arrange: 'stack',
    children,
  });
}

function poolElement(b: Builder, placement: PoolPlacement): DiagramElement {
  const { pool } = placement;
  const id = `pool:${pool.id}`;
  claim(b, id, [pool.id, nodeId.poolAdmin(pool.id)]);
  const vmCount = placement.vms.length;
  const detail =
    pool.type === 'pooled'
      ? `pooled multi-session · ${vmCount} VM${vmCount === 1 ? '' : 's'} · ${pool.osBuild}`
      : `personal desktops · ${pool.osBuild}`;
  const children: DiagramElement[] = [];
  if (pool.type === 'pooled') {
    const vmsId = `vms:${pool.id}`;
    claim(b, vmsId, [nodeId.poolUnprivileged(pool.id), nodeId.poolSandboxed(pool.id)]);
    children.push(element({ id: vmsId, role: 'section', label: 'session hosts', arrange: 'flow', children: placement.vms.map((vm) => vmElement(b, [vm], [vm.id])) }));
    const floating = entries(placement.floating);
    if (floating.length > 0) {
      const sessionsId = `sessions:${pool.id}`;
      claim(b, sessionsId, [nodeId.poolSessions(pool.id), nodeId.poolProfiles(pool.id), nodeId.poolCredentials(pool.id)]);
      const vmIds = placement.vms.map((vm) => vm.id);
      children.push(
        element({
          id: sessionsId,
          role: 'section',
          label: 'sessions · may run on any host',
          arrange: 'flow',
          children: floating.map(([user, members]) => userCard(b, user, vmIds, members)),
        }),
      );
    }
  } else {
    // One VM per member: members of one entry collapse into one desktop box.
    const byUser = new Map<string, VmPlacement[]>();
    for (const vm of placement.vms) {
      const owner = vm.pinned[0]?.user.id ?? vm.id;
      byUser.set(owner, [...(byUser.get(owner) ?? []), vm]);
    }
    children.push(element({ id: `vms:${pool.id}`, role: 'section', label: 'desktops', arrange: 'flow', children: [...byUser.values()].map((vms) => vmElement(b, vms, vms.map((vm) => vm.id))) }));
  }
  return element({ id, role: 'pool', label: pool.id, detail, organization: placement.organization, nodes: [pool.id], arrange: 'stack', children });
}

/** One VM, or several (a collapsed group of personal desktops), with their credential memory and pinned users. */
function vmElement(b: Builder, vms: readonly VmPlacement[], ids: readonly string[]): DiagramElement {
  const first = vms[0]!;
  const personal = first.pool.type === 'personal';
  const id = `vm:${first.id}`;
  claim(b, id, ids.flatMap((vm) => [vm, nodeId.vmUnprivileged(vm), nodeId.vmSessions(vm), nodeId.vmProfiles(vm)]));
  const credId = `vmcred:${first.id}`;
  claim(b, credId, ids.map(nodeId.vmCredentials));
  const children: DiagramElement[] = [
    element({ id: credId, role: 'chip', label: 'credential memory', nodes: ids.map(nodeId.vmCredentials), walls: walls(b, 'vsm', ids), count: ids.length }),
  ];
  for (const [user, members] of entries(vms.flatMap((vm) => vm.pinned))) children.push(userCard(b, user, ids, members));
  const owner = first.pinned[0];
  const label = vms.length === 1 ? first.id : personal && owner !== undefined ? `desktops of ${owner.user.id}` : `${first.id} … ${vms[vms.length - 1]!.id}`;
  return element({
    id,
    role: 'vm',
    label,
    detail: personal ? (vms.length === 1 ? `personal desktop${owner === undefined ? '' : ` of ${owner.id}`}` : `${vms.length} personal desktops`) : 'session host · kernel',
    organization: personal ? (owner?.user.organization ?? null) : null,
    count: vms.length,
    nodes: ids,
    walls: [...walls(b, 'kernel', ids), ...walls(b, 'network', ids)],
    arrange: 'flow',
    children,
  });
}

/** Members grouped by their user entry, in model order. */
function entries(members: readonly Member[]): [User, Member[]][] {
  const byUser = new Map<string, [User, Member[]]>();
  for (const m of members) {
    const entry = byUser.get(m.user.id) ?? [m.user, []];
    entry[1].push(m);
    byUser.set(m.user.id, entry);
  }
  return [...byUser.values()];
}

/**
 * A user entry: its session (or principal), apps, credentials and profile containers; one box for a
 * group. In a pool where the entry holds a second seat (a RemoteApp or desktop group of another
 * pool), the card is that seat's — its session and the apps that group grants — under an id of its
 * own, and credentials and profiles stay on the home card (they are one per member).
 */
function userCard(b: Builder, user: User, vmIds: readonly string[], given?: readonly Member[]): DiagramElement {
  const members = given ?? b.deployment.members.get(user.id) ?? [];
  const ids = members.map((m) => m.id);
  const seat = members[0]?.seats.find((s) => s.view === members[0]);
  const secondary = seat !== undefined && seat.pool.id !== user.hostPool;
  const suffix = secondary ? `@${seat.pool.id}` : '';
  const id = `user:${user.id}${suffix}`;
  // A member has a seat exactly when it has a pool (Member.seats): the seat says whether it has a session.
  const hasSession = seat !== undefined;
  const keyNodes = hasSession ? members.map((m) => m.session) : ids;
  claim(b, id, secondary ? keyNodes : [...keyNodes, ...ids, ...ids.map(nodeId.device)]);
  const chips: DiagramElement[] = [];
  if (seat !== undefined) {
    seat.apps.forEach((app, i) => {
      const chipId = `app:${user.id}${suffix}:${app.id}`;
      const nodes = members.map((m) => m.processes[i]!);
      claim(b, chipId, nodes);
      const tags = [...(app.browser ? ['browser'] : []), ...(app.sandboxed ? ['sandboxed'] : [])];
      chips.push(
        element({
          id: chipId,
          role: 'chip',
          label: app.id,
          nodes,
          count: ids.length,
          walls: [...walls(b, 'process', vmIds), ...walls(b, 'browser', app.browser ? [app.id] : []), ...walls(b, 'appcontainer', app.sandboxed ? [app.id] : [])],
          tags,
        }),
      );
    });
  }
  if (secondary) return cardElement(b, user, id, members, keyNodes, vmIds, hasSession, chips);
  const credId = `cred:${user.id}`;
  const credNodes = ids.map(nodeId.credential);
  claim(b, credId, credNodes);
  chips.push(element({ id: credId, role: 'chip', label: 'credentials', nodes: credNodes, count: ids.length }));
  for (const store of b.deployment.dataOf(user)) {
    if (store.location !== 'fslogixProfile') continue;
    const nodes = (b.deployment.dataNodes.get(store.id) ?? []).filter((n) => n.member !== null && ids.includes(n.member)).map((n) => n.node);
    if (nodes.length === 0) continue;
    const chipId = `profile:${store.id}:${user.id}`;
    claim(b, chipId, nodes);
    // The share's access and storage key nodes go with the first profile chip of the store.
    const share = b.deployment.profileShares.find((p) => p.store.id === store.id);
    if (share !== undefined) claim(b, chipId, [share.access, ...impliedKeyOf(b, store)]);
    chips.push(
      element({
        id: chipId,
        role: 'data',
        label: store.id,
        detail: `${store.classification} · profile`,
        organization: store.organization,
        nodes,
        count: nodes.length,
        walls: walls(b, 'user', vmIds),
      }),
    );
    const last = chips[chips.length - 1]!;
    chips[chips.length - 1] = { ...last, classification: store.classification, location: store.location };
  }
  return cardElement(b, user, id, members, keyNodes, vmIds, hasSession, chips);
}

function cardElement(
  b: Builder,
  user: User,
  id: string,
  members: readonly Member[],
  keyNodes: readonly string[],
  vmIds: readonly string[],
  hasSession: boolean,
  chips: readonly DiagramElement[],
): DiagramElement {
  const tag = PRIVILEGE_TAG[user.privilege];
  return element({
    id,
    role: 'card',
    label: user.id,
    detail: hasSession ? (members.length === 1 ? 'session' : `${members.length} sessions`) : 'principal',
    organization: user.organization,
    count: members.length,
    nodes: keyNodes,
    walls: hasSession ? walls(b, 'session', vmIds) : [],
    arrange: 'flow',
    children: chips,
    tags: tag === null ? [] : [tag],
  });
}

function dataElement(b: Builder, store: DataStore): DiagramElement {
  const id = `data:${store.id}`;
  const nodes = (b.deployment.dataNodes.get(store.id) ?? []).map((n) => n.node);
  // An FSLogix store's share access and storage key nodes are drawn with the store.
  const share = b.deployment.profileShares.find((p) => p.store.id === store.id);
  claim(b, id, share === undefined ? nodes : [...nodes, share.access, ...impliedKeyOf(b, store)]);
  return {
    ...element({ id, role: 'data', label: store.id, detail: `${store.classification} · ${store.location}`, organization: store.organization, nodes }),
    classification: store.classification,
    location: store.location,
  };
}

/** The key node implied by the store's `access: storageKey`, drawn with the store (a declared account is drawn on its own). */
function impliedKeyOf(b: Builder, store: DataStore): string[] {
  return b.deployment.storageKeys.filter((k) => k.impliedBy?.id === store.id).map((k) => k.node);
}

function hostElement(b: Builder, host: string, pools: readonly string[], note: string | null = null): DiagramElement {
  const id = `host:${host}`;
  claim(b, id, [host]);
  const detail = `hypervisor${note === null ? '' : ` (${note})`} · runs the VMs of ${pools.join(', ')}`;
  return element({ id, role: 'host', label: host, detail, nodes: [host], walls: walls(b, 'vm', [host]) });
}

function extras(b: Builder, organization: string | null): DiagramElement[] {
  return b.model.extra.nodes
    .filter((n) => n.organization === organization)
    .map((n) => {
      const id = `extra:${n.id}`;
      claim(b, id, [n.id]);
      return element({ id, role: 'extra', label: n.label, detail: n.kind, organization, nodes: [n.id] });
    });
}
