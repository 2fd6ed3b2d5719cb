// A hash map from pairs of non-negative int32s to int32s, open addressing over typed arrays. The
// label-family memos take millions of entries; a Map keyed by packed doubles spends its time in
// hashing heap numbers and in the garbage collector.

const EMPTY_SLOT = -1;

export class PairMap {
  private first: Int32Array;
  private second: Int32Array;
  private values: Int32Array;
  private mask: number;
  private used = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.first = new Int32Array(size).fill(EMPTY_SLOT);
    this.second = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.used;
  }

  /** The value for (a, b), or `missing`. */
  get(a: number, b: number, missing: number): number {
    for (let slot = slotOf(a, b, this.mask); ; slot = (slot + 1) & this.mask) {
      const key = this.first[slot]!;
      if (key === EMPTY_SLOT) return missing;
      if (key === a && this.second[slot] === b) return this.values[slot]!;
    }
  }

  set(a: number, b: number, value: number): void {
    if ((this.used + 1) * 2 > this.first.length) this.grow();
    for (let slot = slotOf(a, b, this.mask); ; slot = (slot + 1) & this.mask) {
      const key = this.first[slot]!;
      if (key === EMPTY_SLOT) {
        this.first[slot] = a;
        this.second[slot] = b;
        this.values[slot] = value;
        this.used++;
        return;
      }
      if (key === a && this.second[slot] === b) {
        this.values[slot] = value;
        return;
      }
    }
  }

  private grow(): void {
    const { first, second, values } = this;
    this.first = new Int32Array(first.length * 2).fill(EMPTY_SLOT);
    this.second = new Int32Array(first.length * 2);
    this.values = new Int32Array(first.length * 2);
    this.mask = this.first.length - 1;
    this.used = 0;
    for (let slot = 0; slot < first.length; slot++) {
      if (first[slot] !== EMPTY_SLOT) this.set(first[slot]!, second[slot]!, values[slot]!);
    }
  }
}

function slotOf(a: number, b: number, mask: number): number {
  const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
}
