// Truth tables of equal width, hash-consed: each distinct table is stored once under a small id, so
// the rows of a propagation hold ids and equal tables share one. Deployment graphs have a handful of
// distinct tables however many rows they have (31 at 85k and at 1M nodes), which is what makes a
// row's update a memo lookup instead of a pass over its words (src/engine/depth-by-type.ts).

const EMPTY_SLOT = -1;

export class TableStore {
  /** Uint32 words per table. */
  readonly words: number;
  /** Table t is tables[t*words .. (t+1)*words). Replaced when it grows: read it again after intern(). */
  tables: Uint32Array;
  private hashes: Int32Array;
  /** Open addressing over table ids by content hash. */
  private slots: Int32Array;
  private used = 0;

  constructor(words: number, capacity = 64) {
    if (!Number.isInteger(words) || words < 1) throw new RangeError(`table width must be a whole number of words ≥ 1, got ${words}`);
    this.words = words;
    const size = Math.max(16, capacity);
    this.tables = new Uint32Array(size * words);
    this.hashes = new Int32Array(size);
    this.slots = new Int32Array(slotCount(size)).fill(EMPTY_SLOT);
  }

  /** Distinct tables stored; their ids are 0 .. count-1, in the order they were first interned. */
  get count(): number {
    return this.used;
  }

  /** The id of the table equal to words[from .. from+words): the existing one, or a new id. */
  intern(table: Uint32Array, from = 0): number {
    const { words } = this;
    const hash = hashWords(table, from, words);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY_SLOT) break;
      if (this.hashes[id] === hash && sameWords(this.tables, id * words, table, from, words)) return id;
    }
    if (this.used === this.hashes.length) this.grow();
    const id = this.used++;
    this.tables.set(table.subarray(from, from + words), id * words);
    this.hashes[id] = hash;
    this.place(id);
    return id;
  }

  /**
   * Keeps only the tables whose `live` flag is set, renumbered in their old order (so ids 0 and 1
   * stay 0 and 1 when live); returns old id → new id (-1 for dropped ones). Bounds the store when a
   * propagation leaves many tables behind that no row holds any more.
   */
  compact(live: Uint8Array): Int32Array {
    const { words } = this;
    const remap = new Int32Array(this.used).fill(-1);
    let kept = 0;
    for (let id = 0; id < this.used; id++) {
      if (live[id] !== 1) continue;
      remap[id] = kept;
      if (kept !== id) {
        this.tables.copyWithin(kept * words, id * words, (id + 1) * words);
        this.hashes[kept] = this.hashes[id]!;
      }
      kept++;
    }
    this.used = kept;
    this.slots.fill(EMPTY_SLOT);
    for (let id = 0; id < kept; id++) this.place(id);
    return remap;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[id]! & mask;
    while (this.slots[slot] !== EMPTY_SLOT) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }

  private grow(): void {
    const size = this.hashes.length * 2;
    const tables = new Uint32Array(size * this.words);
    tables.set(this.tables);
    this.tables = tables;
    const hashes = new Int32Array(size);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.slots = new Int32Array(slotCount(size)).fill(EMPTY_SLOT);
    for (let id = 0; id < this.used; id++) this.place(id);
  }
}

/** Slots for `capacity` ids at a load factor of at most 1/2: a power of two. */
function slotCount(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

function hashWords(words: Uint32Array, from: number, count: number): number {
  let hash = 0x811c9dc5;
  for (let w = 0; w < count; w++) hash = Math.imul(hash ^ words[from + w]!, 0x01000193);
  return (hash ^ (hash >>> 15)) & 0x7fffffff;
}

function sameWords(a: Uint32Array, aFrom: number, b: Uint32Array, bFrom: number, count: number): boolean {
  for (let w = 0; w < count; w++) if (a[aFrom + w] !== b[bFrom + w]) return false;
  return true;
}
