// Node id → compiled index without a hash map of every id: a map of the ids rules look up by name,
// binary search over the sorted ids for the rest (nodes that rules reach by handle), and a full map
// built only once a caller looks up many of those (bench/README.md, "Growth curve").

/** Binary searches tolerated before the index builds a map of every id instead (each costs µs at 10M ids). */
export const SEARCHES_BEFORE_FULL_MAP = 1 << 14;

/**
 * id → index into `ids` (sorted by code unit). `named` maps the ids added for lookup by name to their
 * added positions, `remap` turns an added position into an index. Other ids are found by binary
 * search; after SEARCHES_BEFORE_FULL_MAP of those, by a map of every id built then. Iterates in index
 * order, as a Map built from the sorted ids would.
 */
export class NodeIdIndex implements ReadonlyMap<string, number> {
  // Private fields: equality (tests' deep equality included) goes by the entries, as for a Map.
  readonly #ids: readonly string[];
  readonly #named: ReadonlyMap<string, number>;
  readonly #remap: Int32Array;
  #searches = 0;
  #all: Map<string, number> | null = null;

  constructor(ids: readonly string[], named: ReadonlyMap<string, number>, remap: Int32Array) {
    this.#ids = ids;
    this.#named = named;
    this.#remap = remap;
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  get size(): number {
    return this.#ids.length;
  }

  get(id: string): number | undefined {
    const p = this.#named.get(id);
    if (p !== undefined) return this.#remap[p];
    if (this.#all !== null) return this.#all.get(id);
    if (++this.#searches > SEARCHES_BEFORE_FULL_MAP) {
      const ids = this.#ids;
      const all = new Map<string, number>();
      for (let i = 0; i < ids.length; i++) all.set(ids[i]!, i);
      this.#all = all;
      return all.get(id);
    }
    return search(this.#ids, id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void, thisArg?: unknown): void {
    this.#ids.forEach((id, i) => callback.call(thisArg, i, id, this));
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.#ids.length; i++) yield [this.#ids[i]!, i];
  }

  keys(): MapIterator<string> {
    return this.#ids.values();
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.#ids.length; i++) yield i;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}

/** Index of `id` in `ids` (ascending by code unit, no repeats), or undefined. */
function search(ids: readonly string[], id: string): number | undefined {
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const at = ids[mid]!;
    if (at < id) low = mid + 1;
    else if (at > id) high = mid - 1;
    else return mid;
  }
  return undefined;
}
