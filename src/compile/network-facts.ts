// Facts derived once from a model's networks for the network rules: which networks route to which
// (links, gateway transit), which machines listen on which port of each subnet, and which subnet may
// send to which listening port under the subnets' inbound and outbound rules. Memoized per deployment.

import type { InboundRule, Network, OutboundRule, Server, Subnet } from '../model/infra-types.js';
import { pushTo } from '../util/group-by.js';
import type { Deployment, VmPlacement } from './deployment.js';
import { INTERNET, nodeId } from './ids.js';

/** One machine listening on one port: a session host or a server. */
export interface Listener {
  /** The node whose control a successful exploit of the listener yields (the VM kernel, the server). */
  readonly node: string;
  readonly port: number;
  /** Failure groups of the listener's network boundary instance besides `port:N` (a VM's build and pool). */
  readonly groups: readonly string[];
}

export interface NetworkFacts {
  readonly subnets: readonly Subnet[];
  readonly subnetById: ReadonlyMap<string, Subnet>;
  /** The subnet each session host's network interface is in. */
  readonly subnetOfVm: ReadonlyMap<string, Subnet>;
  readonly serversIn: ReadonlyMap<string, readonly Server[]>;
  /** Per subnet: its listeners, in model order. */
  readonly listenersIn: ReadonlyMap<string, readonly Listener[]>;
  /** Per subnet: the ports some listener in it listens on, ascending. */
  readonly portsIn: ReadonlyMap<string, readonly number[]>;
  /** Networks each network routes to, itself included. */
  readonly routes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Sources (subnet ids, or INTERNET) allowed to reach `subnetPort(subnet, port)`, in model order. */
  flowsInto(subnet: Subnet, port: number): readonly string[];
}

const memo = new WeakMap<Deployment, NetworkFacts>();

export function networkFacts(deployment: Deployment): NetworkFacts {
  let facts = memo.get(deployment);
  if (facts === undefined) {
    facts = deriveNetworkFacts(deployment);
    memo.set(deployment, facts);
  }
  return facts;
}

function deriveNetworkFacts(deployment: Deployment): NetworkFacts {
  const { model } = deployment;
  const subnets = model.subnets ?? [];
  const networks = model.networks ?? [];
  const subnetById = new Map(subnets.map((s) => [s.id, s] as const));
  const networkIds = new Set(networks.map((n: Network) => n.id));

  const subnetOfVm = new Map<string, Subnet>();
  const listenersIn = new Map<string, Listener[]>();
  for (const subnet of subnets) {
    const listeners: Listener[] = [];
    for (const poolId of subnet.hostPools) {
      const placement = deployment.poolById.get(poolId);
      if (placement === undefined) continue;
      const groups = [`build:${placement.pool.osBuild}`, `pool:${placement.pool.id}`];
      for (const vm of placement.vms) {
        subnetOfVm.set(vm.id, subnet);
        for (const port of subnet.hostPorts) listeners.push(vmListener(vm, port, groups));
      }
    }
    listenersIn.set(subnet.id, listeners);
  }
  const serversIn = new Map<string, Server[]>();
  for (const server of model.servers ?? []) {
    pushTo(serversIn, server.subnet, server);
    const listeners = listenersIn.get(server.subnet);
    if (listeners === undefined) continue;
    for (const port of server.listens) listeners.push({ node: server.id, port, groups: [`server:${server.id}`] });
  }
  const portsIn = new Map<string, number[]>();
  for (const [subnet, listeners] of listenersIn) {
    portsIn.set(subnet, [...new Set(listeners.map((l) => l.port))].sort((a, b) => a - b));
  }

  const routes = deriveRoutes(deployment, networkIds);
  // `from`/`to` entries name a subnet or a whole network.
  const names = (entries: readonly string[], subnet: Subnet): boolean =>
    entries.includes(subnet.id) || entries.includes(subnet.network);
  const portOk = (ports: readonly number[] | null, port: number) => ports === null || ports.includes(port);

  const flows = new Map<string, readonly string[]>();
  const flowsInto = (target: Subnet, port: number): readonly string[] => {
    const key = `${target.id}/${port}`;
    let sources = flows.get(key);
    if (sources === undefined) {
      sources = computeFlows(target, port);
      flows.set(key, sources);
    }
    return sources;
  };
  const computeFlows = (target: Subnet, port: number): string[] => {
    const sources: string[] = [];
    const reachable = routes.get(target.network) ?? new Set([target.network]);
    for (const source of subnets) {
      if (!reachable.has(source.network)) continue;
      if (!inboundAllows(target.inbound, source, port, names, portOk)) continue;
      if (!outboundAllows(source.outbound, target, port, names, portOk)) continue;
      sources.push(source.id);
    }
    const internet = (target.inbound ?? []).some((rule) => rule.from.includes(INTERNET) && portOk(rule.ports, port));
    if (internet) sources.push(INTERNET);
    return sources;
  };

  return {
    subnets,
    subnetById,
    subnetOfVm,
    serversIn,
    listenersIn,
    portsIn,
    routes,
    flowsInto,
  };
}

function vmListener(vm: VmPlacement, port: number, groups: readonly string[]): Listener {
  return { node: vm.id, port, groups };
}

function inboundAllows(
  rules: readonly InboundRule[] | null,
  source: Subnet,
  port: number,
  names: (entries: readonly string[], subnet: Subnet) => boolean,
  portOk: (ports: readonly number[] | null, port: number) => boolean,
): boolean {
  return rules === null || rules.some((rule) => names(rule.from, source) && portOk(rule.ports, port));
}

function outboundAllows(
  rules: readonly OutboundRule[] | null,
  target: Subnet,
  port: number,
  names: (entries: readonly string[], subnet: Subnet) => boolean,
  portOk: (ports: readonly number[] | null, port: number) => boolean,
): boolean {
  return rules === null || rules.some((rule) => names(rule.to, target) && portOk(rule.ports, port));
}

/**
 * Which networks route to which. Every link routes between its two ends; peering is not transitive,
 * except through gateways: a network peered (with gateway transit) to a hub reaches the sites the hub
 * reaches over VPN or ExpressRoute, and those sites reach it.
 */
function deriveRoutes(deployment: Deployment, networkIds: ReadonlySet<string>): Map<string, Set<string>> {
  const routes = new Map<string, Set<string>>();
  for (const id of networkIds) routes.set(id, new Set([id]));
  const connect = (a: string, b: string) => {
    routes.get(a)?.add(b);
    routes.get(b)?.add(a);
  };
  const links = deployment.model.networkLinks ?? [];
  const gatewaySites = new Map<string, string[]>();
  for (const link of links) {
    const [a, b] = link.between;
    if (a === undefined || b === undefined) continue;
    connect(a, b);
    if (link.type !== 'peering') {
      pushTo(gatewaySites, a, b);
      pushTo(gatewaySites, b, a);
    }
  }
  for (const link of links) {
    const [a, b] = link.between;
    if (a === undefined || b === undefined || link.type !== 'peering' || !link.gatewayTransit) continue;
    for (const site of gatewaySites.get(b) ?? []) if (site !== a) connect(a, site);
    for (const site of gatewaySites.get(a) ?? []) if (site !== b) connect(b, site);
  }
  return routes;
}

/** The hub node of one subnet and port. */
export function portHub(subnet: Subnet, port: number): string {
  return nodeId.subnetPort(subnet.id, port);
}
