// AD DS domains from how session hosts join: hosts with the domain join extension (or a passing
// DomainJoinedCheck) are AD DS-joined, so the domain's Domain Admins administer them; a pool whose
// hosts the input shows joining no domain stays Entra-joined, the model's default.

import type { DraftDomain } from '../model-draft.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';

export function mapDomains(context: MapContext, pools: readonly MappedPool[]): DraftDomain[] {
  const domains: DraftDomain[] = [];
  for (const pool of pools) {
    const joined = pool.sessionHosts.filter((h) => h.join === 'AD DS');
    if (joined.length === 0) continue;
    const name = joined.find((h) => h.domain !== null)?.domain ?? null;
    const id = context.ids.allocate(`domain:${(name ?? '').toLowerCase()}`, name ?? 'ad-ds-domain');
    let domain = domains.find((d) => d.id === id);
    if (domain === undefined) {
      domain = { id, organizations: [], hostPools: [] };
      domains.push(domain);
      const subject = `domains/${id}`;
      if (name === null) context.assume(subject, 'the session hosts are AD DS-joined but the input does not name the domain: one domain for every such pool (the worst case: one forest)', pool.resource.origin);
      else context.read(subject, `AD DS domain \`${name}\` (the domain join extension's Name)`, pool.resource.origin);
      context.assume(subject, 'its domain controllers and Microsoft Entra Connect are not in the input: the defaults (2 controllers; Entra Connect syncs its accounts to the tenant, the worst case)', pool.resource.origin);
    }
    if (!domain.organizations.includes(pool.organization)) domain.organizations.push(pool.organization);
    if (!domain.hostPools.includes(pool.draft.id)) domain.hostPools.push(pool.draft.id);
  }
  return domains;
}
