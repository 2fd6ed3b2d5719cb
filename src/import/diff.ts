// `indepth import --diff`: what the deployment has that a reviewed model does not say (new pools,
// new role assignments and application group assignments, changed pool types and sizes), and what the model has that
// the deployment no longer does. Entities are matched by collection and id.

import type { Model } from '../model/types.js';
import { DRAFT_COLLECTIONS, entriesOf, entryKey, type ModelDraft } from './model-draft.js';

export interface ModelChange {
  readonly kind: 'added' | 'removed' | 'changed';
  /** `hostPools/pool1`, or `hostPools/pool1.vms` for a changed field. */
  readonly path: string;
  readonly detail: string;
}

const FIELDS: Readonly<Record<string, readonly string[]>> = {
  hostPools: ['type', 'vms', 'subscription'],
  users: ['organization', 'hostPool', 'count', 'vm'],
  groups: ['organization', 'members', 'count'],
  applicationGroups: ['hostPool', 'type', 'apps', 'assignments'],
  resourceGroups: ['subscription', 'resources'],
  managementGroups: ['tenant', 'subscriptions'],
  roleAssignments: ['delegation'],
  domains: ['organizations', 'hostPools'],
  storageAccounts: ['subscription', 'shares'],
  networks: ['type', 'organization'],
  networkLinks: ['gatewayTransit'],
  subnets: ['network', 'hostPools', 'inbound', 'outbound'],
  data: ['organization', 'location', 'subscription', 'users', 'access'],
  subscriptions: ['tenant', 'organizations'],
  tenants: ['organizations'],
};

/** Changes from `reviewed` to `imported`, sorted by path. Fields the import does not set are not compared. */
export function diffModels(reviewed: Model, imported: ModelDraft): ModelChange[] {
  const changes: ModelChange[] = [];
  for (const collection of DRAFT_COLLECTIONS) {
    const before = new Map(((reviewed[collection] ?? []) as readonly object[]).map((e) => [entryKey(e), e as Record<string, unknown>]));
    const after = new Map(entriesOf(imported, collection).map((e) => [entryKey(e), e as Record<string, unknown>]));
    for (const [id, entity] of after) {
      const old = before.get(id);
      if (old === undefined) {
        changes.push({ kind: 'added', path: `${collection}/${id}`, detail: summary(entity) });
        continue;
      }
      for (const field of FIELDS[collection] ?? []) {
        if (!(field in entity)) continue;
        const a = canonical(old[field]);
        const b = canonical(entity[field]);
        if (a !== b) changes.push({ kind: 'changed', path: `${collection}/${id}.${field}`, detail: `${a} -> ${b}` });
      }
    }
    for (const id of before.keys()) if (!after.has(id)) changes.push({ kind: 'removed', path: `${collection}/${id}`, detail: 'not in the deployment' });
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

export function formatModelDiff(changes: readonly ModelChange[], modelFile: string): string {
  if (changes.length === 0) return `${modelFile}: in step with the deployment (no differences in the imported fields)\n`;
  const sign = { added: '+', removed: '-', changed: '~' } as const;
  return `${changes.map((c) => `${sign[c.kind]} ${c.path}: ${c.detail}`).join('\n')}\n`;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}: ${canonical(v)}`).join(', ')}}`;
  }
  return value === undefined || value === null ? 'none' : String(value);
}

function summary(entity: Record<string, unknown>): string {
  return Object.entries(entity)
    .filter(([k]) => k !== 'id')
    .map(([k, v]) => `${k}=${canonical(v)}`)
    .join(' ');
}
