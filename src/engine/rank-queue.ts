// A queue of rows that pops the lowest rank first (ties by row index, so runs are deterministic),
// holding each row at most once: the worklist order for label propagation.

export class RankQueue {
  private readonly rank: Int32Array;
  private readonly queued: Uint8Array;
  private readonly heap: Int32Array;
  private size = 0;

  constructor(rank: Int32Array) {
    this.rank = rank;
    this.queued = new Uint8Array(rank.length);
    this.heap = new Int32Array(Math.max(1, rank.length));
  }

  /** Adds the row unless it is already waiting. */
  add(row: number): void {
    if (this.queued[row] === 1) return;
    this.queued[row] = 1;
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >>> 1;
      const above = this.heap[parent]!;
      if (!this.before(row, above)) break;
      this.heap[at] = above;
      at = parent;
    }
    this.heap[at] = row;
  }

  /** The waiting row of lowest rank, or -1 when none is left. */
  next(): number {
    if (this.size === 0) return -1;
    const row = this.heap[0]!;
    const last = this.heap[--this.size]!;
    if (this.size > 0) this.siftDown(last);
    this.queued[row] = 0;
    return row;
  }

  private before(a: number, b: number): boolean {
    const ra = this.rank[a]!;
    const rb = this.rank[b]!;
    return ra < rb || (ra === rb && a < b);
  }

  /** Places `row` from the root down, the root having been taken. */
  private siftDown(row: number): void {
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.before(this.heap[child + 1]!, this.heap[child]!)) child++;
      if (!this.before(this.heap[child]!, row)) break;
      this.heap[at] = this.heap[child]!;
      at = child;
    }
    this.heap[at] = row;
  }
}
