// Bit-parallel Monte Carlo over failure scenarios: each row of the propagation graph carries W
// Uint32 words, bit k of the batch = sample k, so one worklist pass runs 32·W independent samples
// side by side. A failure variable's bits are drawn only when an edge of it is first crossed in a
// batch (most instances are never touched), with geometric skipping: the cost is one uniform per
// failing sample, not one per sample. All randomness comes from one seeded stream, consumed in a
// fixed order, so the same seed gives the same counts.
//
// A variable is whatever fails together: an instance (failures independent per instance) or a
// boundary type (every instance of the type fails together: sampling type subsets).

import { seededRandom, type Random } from '../generate/random.js';
import type { PropagationGraph } from '../engine/propagation-graph.js';

export interface SamplerSetup {
  readonly graph: PropagationGraph;
  /** Foothold rows (compiled node indices). */
  readonly sources: readonly number[];
  /** Per instance: its failure variable. */
  readonly variableOf: Int32Array;
  /** Per variable: its failure probability. */
  readonly probability: Float64Array;
  /** Per store: the rows whose bit means "this store is reached". */
  readonly storeRows: readonly (readonly number[])[];
  /** Groups of stores whose union is counted too (organizations, the top event). */
  readonly groups: readonly (readonly number[])[];
}

export interface SampleCounts {
  readonly samples: number;
  readonly storeHits: Float64Array;
  readonly groupHits: Float64Array;
}

/** Default words per row: 128 samples per pass (measured best on the 100k-node generated model). */
export const DEFAULT_WORDS = 4;

export class BitSampler {
  private readonly words: number;
  private readonly random: Random;
  private readonly graph: PropagationGraph;
  private readonly variableOf: Int32Array;
  private readonly probability: Float64Array;
  private readonly logHold: Float64Array;
  private readonly sources: readonly number[];
  private readonly tables: Uint32Array;
  private readonly touched: Int32Array;
  private readonly isTouched: Uint8Array;
  private readonly ring: Int32Array;
  private readonly queued: Uint8Array;
  private readonly stamp: Int32Array;
  private readonly bits: Uint32Array;
  private readonly rowStore: Int32Array;
  private readonly storeAcc: Uint32Array;
  private readonly storeSeen: Uint8Array;
  private readonly storeList: Int32Array;
  private readonly groupsOfStore: readonly (readonly number[])[];
  private readonly groupAcc: Uint32Array;
  private readonly groupSeen: Uint8Array;
  private readonly groupList: Int32Array;
  private batch = 0;
  samples = 0;
  readonly storeHits: Float64Array;
  readonly groupHits: Float64Array;

  constructor(setup: SamplerSetup, seed: number, words = DEFAULT_WORDS) {
    if (!Number.isInteger(words) || words < 1 || words > 64) throw new RangeError(`words per row must be 1..64, got ${words}`);
    const { graph } = setup;
    this.words = words;
    this.random = seededRandom(seed);
    this.graph = graph;
    this.variableOf = setup.variableOf;
    this.probability = setup.probability;
    this.logHold = Float64Array.from(setup.probability, (p) => Math.log1p(-Math.min(p, 1 - p)));
    this.sources = [...new Set(setup.sources)];
    this.tables = new Uint32Array(graph.rowCount * words);
    this.touched = new Int32Array(graph.rowCount);
    this.isTouched = new Uint8Array(graph.rowCount);
    this.ring = new Int32Array(Math.max(1, graph.nodeCount));
    this.queued = new Uint8Array(graph.nodeCount);
    this.stamp = new Int32Array(setup.probability.length).fill(-1);
    this.bits = new Uint32Array(setup.probability.length * words);
    this.rowStore = new Int32Array(graph.rowCount).fill(-1);
    setup.storeRows.forEach((rows, s) => rows.forEach((r) => (this.rowStore[r] = s)));
    const stores = setup.storeRows.length;
    this.storeAcc = new Uint32Array(stores * words);
    this.storeSeen = new Uint8Array(stores);
    this.storeList = new Int32Array(stores);
    const groupsOf: number[][] = Array.from({ length: stores }, () => []);
    setup.groups.forEach((members, g) => members.forEach((s) => groupsOf[s]!.push(g)));
    this.groupsOfStore = groupsOf;
    this.groupAcc = new Uint32Array(setup.groups.length * words);
    this.groupSeen = new Uint8Array(setup.groups.length);
    this.groupList = new Int32Array(setup.groups.length);
    this.storeHits = new Float64Array(stores);
    this.groupHits = new Float64Array(setup.groups.length);
  }

  /** Samples per batch (32 per word). */
  get batchSize(): number {
    return 32 * this.words;
  }

  counts(): SampleCounts {
    return { samples: this.samples, storeHits: this.storeHits.slice(), groupHits: this.groupHits.slice() };
  }

