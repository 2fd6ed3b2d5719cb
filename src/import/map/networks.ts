// Networks the model needs for direct RDP exposure (rdp-exposure.ts): a pool whose hosts are exposed,
// or whose exposure the input does not show (the worst case), sits in a subnet that admits TCP 3389
// from the internet besides its own virtual network (Azure's AllowVnetInBound); a pool shown closed
// needs no network entity (Reverse Connect opens no inbound port).

import type { DraftNetwork, DraftSubnet } from '../model-draft.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';
import { poolExposure, RDP_PORT } from './rdp-exposure.js';

export function mapRdpExposure(context: MapContext, pools: readonly MappedPool[]): { networks: DraftNetwork[]; subnets: DraftSubnet[] } {
  const networks: DraftNetwork[] = [];
  const subnets: DraftSubnet[] = [];
  for (const pool of pools) {
    const subject = `hostPools/${pool.draft.id}`;
    const exposure = poolExposure(context, pool);
    if (exposure.state === 'closed') {
      context.read(subject, `no direct RDP from the internet: ${exposure.reason}`, pool.resource.origin);
      continue;
    }
    const vnet = exposure.network?.vnet ?? `${pool.draft.id}-network`;
    const networkId = context.ids.allocate(`vnet:${vnet.toLowerCase()}`, vnet);
    if (!networks.some((n) => n.id === networkId)) {
      networks.push({ id: networkId, organization: pool.organization });
      if (exposure.network === null) context.assume(`networks/${networkId}`, `the virtual network of \`${pool.draft.id}\`'s session hosts is not in the input: a stand-in`);
    }
    const name = exposure.network?.subnet ?? `${pool.draft.id}-hosts`;
    const subnetId = context.ids.allocate(`subnet:${vnet.toLowerCase()}/${name.toLowerCase()}`, name);
    let subnet = subnets.find((s) => s.id === subnetId);
    if (subnet === undefined) {
      subnet = { id: subnetId, network: networkId, hostPools: [], inbound: [{ from: ['internet'], ports: [RDP_PORT] }, { from: [networkId], ports: null }] };
      subnets.push(subnet);
    }
    subnet.hostPools.push(pool.draft.id);
    const how = exposure.state === 'exposed' ? 'direct RDP from the internet' : 'direct RDP from the internet assumed (the worst case)';
    if (exposure.state === 'exposed') context.read(`subnets/${subnetId}`, `${how} to \`${pool.draft.id}\`: ${exposure.reason}`, pool.resource.origin, 'inbound');
    else context.assume(`subnets/${subnetId}`, `${how} to \`${pool.draft.id}\`: ${exposure.reason}; inbound from its own virtual network is Azure's default`, pool.resource.origin, 'inbound');
  }
  return { networks, subnets };
}
