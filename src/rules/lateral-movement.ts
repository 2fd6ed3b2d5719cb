// Rule `lateral-movement`: from a subnet, traffic the networks route and the inbound and outbound
// rules allow reaches a listening port; exploiting the listener crosses the network boundary of that
// machine and port. One hub per subnet and port keeps it linear: sources → hub → listeners, never
// machine × machine.

import { networkFacts, portHub } from '../compile/network-facts.js';
import type { Rule } from './rule.js';

export const lateralMovement: Rule = {
  id: 'lateral-movement',
  description:
    'A subnet reaches the ports its routes and security rules allow; a listener there yields its machine across the network boundary.',
  guide: 'An unauthorized network endpoint can\u2019t access or tamper with code and data on a customer\u2019s device.',
  apply(deployment, edge) {
    if ((deployment.model.subnets ?? []).length === 0) return;
    const facts = networkFacts(deployment);
    for (const subnet of facts.subnets) {
      const listeners = facts.listenersIn.get(subnet.id) ?? [];
      for (const port of facts.portsIn.get(subnet.id) ?? []) {
        const sources = facts.flowsInto(subnet, port);
        // Nothing may reach the port: no hub, no listener edges (the node was not emitted either).
        if (sources.length === 0) continue;
        const hub = portHub(subnet, port);
        for (const source of sources) edge(source, hub);
        for (const listener of listeners) {
          if (listener.port !== port) continue;
          edge(hub, listener.node, { boundary: 'network', place: `${listener.node}:${port}`, groups: [`port:${port}`, ...listener.groups] });
        }
      }
    }
  },
};
