// Objects whose members are computed on first read (Terraform values refer to each other in any
// order); a member that depends on itself reads as Unknown instead of recursing.

import { Unknown, type HclValue } from './value.js';

export function lazyObject(keys: readonly string[], compute: (key: string) => HclValue): { [key: string]: HclValue } {
  const object: { [key: string]: HclValue } = {};
  const done = new Map<string, HclValue>();
  const busy = new Set<string>();
  for (const key of keys) {
    Object.defineProperty(object, key, {
      enumerable: true,
      get(): HclValue {
        const known = done.get(key);
        if (known !== undefined) return known;
        if (busy.has(key)) return new Unknown(`\`${key}\` depends on itself`);
        busy.add(key);
        try {
          const value = compute(key);
          done.set(key, value);
          return value;
        } finally {
          busy.delete(key);
        }
      },
    });
  }
  return object;
}
