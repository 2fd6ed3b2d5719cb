// Hash-consed families of boundary-instance sets ("labels") for depth-by-instance. A family is a
// sorted list of labels pooled in one typed array (a leaf), or a union of other families (a node of
// a DAG), so a hub reached through a thousand per-VM instances keeps one list that everything
// downstream refers to, even where nodes add labels of their own. Operations are memoized per id.

import { binarySearch, compareLabel, concat, intersection, mergeArrays, sortedUnique, sortedUniqueLabels } from './label-lists.js';
import { PairMap } from './pair-map.js';

/** The family with no labels. */
export const EMPTY_FAMILY = 0;

/** The signature of a row with no smaller labels: nothing to prune against. */
export const NO_SIGNATURE = -1;

/** When to share rather than copy; the defaults suit deployment graphs, tests turn them down to exercise sharing. */
export interface SharingPolicy {
  /** Leaves with fewer labels are merged into one leaf when unions form: sharing them is not worth a DAG node. */
  readonly shareAt: number;
  /** Unions deeper than this are flattened into a leaf, which bounds recursion. */
  readonly maxDepth: number;
}

export const DEFAULT_SHARING: SharingPolicy = { shareAt: 64, maxDepth: 48 };

/** Leaves of up to this many instance indices are scanned rather than given a sorted support array. */
const SCAN_UP_TO = 128;

/** Read access to a family store, for results. */
export interface FamilyView {
  /** Distinct families stored (leaves and unions). */
  readonly familyCount: number;
  /** Instance indices stored across all leaves: the memory the labels take, in Int32s. */
  readonly storedInstances: number;
  /** Instances per label (all labels of a family have the same size). */
  width(family: number): number;
  /** Distinct labels (materializes a union once to count it). */
  count(family: number): number;
  /** Labels as ascending instance-index arrays, in lexicographic order. */
  labels(family: number): number[][];
}

/**
 * Leaf f: counts[f] labels of widths[f] ascending instance indices each, back to back in `pool`
 * from starts[f], lexicographically sorted without duplicates. Union f: children[f] (ascending ids).
 */
export class FamilyStore implements FamilyView {
  private readonly sharing: SharingPolicy;
  private pool = new Int32Array(1024);
  private poolSize = 0;
  private readonly widths: number[] = [0];
  private readonly starts: number[] = [0];
  private readonly counts: number[] = [0];
  private readonly children: (readonly number[] | null)[] = [null];
  private readonly depths: number[] = [0];
  private readonly supports: (Int32Array | undefined)[] = [new Int32Array(0)];
  private readonly distinctCounts = new Map<number, number>();
  /** Hash-consing: newest family per content hash, older ones with that hash chained behind it. */
  private readonly byHash = new Map<number, number>();
  private readonly sameHash: number[] = [-1];
  private readonly singletons = new Map<number, number>();
  private unionMemo = new PairMap();
  private selectMemo = new PairMap();
  private extendMemo = new PairMap();
  private pruneMemo = new PairMap();
  private withoutMemo = new PairMap();
  private readonly signatures = new Map<number | string, number>();
  private readonly signatureFamilies: (readonly number[])[] = [];
  private readonly signatureSupports: Int32Array[] = [];

  constructor(sharing: SharingPolicy = DEFAULT_SHARING) {
    this.sharing = sharing;
  }

  get familyCount(): number {
    return this.widths.length;
  }

  get storedInstances(): number {
    return this.poolSize;
  }

  width(family: number): number {
    return this.widths[family]!;
  }

  /** Done computing: drops the operation memos and the pool's spare capacity (results keep only the labels). */
  release(): void {
    this.pool = this.pool.slice(0, this.poolSize);
    this.unionMemo = new PairMap();
    this.selectMemo = new PairMap();
    this.extendMemo = new PairMap();
    this.pruneMemo = new PairMap();
    this.withoutMemo = new PairMap();
  }

