// What every azurerm translator shares: the instance it reads, and small readers of its arguments
// that record what could not be resolved instead of failing.

import type { InventoryResource } from '../inventory.js';
import type { SourceLocation } from '../../model/types.js';
import { UNKNOWN_SUBSCRIPTION } from '../map/organizations.js';
import { isObject, isUnknown, type HclValue } from './hcl/value.js';

/** One instance of a resource, data source or module call, with its evaluated arguments. */
export interface TerraformInstance {
  /** `azurerm_storage_account.this`, `module.hostpool`, `azurerm_windows_virtual_machine.vm[0]`. */
  readonly address: string;
  readonly type: string;
  get(name: string): HclValue;
  readonly subscription: string | null;
  readonly origin: SourceLocation;
}

/** Known attributes a translated instance exposes to references (`.id`, `.name`, module `.resource.id`). */
export type Computed = Record<string, HclValue>;

export interface Translation {
  readonly resources: InventoryResource[];
  /** Names the importer could not resolve (the address stood in for them). */
  readonly unresolved: string[];
}

export const str = (v: HclValue): string | null => (typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null);


export function nameOf(inst: TerraformInstance, attr: string, unresolved: string[]): string {
  const raw = inst.get(attr);
  const v = str(raw);
  if (v !== null) return v;
  unresolved.push(`${inst.address}.${attr}`);
  if (isUnknown(raw) && raw.placeholder !== null) return raw.placeholder;
  return inst.address.replace(/^module\./, '').split('.').pop() ?? inst.address;
}

export function scopeOf(inst: TerraformInstance, rgAttr: string, unresolved: string[]): { sub: string; rg: string } {
  const raw = inst.get(rgAttr);
  const rg = str(raw) ?? (isUnknown(raw) ? raw.placeholder : null);
  if (str(raw) === null) unresolved.push(`${inst.address}.${rgAttr}`);
  return { sub: inst.subscription ?? UNKNOWN_SUBSCRIPTION, rg: rg ?? 'unknown-resource-group' };
}

export function resource(inst: TerraformInstance, type: string, id: string, name: string, properties: Record<string, unknown>, sub: string | null): InventoryResource {
  const tags: Record<string, string> = {};
  const t = inst.get('tags');
  if (isObject(t)) for (const [k, v] of Object.entries(t)) if (typeof v === 'string') tags[k] = v;
  return { type, id, name, subscription: sub === UNKNOWN_SUBSCRIPTION ? null : sub, resourceGroup: null, tenant: null, properties, tags, origin: inst.origin };
}

export function known(v: HclValue): unknown {
  return isUnknown(v) ? undefined : v;
}

export function firstBlock(v: HclValue): Record<string, HclValue> | null {
  if (Array.isArray(v)) return isObject(v[0]) ? v[0] : null;
  return isObject(v) ? v : null;
}

export type Translator = (inst: TerraformInstance, unresolved: string[]) => { resources: InventoryResource[]; computed: Computed };

/** Every block of a nested block argument (`security_rule { … }` repeated), as objects. */
export function blocksOf(v: HclValue): Record<string, HclValue>[] {
  return (Array.isArray(v) ? v : [v]).filter(isObject);
}

/** A list of strings (`address_space`), or a single string as a one-element list; unknown items dropped. */
export function strings(v: HclValue | undefined): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => str(x)).filter((x): x is string => x !== null);
}
