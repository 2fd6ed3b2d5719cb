// A deployment model as it is written in a model file: plain, YAML-serializable data. Generators
// build these; properties serialize them with `yaml` and load them through `parseModel`, so the
// loader, the rules, the compiler and the engine all run on every generated case. Fields equal to
// the loader's defaults are left out, so a shrunk counterexample reads like a hand-written model.

import type { ControlName } from '../../src/domain/controls.js';
import type { Classification, DataLocation, PoolType, Privilege } from '../../src/model/types.js';

export interface TenantDoc {
  id: string;
  organizations: string[];
}

export interface SubscriptionDoc {
  id: string;
  tenant: string;
  organizations: string[];
}

export interface PhysicalHostDoc {
  id: string;
  hostPools: string[];
}

export interface HostPoolDoc {
  id: string;
  subscription: string;
  type: PoolType;
  vms?: number;
  apps?: string[];
  dedicatedHost?: boolean;
  confidential?: boolean;
  /** Never generated (AVD's default redirection applies); claims state it to turn a channel off. */
  customRdpProperty?: string;
}

export interface AppDoc {
  id: string;
  sandboxed?: boolean;
  browser?: boolean;
}

export interface UserDoc {
  id: string;
  organization: string;
  count?: number;
  privilege?: Privilege;
  hostPool?: string;
  vm?: number;
  subscription?: string;
  apps?: string[];
  device?: boolean;
}

export interface DataDoc {
  id: string;
  organization: string;
  location: DataLocation;
  classification?: Classification;
  users?: string[];
  readers?: string[];
  subscription?: string;
  access?: 'identity' | 'storageKey';
}

export interface ModelDoc {
  name: string;
  organizations: { id: string }[];
  tenants: TenantDoc[];
  subscriptions?: SubscriptionDoc[];
  physicalHosts?: PhysicalHostDoc[];
  hostPools?: HostPoolDoc[];
  apps?: AppDoc[];
  users?: UserDoc[];
  data?: DataDoc[];
  /** Identity sections (test/arbitraries/identity.ts). */
  groups?: { id: string; organization: string; members: string[] }[];
  roleAssignments?: { principal: string; role: string; scope: string }[];
  guests?: { user: string; tenant: string }[];
  managedIdentities?: { id: string; organization: string; hostPools: string[] }[];
  /** Only the controls that differ from the defaults. */
  controls?: Partial<Record<ControlName, boolean>>;
}

/** Drops empty lists and the named keys whose value is the loader's default. */
export function compact<T extends object>(entity: T, defaults: Partial<T> = {}): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(entity)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (key in defaults && (defaults as Record<string, unknown>)[key] === value) continue;
    out[key] = value;
  }
  return out as T;
}