  count(family: number): number {
    if (this.children[family] === null) return this.counts[family]!;
    let count = this.distinctCounts.get(family);
    if (count === undefined) {
      count = this.flatten(family).length / this.widths[family]!;
      this.distinctCounts.set(family, count);
    }
    return count;
  }

  labels(family: number): number[][] {
    const width = this.widths[family]!;
    const flat = this.flatten(family);
    return Array.from({ length: flat.length / width }, (_, l) => Array.from(flat.subarray(l * width, (l + 1) * width)));
  }

  /** {{instance}}. */
  singleton(instance: number): number {
    let id = this.singletons.get(instance);
    if (id === undefined) {
      id = this.internLeaf(1, Int32Array.of(instance));
      this.singletons.set(instance, id);
    }
    return id;
  }

  /** Whether every label of `part` is already in `whole`. */
  covers(whole: number, part: number): boolean {
    return this.without(part, whole) === EMPTY_FAMILY;
  }

  /** The labels of `family` that are not in `other`: what is new when `family` arrives at a row holding `other`. */
  without(family: number, other: number): number {
    if (family === EMPTY_FAMILY || family === other) return EMPTY_FAMILY;
    if (other === EMPTY_FAMILY) return family;
    if (this.children[other]?.includes(family)) return EMPTY_FAMILY;
    return this.memo(this.withoutMemo, family, other, () => {
      const parts = this.children[family];
      if (parts != null) return this.unionAll(parts.map((child) => this.without(child, other)));
      const width = this.widths[family]!;
      const label = new Array<number>(width);
      return this.filterLeaf(family, (at) => {
        for (let k = 0; k < width; k++) label[k] = this.pool[at + k]!;
        return !this.containsLabel(other, label);
      });
    });
  }

  /** The union of families of one width (labels of equal size never dominate each other). */
  unionAll(families: readonly number[]): number {
    if (families.length === 2) return this.union(families[0]!, families[1]!);
    const distinct = [...new Set(families)].filter((f) => f !== EMPTY_FAMILY);
    if (distinct.length <= 1) return distinct[0] ?? EMPTY_FAMILY;
    return distinct.length === 2 ? this.union(distinct[0]!, distinct[1]!) : this.unionOf(distinct);
  }

  union(a: number, b: number): number {
    if (a === b || b === EMPTY_FAMILY) return a;
    if (a === EMPTY_FAMILY) return b;
    return a < b ? this.memo(this.unionMemo, a, b, () => this.unionOf([a, b])) : this.memo(this.unionMemo, b, a, () => this.unionOf([b, a]));
  }

  /** The labels containing `instance`: what crosses an edge of that instance within one phase. */
  select(family: number, instance: number): number {
    if (!this.mentions(family, instance)) return EMPTY_FAMILY;
    return this.memo(this.selectMemo, family, instance, () => {
      const parts = this.children[family];
      if (parts != null) return this.unionAll(parts.map((child) => this.select(child, instance)));
      const width = this.widths[family]!;
      if (width === 1) return this.singleton(instance);
      return this.filterLeaf(family, (at) => this.labelHas(at, width, instance));
    });
  }

  /** Each label without `instance`, with it added: what crossing an edge of that instance adds. */
  extend(family: number, instance: number): number {
    if (family === EMPTY_FAMILY) return EMPTY_FAMILY;
    return this.memo(this.extendMemo, family, instance, () => {
      const parts = this.children[family];
      if (parts != null) return this.unionAll(parts.map((child) => this.extend(child, instance)));
      const width = this.widths[family]!;
      const grown: number[] = [];
      // Inserting the same element into distinct sorted labels keeps their lexicographic order.
      for (let l = 0, at = this.starts[family]!; l < this.counts[family]!; l++, at += width) {
        if (this.labelHas(at, width, instance)) continue;
        let placed = false;
        for (let k = 0; k < width; k++) {
          const x = this.pool[at + k]!;
          if (!placed && instance < x) (grown.push(instance), (placed = true));
          grown.push(x);
        }
        if (!placed) grown.push(instance);
      }
      return this.internLeaf(width + 1, Int32Array.from(grown));
    });
  }

