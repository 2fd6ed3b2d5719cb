// What every per-resource-type mapping shares: the inventory indexed by type and id, the options,
// the id allocator, and the list of assumptions it writes into.

import { normalize } from '../arm-id.js';
import type { Assumption, Inventory, InventoryResource } from '../inventory.js';
import type { SourceLocation } from '../../model/types.js';
import type { OrgRule } from './organizations.js';
import { IdAllocator } from './ids.js';

export type OrgBy = { readonly kind: 'subscription' } | { readonly kind: 'resource-group' } | { readonly kind: 'tag'; readonly tag: string } | { readonly kind: 'rules'; readonly rules: readonly OrgRule[] };

export interface MapOptions {
  readonly orgBy: OrgBy;
  /** Members assumed in an Entra group whose membership the input does not list. */
  readonly groupSize: number;
  /** Model name. */
  readonly name: string;
}

export const DEFAULT_GROUP_SIZE = 50;

export class MapContext {
  readonly ids = new IdAllocator();
  readonly assumptions: Assumption[] = [];
  private readonly byType = new Map<string, InventoryResource[]>();
  private readonly byId = new Map<string, InventoryResource>();

  constructor(
    readonly inventory: Inventory,
    readonly options: MapOptions,
  ) {
    for (const resource of inventory.resources) {
      const list = this.byType.get(resource.type) ?? [];
      list.push(resource);
      this.byType.set(resource.type, list);
      if (!this.byId.has(normalize(resource.id))) this.byId.set(normalize(resource.id), resource);
    }
  }

  /** Resources of one ARM type (lower case), in input order. */
  ofType(type: string): readonly InventoryResource[] {
    return this.byType.get(type) ?? [];
  }

  get(id: string): InventoryResource | undefined {
    return this.byId.get(normalize(id));
  }

  assume(subject: string | null, message: string, origin?: SourceLocation, field?: string): void {
    if (this.assumptions.some((a) => a.subject === subject && a.message === message && a.field === field)) return;
    this.assumptions.push({ subject, message, ...(origin === undefined ? {} : { origin }), ...(field === undefined ? {} : { field }) });
  }

  /** A warning: an assumption a reviewer must act on (see Assumption.warning). */
  warn(subject: string | null, message: string, origin?: SourceLocation): void {
    this.assumptions.push({ subject, message, warning: true, ...(origin === undefined ? {} : { origin }) });
  }

  /** Records where a model value came from (a comment, not an assumption). */
  read(subject: string | null, message: string, origin?: SourceLocation, field?: string): void {
    if (this.assumptions.some((a) => a.subject === subject && a.message === message && a.field === field)) return;
    this.assumptions.push({ subject, message, fact: true, ...(origin === undefined ? {} : { origin }), ...(field === undefined ? {} : { field }) });
  }
}
