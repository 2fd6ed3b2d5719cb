// ARM resource ids: `/subscriptions/{sub}/resourceGroups/{rg}/providers/{ns}/{type}/{name}[/{type}/{name}]…`.
// Parsing them gives a resource's subscription, resource group, type and name, and scope containment.

export interface ArmIdParts {
  readonly subscription: string | null;
  readonly resourceGroup: string | null;
  /** Full resource type in lower case (`microsoft.compute/virtualmachines/extensions`), or null for a scope. */
  readonly type: string | null;
  /** Name of the last segment (`vm1/ext` gives `ext`). */
  readonly name: string | null;
}

/** Splits an ARM id; tolerant of case and of a missing leading slash. Never throws. */
export function parseArmId(id: string): ArmIdParts {
  const parts = id.split('/').filter((p) => p !== '');
  let subscription: string | null = null;
  let resourceGroup: string | null = null;
  let i = 0;
  if (parts[i]?.toLowerCase() === 'subscriptions') {
    subscription = parts[i + 1] ?? null;
    i += 2;
  }
  if (parts[i]?.toLowerCase() === 'resourcegroups') {
    resourceGroup = parts[i + 1] ?? null;
    i += 2;
  }
  const providers = parts.findIndex((p, index) => index >= i && p.toLowerCase() === 'providers');
  if (providers < 0) return { subscription, resourceGroup, type: null, name: null };
  const rest = parts.slice(providers + 1);
  const namespace = rest[0];
  if (namespace === undefined) return { subscription, resourceGroup, type: null, name: null };
  const types = [namespace];
  let name: string | null = null;
  for (let k = 1; k + 1 < rest.length; k += 2) {
    types.push(rest[k] as string);
    name = rest[k + 1] as string;
  }
  return { subscription, resourceGroup, type: types.join('/').toLowerCase(), name };
}

/** Whether `scope` (a subscription, resource group or resource id) contains or is `id`; case-insensitive. */
export function scopeContains(scope: string, id: string): boolean {
  const s = normalize(scope);
  const r = normalize(id);
  return r === s || r.startsWith(`${s}/`);
}

/** The id of the parent resource (`…/hostPools/hp/sessionHosts/sh` gives `…/hostPools/hp`). */
export function parentId(id: string): string {
  const trimmed = id.replace(/\/+$/, '');
  return trimmed.split('/').slice(0, -2).join('/');
}

export function normalize(id: string): string {
  return id.replace(/\/+$/, '').toLowerCase();
}

/** Builds an id the way ARM does, for sources that never saw one. */
export function armId(subscription: string, resourceGroup: string, type: string, names: readonly string[]): string {
  const [namespace, ...types] = type.split('/');
  const path = types.map((t, k) => `${t}/${names[k] ?? '?'}`).join('/');
  return `/subscriptions/${subscription}/resourceGroups/${resourceGroup}/providers/${namespace}/${path}`;
}
