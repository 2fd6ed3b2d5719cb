// One ARM resource object (REST API, Resource Graph row, `az resource list`, an evaluated template
// resource) to an inventory resource. Every JSON-shaped source goes through here.

import { parseArmId } from '../arm-id.js';
import type { InventoryResource } from '../inventory.js';
import type { SourceLocation } from '../../model/types.js';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` looks like an ARM resource: a `type` and an `id` or `name`. */
export function looksLikeArmResource(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value['type'] === 'string' && (typeof value['id'] === 'string' || typeof value['name'] === 'string');
}

/**
 * Converts an ARM-shaped object. The type is lower-cased and a leading `/` dropped (the REST examples
 * write `/Microsoft.DesktopVirtualization/hostPools`); subscription and resource group come from the
 * id, else from Resource Graph's `subscriptionId`/`resourceGroup` columns.
 */
export function fromArmObject(object: Record<string, unknown>, origin: SourceLocation): InventoryResource {
  const type = String(object['type']).replace(/^\/+/, '').toLowerCase();
  const id = typeof object['id'] === 'string' ? object['id'] : '';
  const parsed = parseArmId(id);
  const rawName = typeof object['name'] === 'string' ? object['name'] : (parsed.name ?? '');
  const name = rawName.split('/').pop() ?? rawName;
  const properties = isRecord(object['properties']) ? object['properties'] : {};
  const tags: Record<string, string> = {};
  if (isRecord(object['tags'])) for (const [k, v] of Object.entries(object['tags'])) tags[k] = String(v);
  const subscription = parsed.subscription ?? stringOrNull(object['subscriptionId']);
  const resourceGroup = parsed.resourceGroup ?? stringOrNull(object['resourceGroup']);
  return {
    type,
    id: id !== '' ? id : `${type}/${rawName}`,
    name,
    subscription,
    resourceGroup,
    tenant: stringOrNull(object['tenantId']),
    properties,
    tags,
    origin,
  };
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
