// Organizations do not exist in Azure: each resource is given one by `--org-by` (its subscription,
// its resource group, a tag) or by a mapping file's rules. Tenants and subscriptions follow.

import type { InventoryResource } from '../inventory.js';
import type { DraftOrganization, DraftSubscription, DraftTenant } from '../model-draft.js';
import type { MapContext } from './context.js';

/** A mapping-file rule: resources whose id matches one of `match` (globs, or `tag:NAME=VALUE`) belong to `organization`. */
export interface OrgRule {
  readonly organization: string;
  readonly match: readonly string[];
}

/** Stand-in subscription for resources whose source does not name one (a Terraform default provider). */
export const UNKNOWN_SUBSCRIPTION = 'default-subscription';
const UNKNOWN_TENANT = 'tenant';

export class Organizations {
  private readonly orgs = new Map<string, DraftOrganization>();
  private readonly subscriptionOrgs = new Map<string, Set<string>>();
  private readonly tenantOfOrg = new Map<string, string | null>();
  private readonly subscriptionIds = new Map<string, string>();
  private unknownSubscriptionNoted = false;
  private readonly resources = new Map<string, InventoryResource[]>();

  constructor(private readonly context: MapContext) {}

  /** The model subscription id of a resource (a stand-in, with an assumption, when unknown). */
  subscriptionOf(resource: InventoryResource): string {
    return this.subscriptionFor(resource.subscription, resource.origin);
  }

  /** The model id of a subscription id from the input (null: the stand-in). */
  subscriptionFor(subscription: string | null, origin?: InventoryResource['origin']): string {
    const key = subscription ?? UNKNOWN_SUBSCRIPTION;
    if (subscription === null && !this.unknownSubscriptionNoted) {
      this.unknownSubscriptionNoted = true;
      this.context.assume(
        `subscriptions/${UNKNOWN_SUBSCRIPTION}`,
        'the input does not name the subscription its resources are deployed to (e.g. a Terraform provider configured from the environment): all such resources are placed in one subscription',
        origin,
      );
    }
    let id = this.subscriptionIds.get(key.toLowerCase());
    if (id === undefined) {
      id = this.context.ids.allocate(`subscription:${key}`, key);
      this.subscriptionIds.set(key.toLowerCase(), id);
    }
    return id;
  }

  /** Whether a model subscription already holds resources of an organization. */
  holds(subscription: string, organization: string): boolean {
    return this.subscriptionOrgs.get(subscription)?.has(organization) ?? false;
  }

  /** The first organization with resources in a model subscription; without one, the organization `--org-by` gives the subscription itself. */
  firstOrganizationIn(subscription: string): string {
    const first = this.subscriptionOrgs.get(subscription)?.values().next().value;
    if (first !== undefined) return first;
    const key = [...this.subscriptionIds].find(([, id]) => id === subscription)?.[0] ?? UNKNOWN_SUBSCRIPTION;
    const input = key === UNKNOWN_SUBSCRIPTION.toLowerCase() ? null : key;
    const standIn: InventoryResource = { type: 'microsoft.resources/subscriptions', id: `/subscriptions/${input ?? UNKNOWN_SUBSCRIPTION}`, name: input ?? UNKNOWN_SUBSCRIPTION, subscription: input, resourceGroup: null, tenant: null, properties: {}, tags: {}, origin: { file: '', line: 1, column: 1 } };
    return this.organizationOf(standIn);
  }

  /** The input resources placed in an organization. */
  resourcesOf(organization: string): readonly InventoryResource[] {
    return this.resources.get(organization) ?? [];
  }

  /** An organization of an input tenant id (the first seen), else the first organization at all; null when there is none yet. */
  organizationOfTenant(tenant: string | null): string | null {
    const match = [...this.tenantOfOrg].find(([, t]) => t !== null && tenant !== null && t.toLowerCase() === tenant.toLowerCase());
    return match?.[0] ?? this.orgs.keys().next().value ?? null;
  }