  /** Runs one batch of `count` ≤ batchSize samples and adds its hits. */
  runBatch(count = this.batchSize): void {
    const W = this.words;
    const n = Math.min(count, this.batchSize);
    if (n <= 0) return;
    const { tables, touched, isTouched, ring, queued, stamp, bits, variableOf } = this;
    const { offsets, targets, instance, nodeCount } = this.graph;
    const b = this.batch++;
    let touchedCount = 0;
    let head = 0;
    let size = 0;
    const capacity = ring.length;

    for (const s of this.sources) {
      const base = s * W;
      for (let w = 0; w < W; w++) {
        const valid = n - 32 * w;
        tables[base + w] = valid >= 32 ? 0xffffffff : valid <= 0 ? 0 : (2 ** valid - 1) >>> 0;
      }
      if (isTouched[s] === 0) (isTouched[s] = 1), (touched[touchedCount++] = s);
      if (queued[s] === 0) {
        queued[s] = 1;
        ring[(head + size++) % capacity] = s;
      }
    }

    while (size > 0) {
      const u = ring[head]!;
      head = head + 1 === capacity ? 0 : head + 1;
      size--;
      queued[u] = 0;
      const ub = u * W;
      for (let e = offsets[u]!; e < offsets[u + 1]!; e++) {
        const v = targets[e]!;
        const vb = v * W;
        const i = instance[e]!;
        let changed = 0;
        if (i < 0) {
          for (let w = 0; w < W; w++) {
            const gain = tables[ub + w]! & ~tables[vb + w]!;
            if (gain !== 0) (tables[vb + w]! |= gain), (changed = 1);
          }
        } else {
          const x = variableOf[i]!;
          if (stamp[x] !== b) this.draw(x, b);
          const mb = x * W;
          for (let w = 0; w < W; w++) {
            const gain = tables[ub + w]! & bits[mb + w]! & ~tables[vb + w]!;
            if (gain !== 0) (tables[vb + w]! |= gain), (changed = 1);
          }
        }
        if (changed === 1) {
          if (isTouched[v] === 0) (isTouched[v] = 1), (touched[touchedCount++] = v);
          if (v < nodeCount && queued[v] === 0) {
            queued[v] = 1;
            let at = head + size++;
            if (at >= capacity) at -= capacity;
            ring[at] = v;
          }
        }
      }
    }
    this.collect(touchedCount);
    this.samples += n;
  }

  /** ORs reached rows into their stores and groups, counts the bits, and clears what was touched. */
  private collect(touchedCount: number): void {
    const W = this.words;
    const { tables, touched, isTouched, rowStore, storeAcc, storeSeen, storeList, groupAcc, groupSeen, groupList } = this;
    let stores = 0;
    for (let k = 0; k < touchedCount; k++) {
      const r = touched[k]!;
      const s = rowStore[r]!;
      if (s >= 0) {
        if (storeSeen[s] === 0) (storeSeen[s] = 1), (storeList[stores++] = s);
        for (let w = 0; w < W; w++) storeAcc[s * W + w]! |= tables[r * W + w]!;
      }
      for (let w = 0; w < W; w++) tables[r * W + w] = 0;
      isTouched[r] = 0;
    }
    let groups = 0;
    for (let k = 0; k < stores; k++) {
      const s = storeList[k]!;
      let hits = 0;
      for (let w = 0; w < W; w++) hits += popcount(storeAcc[s * W + w]!);
      this.storeHits[s]! += hits;
      for (const g of this.groupsOfStore[s]!) {
        if (groupSeen[g] === 0) (groupSeen[g] = 1), (groupList[groups++] = g);
        for (let w = 0; w < W; w++) groupAcc[g * W + w]! |= storeAcc[s * W + w]!;
      }
      for (let w = 0; w < W; w++) storeAcc[s * W + w] = 0;
      storeSeen[s] = 0;
    }
    for (let k = 0; k < groups; k++) {
      const g = groupList[k]!;
      let hits = 0;
      for (let w = 0; w < W; w++) {
        hits += popcount(groupAcc[g * W + w]!);
        groupAcc[g * W + w] = 0;
      }
      this.groupHits[g]! += hits;
      groupSeen[g] = 0;
    }
  }

  /**
   * The variable's bits for this batch: each set with its probability p, independently. Geometric
   * skipping over the 32·W positions sets (p ≤ ½) or clears (p > ½) one position per uniform drawn.
   */
  private draw(x: number, b: number): void {
    const W = this.words;
    const base = x * W;
    const p = this.probability[x]!;
    this.stamp[x] = b;
    const rare = p <= 0.5;
    this.bits.fill(rare ? 0 : 0xffffffff, base, base + W);
    if (p <= 0 || p >= 1) {
      if (p <= 0) this.bits.fill(0, base, base + W);
      return;
    }
    const logHold = this.logHold[x]!;
    const total = 32 * W;
    let position = -1;
    for (;;) {
      const u = this.random.next();
      position += 1 + Math.floor(Math.log1p(-u) / logHold);
      if (position >= total || !(position >= 0)) break;
      const word = base + (position >>> 5);
      const bit = 1 << (position & 31);
      this.bits[word] = rare ? this.bits[word]! | bit : this.bits[word]! & ~bit;
    }
  }
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
