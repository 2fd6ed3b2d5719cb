// Minimal failure sets as string arrays: keep only sets with no proper subset in the family, sorted
// by size then element by element, so every output lists them in one canonical order.

import { byString } from '../report/json.js';

export function compareSets(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) return a.length - b.length;
  for (let i = 0; i < a.length; i++) {
    const c = byString(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** The minimal sets of a family (each set sorted first), without duplicates, in canonical order. */
export function minimalSets(family: Iterable<readonly string[]>): string[][] {
  const sorted = [...family].map((set) => [...new Set(set)].sort(byString)).sort(compareSets);
  const kept: string[][] = [];
  for (const set of sorted) {
    if (kept.length > 0 && compareSets(kept[kept.length - 1]!, set) === 0) continue;
    if (kept.some((small) => isSubset(small, set))) continue;
    kept.push(set);
  }
  return kept;
}

function isSubset(small: readonly string[], big: readonly string[]): boolean {
  if (small.length > big.length) return false;
  const members = new Set(big);
  return small.every((x) => members.has(x));
}
