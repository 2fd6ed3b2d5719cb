// `--org-by subscription` (or `resource-group`) puts whatever shares a subscription into one
// organization. When that organization's principals or resources look like several customers —
// principals of different Entra tenants or of another tenant (ForeignGroup), users of different
// (guest) domains, different values of a customer-like tag — the merge would hide exactly the
// cross-customer exposure the model is for: say so, on the organization and on stderr, and point to
// `--org-map`.

import type { InventoryResource } from '../inventory.js';
import type { ModelDraft } from '../model-draft.js';
import type { MapContext } from './context.js';
import type { Identities } from './identities.js';

const CUSTOMER_TAG = /^(customer|client|tenant|org|organi[sz]ation|company)([-_ ]?(name|id))?$/i;

/** The domain a user principal's name shows: a B2B guest's home domain (`alice_fabrikam.com#EXT#@…`), else its UPN's. */
export function userDomain(name: string): string | null {
  const guest = /^[^#]*_([^_#]+\.[^_#]+)#EXT#@/i.exec(name);
  if (guest !== null) return (guest[1] as string).toLowerCase();
  const at = /@([^@\s]+\.[^@\s]+)$/.exec(name);
  return at === null ? null : (at[1] as string).toLowerCase();
}

export function warnMergedCustomers(context: MapContext, model: ModelDraft, identities: Identities, resourcesOf: (organization: string) => readonly InventoryResource[]): void {
  const by = context.options.orgBy.kind;
  if (by !== 'subscription' && by !== 'resource-group') return;
  for (const org of model.organizations) {
    const signs: string[] = [];
    const principals = identities.principals.filter(({ id }) => (model.users.find((u) => u.id === id) ?? model.groups?.find((g) => g.id === id))?.organization === org.id);
    const tenants = new Set(principals.map(({ principal }) => principal.tenant?.toLowerCase()).filter((t): t is string => t !== undefined && t !== ''));
    if (tenants.size > 1) signs.push(`principals of ${tenants.size} Entra tenants (${[...tenants].sort().join(', ')})`);
    const foreign = principals.filter(({ principal }) => principal.foreign === true).map(({ id }) => `\`${id}\``);
    if (foreign.length > 0) signs.push(`principals of another tenant (ForeignGroup: ${foreign.join(', ')})`);
    const domains = new Set(principals.filter(({ principal }) => principal.kind === 'user').map(({ principal }) => userDomain(principal.name)).filter((d): d is string => d !== null));
    if (domains.size > 1) signs.push(`users of ${domains.size} domains (${[...domains].sort().join(', ')})`);
    const tagValues = new Map<string, Set<string>>();
    for (const resource of resourcesOf(org.id)) {
      for (const [tag, value] of Object.entries(resource.tags)) {
        if (!CUSTOMER_TAG.test(tag)) continue;
        tagValues.set(tag, (tagValues.get(tag) ?? new Set()).add(value));
      }
    }
    for (const [tag, values] of tagValues) if (values.size > 1) signs.push(`resources tagged \`${tag}\` = ${[...values].sort().map((v) => `\`${v}\``).join(', ')} (try \`--org-by tag:${tag}\`)`);
    if (signs.length === 0) continue;
    context.warn(
      `organizations/${org.id}`,
      `one organization per ${by === 'subscription' ? 'subscription' : 'resource group'} merges what looks like several customers here: ${signs.join('; ')}. Cross-customer exposure inside it is not reported as leakage; map the customers with \`--org-map FILE\``,
    );
  }
}