  /**
   * Names a row's smaller families once (smaller[w-1] = its family of width w, for every width below
   * the phase's), for withoutSupersets; NO_SIGNATURE when they are all empty.
   */
  signature(smaller: readonly number[]): number {
    if (smaller.every((f) => f === EMPTY_FAMILY)) return NO_SIGNATURE;
    const key = smaller.length === 1 ? smaller[0]! : smaller.join(',');
    let id = this.signatures.get(key);
    if (id === undefined) {
      id = this.signatureFamilies.length;
      this.signatures.set(key, id);
      this.signatureFamilies.push([...smaller]);
      const supports = smaller.filter((f) => f !== EMPTY_FAMILY).map((f) => this.support(f));
      this.signatureSupports.push(supports.length === 1 ? supports[0]! : sortedUnique(concat(supports)));
    }
    return id;
  }

  /** Drops the labels that have a proper subset among the signature's families: what keeps a row's labels minimal. */
  withoutSupersets(family: number, signature: number): number {
    if (family === EMPTY_FAMILY || signature === NO_SIGNATURE) return family;
    const smaller = this.signatureFamilies[signature]!;
    return this.memo(this.pruneMemo, family, signature, () => {
      // A label can only have a subset below if it shares an instance with the labels below.
      if (!this.mentionsAny(family, this.signatureSupports[signature]!)) return family;
      const parts = this.children[family];
      if (parts != null) return this.unionAll(parts.map((child) => this.withoutSupersets(child, signature)));
      const width = this.widths[family]!;
      // Single instances below are checked as a set: the ones this family mentions at all.
      const singles = smaller[0] === EMPTY_FAMILY ? new Int32Array(0) : this.mentioned(family, this.support(smaller[0]!));
      const subset: number[] = [];
      return this.filterLeaf(family, (at) => {
        for (let k = 0; k < width; k++) if (singles.includes(this.pool[at + k]!)) return false;
        // Every proper subset of two or more, by bit mask over the label's positions.
        for (let mask = 1; mask < (1 << width) - 1; mask++) {
          if ((mask & (mask - 1)) === 0) continue;
          subset.length = 0;
          for (let k = 0; k < width; k++) if ((mask >>> k) & 1) subset.push(this.pool[at + k]!);
          const below = smaller[subset.length - 1] ?? EMPTY_FAMILY;
          if (below !== EMPTY_FAMILY && this.containsLabel(below, subset)) return false;
        }
        return true;
      });
    });
  }

  private memo(table: PairMap, family: number, argument: number, compute: () => number): number {
    let id = table.get(family, argument, -1);
    if (id === -1) {
      id = compute();
      table.set(family, argument, id);
    }
    return id;
  }

  /** A union node over the given non-empty families; small leaves among them are merged into one. */
  private unionOf(families: readonly number[]): number {
    const isSmall = (f: number): boolean => this.children[f] === null && this.counts[f]! < this.sharing.shareAt;
    const small = families.filter(isSmall);
    const kept = families.filter((f) => !isSmall(f));
    if (small.length === 1) kept.push(small[0]!);
    if (small.length > 1) kept.push(this.internLeaf(this.widths[small[0]!]!, this.concatenated(small)));
    // A family that is already a part of another kept union adds nothing.
    const inside = new Set(kept.flatMap((f) => this.children[f] ?? []));
    const parts = [...new Set(kept)].filter((f) => !inside.has(f)).sort((a, b) => a - b);
    if (parts.length === 1) return parts[0]!;
    const id = this.internUnion(this.widths[parts[0]!]!, parts);
    return this.depths[id]! > this.sharing.maxDepth ? this.internLeaf(this.widths[id]!, this.flatten(id)) : id;
  }

