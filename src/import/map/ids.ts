// Model ids from Azure names: `avd-vm-poc1-1` stays itself, `user1@contoso.com` becomes
// `user1-contoso.com`; two resources that would share an id get `-2`, `-3` (deterministically, in
// the order they are allocated).

import { isValidId, RESERVED_IDS } from '../../model/id-rules.js';

export class IdAllocator {
  private readonly taken = new Set<string>();
  private readonly byKey = new Map<string, string>();

  /** The id for `key` (a resource id or principal), made from `name`; the same key always gets the same id. */
  allocate(key: string, name: string): string {
    const known = this.byKey.get(key.toLowerCase());
    if (known !== undefined) return known;
    const base = toModelId(name);
    let id = base;
    for (let n = 2; this.taken.has(id.toLowerCase()); n += 1) id = `${base}-${n}`;
    this.taken.add(id.toLowerCase());
    this.byKey.set(key.toLowerCase(), id);
    return id;
  }
}

/** Replaces characters ids may not hold with `-`; never empty, never a reserved id. */
export function toModelId(name: string): string {
  let id = name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').replace(/-+$/, '');
  if (id === '') id = 'unnamed';
  if (RESERVED_IDS.has(id)) id = `${id}-1`;
  return isValidId(id) ? id : 'unnamed';
}