  /** The organization id of a resource, registering it, its subscription and its tenant. */
  organizationOf(resource: InventoryResource): string {
    const { key, name } = this.keyOf(resource);
    const id = this.context.ids.allocate(`organization:${key}`, name);
    if (!this.orgs.has(id)) this.orgs.set(id, { id });
    const held = this.resources.get(id) ?? [];
    if (!held.includes(resource)) held.push(resource);
    this.resources.set(id, held);
    const subscription = this.subscriptionOf(resource);
    const set = this.subscriptionOrgs.get(subscription) ?? new Set<string>();
    set.add(id);
    this.subscriptionOrgs.set(subscription, set);
    if ((this.tenantOfOrg.get(id) ?? null) === null) this.tenantOfOrg.set(id, resource.tenant);
    return id;
  }

  private keyOf(resource: InventoryResource): { key: string; name: string } {
    const orgBy = this.context.options.orgBy;
    switch (orgBy.kind) {
      case 'subscription': {
        const sub = resource.subscription ?? UNKNOWN_SUBSCRIPTION;
        return { key: `subscription:${sub.toLowerCase()}`, name: `org-${/^[0-9a-f]{8}-/i.test(sub) ? sub.slice(0, 8) : sub}` };
      }
      case 'resource-group': {
        const rg = resource.resourceGroup ?? 'no-resource-group';
        return { key: `rg:${rg.toLowerCase()}`, name: rg };
      }
      case 'tag': {
        const value = resource.tags[orgBy.tag] ?? Object.entries(resource.tags).find(([k]) => k.toLowerCase() === orgBy.tag.toLowerCase())?.[1];
        if (value === undefined) {
          this.context.assume(null, `${describe(resource)} has no tag \`${orgBy.tag}\`: placed in organization \`untagged\``, resource.origin);
          return { key: 'tag:', name: 'untagged' };
        }
        return { key: `tag:${value.toLowerCase()}`, name: value };
      }
      case 'rules': {
        const rule = orgBy.rules.find((r) => r.match.some((pattern) => matches(pattern, resource)));
        if (rule === undefined) {
          this.context.assume(null, `${describe(resource)} matches no rule of the organization mapping: placed in organization \`unmapped\``, resource.origin);
          return { key: 'rules:', name: 'unmapped' };
        }
        return { key: `rules:${rule.organization.toLowerCase()}`, name: rule.organization };
      }
    }
  }

  /** Organizations, tenants and subscriptions seen so far, in first-seen order. */
  finish(): { organizations: DraftOrganization[]; tenants: DraftTenant[]; subscriptions: DraftSubscription[]; tenantOf: (inputTenant: string | null) => string | undefined } {
    const organizations = [...this.orgs.values()];
    const tenantIds = new Map<string, string>();
    const tenants: DraftTenant[] = [];
    const tenantOf = (org: string): string => {
      const key = this.tenantOfOrg.get(org) ?? UNKNOWN_TENANT;
      let tenant = tenantIds.get(key.toLowerCase());
      if (tenant === undefined) {
        tenant = this.context.ids.allocate(`tenant:${key}`, key === UNKNOWN_TENANT ? UNKNOWN_TENANT : `tenant-${key.slice(0, 8)}`);
        tenantIds.set(key.toLowerCase(), tenant);
        tenants.push({ id: tenant, organizations: [] });
        if (key === UNKNOWN_TENANT) {
          this.context.assume(
            `tenants/${tenant}`,
            'the input does not name the Entra ID tenant: assumed one tenant shared by every organization without one (the worst case: a shared tenant joins them)',
          );
        }
      }
      return tenant;
    };
    for (const org of organizations) {
      const tenant = tenantOf(org.id);
      tenants.find((t) => t.id === tenant)?.organizations.push(org.id);
    }
    const subscriptions: DraftSubscription[] = [...this.subscriptionOrgs.entries()].map(([id, orgs]) => {
      const list = [...orgs];
      return { id, tenant: tenantOf(list[0] as string), organizations: list };
    });
    return { organizations, tenants, subscriptions, tenantOf: (inputTenant) => tenantIds.get((inputTenant ?? UNKNOWN_TENANT).toLowerCase()) };
  }
}

function describe(resource: InventoryResource): string {
  return `${resource.type.split('/').pop() ?? 'resource'} \`${resource.name}\``;
}

function matches(pattern: string, resource: InventoryResource): boolean {
  const tag = /^tag:([^=]+)=(.*)$/.exec(pattern);
  if (tag !== null) return resource.tags[tag[1] as string] === tag[2];
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return regex.test(resource.id) || (resource.resourceGroup !== null && regex.test(resource.resourceGroup)) || (resource.subscription !== null && regex.test(resource.subscription));
}