  private filterLeaf(family: number, keep: (at: number) => boolean): number {
    const width = this.widths[family]!;
    const kept: number[] = [];
    for (let l = 0, at = this.starts[family]!; l < this.counts[family]!; l++, at += width) {
      if (keep(at)) for (let k = 0; k < width; k++) kept.push(this.pool[at + k]!);
    }
    return kept.length === this.counts[family]! * width ? family : this.internLeaf(width, Int32Array.from(kept));
  }

  /** The instances that occur in a family's labels, ascending. */
  private support(family: number): Int32Array {
    let support = this.supports[family];
    if (support === undefined) {
      const parts = this.children[family];
      const labels = parts == null ? this.pool.subarray(this.starts[family]!, this.starts[family]! + this.counts[family]! * this.widths[family]!) : null;
      if (labels === null) support = sortedUnique(concat(parts!.map((child) => this.support(child))));
      // A leaf of single-instance labels is its own support.
      else support = this.widths[family] === 1 ? labels.slice() : sortedUnique(labels);
      this.supports[family] = support;
    }
    return support;
  }

  /** Whether `instance` occurs in any label of the family. */
  private mentions(family: number, instance: number): boolean {
    if (family === EMPTY_FAMILY) return false;
    if (this.children[family] === null) {
      const start = this.starts[family]!;
      const end = start + this.counts[family]! * this.widths[family]!;
      if (this.widths[family] === 1) return binarySearch(this.pool, instance, start, end);
      if (end - start <= SCAN_UP_TO) {
        for (let k = start; k < end; k++) if (this.pool[k] === instance) return true;
        return false;
      }
    }
    return binarySearch(this.support(family), instance);
  }

  /** Whether any instance of an ascending array occurs in the family's labels. */
  private mentionsAny(family: number, sorted: Int32Array): boolean {
    if (this.children[family] === null && this.counts[family]! * this.widths[family]! <= SCAN_UP_TO) {
      const start = this.starts[family]!;
      const end = start + this.counts[family]! * this.widths[family]!;
      for (let k = start; k < end; k++) if (binarySearch(sorted, this.pool[k]!)) return true;
      return false;
    }
    const support = this.support(family);
    const [short, long] = support.length <= sorted.length ? [support, sorted] : [sorted, support];
    for (const x of short) if (binarySearch(long, x)) return true;
    return false;
  }

  /** The instances of an ascending array that occur in the family's labels (in no particular order). */
  private mentioned(family: number, sorted: Int32Array): Int32Array {
    if (this.children[family] === null && this.counts[family]! * this.widths[family]! <= SCAN_UP_TO) {
      const start = this.starts[family]!;
      return this.pool.subarray(start, start + this.counts[family]! * this.widths[family]!).filter((x) => binarySearch(sorted, x));
    }
    return intersection(this.support(family), sorted);
  }

