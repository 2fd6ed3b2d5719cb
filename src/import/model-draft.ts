// The model the importer writes: plain objects in indepth's model-file shape (only the fields it
// sets; the loader fills the documented defaults), before they become YAML.

import type { ControlName } from '../domain/controls.js';
import type { Classification, DataLocation, PoolType, Privilege } from '../model/types.js';

export interface DraftOrganization { id: string; name?: string }
export interface DraftTenant { id: string; organizations: string[] }
export interface DraftSubscription { id: string; tenant: string; organizations: string[] }
export interface DraftHostPool { id: string; subscription: string; type: PoolType; vms?: number; osBuild?: string; apps?: string[] }
export interface DraftApp { id: string; browser?: boolean }
export interface DraftUser {
  id: string;
  organization: string;
  count?: number;
  privilege?: Privilege;
  hostPool?: string;
  vm?: number;
  subscription?: string;
  apps?: string[];
}
export interface DraftDataStore {
  id: string;
  organization: string;
  classification?: Classification;
  location: DataLocation;
  users: string[];
  readers?: string[];
  subscription?: string;
}

export interface ModelDraft {
  name: string;
  description: string;
  organizations: DraftOrganization[];
  tenants: DraftTenant[];
  subscriptions: DraftSubscription[];
  hostPools: DraftHostPool[];
  apps: DraftApp[];
  users: DraftUser[];
  data: DraftDataStore[];
  controls: Record<ControlName, boolean>;
}

/** Model collections whose entries have an `id`, in file order. */
export const DRAFT_COLLECTIONS = ['organizations', 'tenants', 'subscriptions', 'hostPools', 'apps', 'users', 'data'] as const;