  private containsLabel(family: number, label: readonly number[]): boolean {
    if (this.widths[family] !== label.length || !this.mentions(family, label[0]!)) return false;
    const parts = this.children[family];
    if (parts != null) return parts.some((child) => this.containsLabel(child, label));
    // Binary search over the leaf's lexicographically sorted labels.
    const width = label.length;
    const start = this.starts[family]!;
    let lo = 0;
    let hi = this.counts[family]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareLabel(this.pool, start + mid * width, label, width);
      if (c === 0) return true;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  private labelHas(at: number, width: number, instance: number): boolean {
    for (let k = 0; k < width; k++) if (this.pool[at + k] === instance) return true;
    return false;
  }

  /** All labels of a family as one sorted, duplicate-free flat array. */
  private flatten(family: number): Int32Array {
    if (this.children[family] === null) return this.pool.slice(this.starts[family]!, this.starts[family]! + this.counts[family]! * this.widths[family]!);
    const leaves = new Set<number>();
    const visit = (f: number): void => {
      const parts = this.children[f];
      if (parts == null) leaves.add(f);
      else for (const child of parts) visit(child);
    };
    visit(family);
    return this.concatenated([...leaves]);
  }

  /** The labels of several leaves of one width, sorted, without duplicates. */
  private concatenated(leaves: readonly number[]): Int32Array {
    if (leaves.length === 2) return this.merged(leaves[0]!, leaves[1]!);
    if (leaves.length <= 4) {
      // Folding linear merges beats sorting for a handful of short lists.
      let merged = this.merged(leaves[0]!, leaves[1]!);
      for (const leaf of leaves.slice(2)) merged = mergeArrays(merged, this.pool.subarray(this.starts[leaf]!, this.starts[leaf]! + this.counts[leaf]! * this.widths[leaf]!), this.widths[leaf]!);
      return merged;
    }
    const width = this.widths[leaves[0]!]!;
    const parts = leaves.map((f) => this.pool.subarray(this.starts[f]!, this.starts[f]! + this.counts[f]! * width));
    return sortedUniqueLabels(concat(parts), width);
  }

  private merged(a: number, b: number): Int32Array {
    const width = this.widths[a]!;
    const labelsOf = (f: number): Int32Array => this.pool.subarray(this.starts[f]!, this.starts[f]! + this.counts[f]! * width);
    return mergeArrays(labelsOf(a), labelsOf(b), width);
  }

  private internLeaf(width: number, data: Int32Array): number {
    if (data.length === 0) return EMPTY_FAMILY;
    return this.intern(width, data, false, () => {
      this.reserve(data.length);
      this.pool.set(data, this.poolSize);
      this.starts.push(this.poolSize);
      this.counts.push(data.length / width);
      this.children.push(null);
      this.depths.push(0);
      this.poolSize += data.length;
    });
  }

  private internUnion(width: number, parts: readonly number[]): number {
    return this.intern(width, Int32Array.from(parts), true, () => {
      this.starts.push(-1);
      this.counts.push(0);
      this.children.push(parts);
      this.depths.push(1 + Math.max(...parts.map((f) => this.depths[f]!)));
    });
  }

  /** Hash-consing: the existing id for equal content (leaf labels, or union children), else a new one. */
  private intern(width: number, content: Int32Array, union: boolean, store: () => void): number {
    let hash = Math.imul(0x811c9dc5 ^ (width * 2 + (union ? 1 : 0)), 0x01000193);
    for (let k = 0; k < content.length; k++) hash = Math.imul(hash ^ content[k]!, 0x01000193);
    const newest = this.byHash.get(hash) ?? -1;
    for (let id = newest; id !== -1; id = this.sameHash[id]!) {
      if (this.widths[id] === width && (this.children[id] !== null) === union && this.sameContent(id, content)) return id;
    }
    const id = this.widths.length;
    this.widths.push(width);
    this.supports.push(undefined);
    this.sameHash.push(newest);
    this.byHash.set(hash, id);
    store();
    return id;
  }

  private sameContent(family: number, content: Int32Array): boolean {
    const parts = this.children[family];
    if (parts != null) return parts.length === content.length && parts.every((f, k) => f === content[k]);
    if (this.counts[family]! * this.widths[family]! !== content.length) return false;
    const start = this.starts[family]!;
    for (let k = 0; k < content.length; k++) if (this.pool[start + k] !== content[k]) return false;
    return true;
  }

  private reserve(extra: number): void {
    if (this.poolSize + extra <= this.pool.length) return;
    let capacity = Math.max(1024, this.pool.length * 2);
    while (capacity < this.poolSize + extra) capacity *= 2;
    const grown = new Int32Array(capacity);
    grown.set(this.pool.subarray(0, this.poolSize));
    this.pool = grown;
  }
}
