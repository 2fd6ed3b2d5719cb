// Rare-event estimator: Karp–Luby–Madras over minimal cut sets. The event "some cut set has all its
// variables failed" is a union of conjunctions (a DNF) over independent variables. With
// q_j = Π_{i∈C_j} p_i and U = Σ q_j, draw a cut set j with probability q_j / U, then a scenario x
// conditioned on C_j failing (every other variable independently); with N(x) the number of cut sets
// x satisfies, E[1/N(x)] = P(union) / U ≥ 1/m, so U × mean(1/N) is unbiased (the Karp–Luby–Madras
// estimator; 1/N has a smaller variance than the "first satisfied set" indicator). The 95 %
// interval is the normal one on that mean (at least 1,000 samples). Its relative error does not grow
// as the event gets rarer, unlike plain sampling, where P = 10⁻⁶ needs ~10⁸ samples for ±20 %.
//
// The same samples, weighted by 1/N(x), are draws of x given the union:
// the weighted share of samples in which every satisfied cut set contains variable i is its
// Fussell–Vesely importance (the fraction of P removed if i never failed), likewise per class of
// variables (a boundary type: every satisfied cut set contains some instance of the type).
//
// Cut sets are the order-limited minimal cut sets by instance, so the estimate is of the union of
// cut sets of at most k failures: a lower bound on the true probability (sets larger than k are
// left out; raise --order to include them).

import { seededRandom } from '../generate/random.js';
import { Z95, type Estimate } from './estimate.js';

export interface KlmOptions {
  readonly seed: number;
  /** Fixed number of samples; null: until `precision` (relative 95 % half-width) or `maxSamples`. */
  readonly samples: number | null;
  readonly precision: number;
  readonly maxSamples: number;
  /** Fewest samples before stopping at the precision (default 1,000). */
  readonly minSamples?: number;
  /** Per variable: its class (a boundary type), for class importance; omit to skip. */
  readonly classOf?: Int32Array;
  readonly classCount?: number;
  /** Accumulate importance shares (costs a little per satisfied cut set). */
  readonly importance?: boolean;
}

export interface KlmResult {
  readonly estimate: Estimate;
  /** Σ q_j: an upper bound on the union (the rare-event approximation). */
  readonly union: number;
  readonly cutSets: number;
  /** Per variable: P(every satisfied cut set contains it | union). Empty without `importance`. */
  readonly share: Float64Array;
  /** Per class: P(every satisfied cut set contains a variable of the class | union). */
  readonly classShare: Float64Array;
}

const MIN_SAMPLES = 1000;

/** Cut sets are arrays of variable indices (any order, no repeats); probability is per variable. */
export function karpLubyMadras(cutSets: readonly (readonly number[])[], probability: Float64Array, options: KlmOptions): KlmResult {
  const variables = probability.length;
  const classCount = options.classCount ?? 0;
  if (classCount > 31) throw new RangeError('karpLubyMadras: at most 31 classes');
  const share = new Float64Array(options.importance === true ? variables : 0);
  const classShare = new Float64Array(options.importance === true ? classCount : 0);
  // Keep cut sets that can fail; an empty one means the event is certain.
  const sets: number[][] = [];
  const q: number[] = [];
  for (const set of cutSets) {
    let product = 1;
    for (const x of set) product *= probability[x]!;
    if (product <= 0) continue;
    sets.push([...new Set(set)]);
    q.push(product);
  }
  const m = sets.length;
  const none = (p: number, samples: number): KlmResult => ({
    estimate: { probability: p, low: p, high: p, method: 'rare-event', samples },
    union: p,
    cutSets: m,
    share,
    classShare,
  });
  if (m === 0) return none(0, 0);
  if (sets.some((s) => s.length === 0)) {
    // Certain: every variable of the empty set "fails"; nothing to harden short of the topology.
    return none(1, 0);
  }
  const cumulative = new Float64Array(m);
  let union = 0;
  for (let j = 0; j < m; j++) cumulative[j] = union += q[j]!;

  // Pivot: each cut set is found through its member in the fewest cut sets.
  const degree = new Int32Array(variables);
  for (const set of sets) for (const x of set) degree[x]! += 1;
  const pivotCount = new Int32Array(variables + 1);
  const pivotOf = sets.map((set) => set.reduce((best, x) => (degree[x]! < degree[best]! ? x : best), set[0]!));
  for (const x of pivotOf) pivotCount[x + 1]! += 1;
  for (let x = 0; x < variables; x++) pivotCount[x + 1]! += pivotCount[x]!;
  const pivoted = new Int32Array(m);
  const fill = pivotCount.slice(0, variables);
  pivotOf.forEach((x, j) => (pivoted[fill[x]!++] = j));

  // Variables of the DNF grouped by probability, for geometric skipping.
  const inDnf = [...new Set(sets.flat())].sort((a, b) => a - b);
  const byProbability = new Map<number, number[]>();
  for (const x of inDnf) {
    const p = probability[x]!;
    const list = byProbability.get(p);
    if (list === undefined) byProbability.set(p, [x]);
    else list.push(x);
  }
  const classes = [...byProbability.entries()].sort((a, b) => a[0] - b[0]);

  const random = seededRandom(options.seed);
  const failedAt = new Int32Array(variables).fill(-1);
  const failedList: number[] = [];
  const hitCount = new Int32Array(options.importance === true ? variables : 0);
  const classHits = new Int32Array(options.importance === true ? classCount : 0);
  let weightSum = 0;
  let weightSquares = 0;
  let n = 0;
  const target = options.samples ?? options.maxSamples;
  let stamp = 0;
  while (n < target) {
    const sample = stamp++;
    failedList.length = 0;
    // 1. a cut set with probability q_j / U
    const r = random.next() * union;
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    const chosen = lo;
    for (const x of sets[chosen]!) if (failedAt[x] !== sample) (failedAt[x] = sample), failedList.push(x);
    // 2. every other variable of the DNF independently
    for (const [p, list] of classes) {
      if (p >= 1) {
        for (const x of list) if (failedAt[x] !== sample) (failedAt[x] = sample), failedList.push(x);
        continue;
      }
      const logHold = Math.log1p(-p);
      let position = -1;
      for (;;) {
        position += 1 + Math.floor(Math.log1p(-random.next()) / logHold);
        if (!(position >= 0) || position >= list.length) break;
        const x = list[position]!;
        if (failedAt[x] !== sample) (failedAt[x] = sample), failedList.push(x);
      }
    }
    // 3. the cut sets x satisfies: each is found once, through its pivot
    let satisfied = 0;
    const tally = options.importance === true;
    for (const f of failedList) {
      for (let k = pivotCount[f]!; k < pivotCount[f + 1]!; k++) {
        const j = pivoted[k]!;
        const set = sets[j]!;
        let all = true;
        for (const x of set) {
          if (failedAt[x] !== sample) {
            all = false;
            break;
          }
        }
        if (!all) continue;
        satisfied++;
        if (tally) {
          for (const x of set) hitCount[x]! += 1;
          if (options.classOf !== undefined) {
            let mask = 0;
            for (const x of set) mask |= 1 << options.classOf[x]!;
            for (; mask !== 0; mask &= mask - 1) classHits[31 - Math.clz32(mask & -mask)]! += 1;
          }
        }
      }
    }
    // The chosen set is always satisfied, so satisfied ≥ 1.
    const weight = 1 / satisfied;
    weightSum += weight;
    weightSquares += weight * weight;
    if (tally) {
      for (const x of failedList) {
        if (hitCount[x] === satisfied) share[x]! += weight;
        hitCount[x] = 0;
      }
      if (options.classOf !== undefined) {
        for (let c = 0; c < classCount; c++) {
          if (classHits[c] === satisfied) classShare[c]! += weight;
          classHits[c] = 0;
        }
      }
    }
    n++;
    if (options.samples === null && n >= (options.minSamples ?? MIN_SAMPLES) && (n & 255) === 0) {
      if (halfWidth(weightSum, weightSquares, n) / (weightSum / n) <= options.precision) break;
    }
  }
  const normalizer = weightSum;
  if (options.importance === true && normalizer > 0) {
    for (let x = 0; x < variables; x++) share[x]! /= normalizer;
    for (let c = 0; c < classCount; c++) classShare[c]! /= normalizer;
  }
  const mean = weightSum / n;
  const half = halfWidth(weightSum, weightSquares, n);
  const low = Math.max(0, mean - half);
  const high = mean + half;
  return {
    estimate: {
      probability: Math.min(1, union * mean),
      low: Math.min(1, union * low),
      high: Math.min(1, union, union * high),
      method: 'rare-event',
      samples: n,
    },
    union,
    cutSets: m,
    share,
    classShare,
  };
}

/**
 * Half-width of the normal 95 % interval of the mean of 1/N from its sum and sum of squares. When
 * every sample gave the same N the observed variance is 0: then 3/n (the rule of three: variation
 * not yet seen in n samples), so such a run still gets an honest interval.
 */
function halfWidth(sum: number, squares: number, n: number): number {
  if (n < 2) return Infinity;
  const mean = sum / n;
  const variance = Math.max(0, (squares - n * mean * mean) / (n - 1));
  return variance > 1e-15 * mean * mean ? Z95 * Math.sqrt(variance / n) : 3 / n;
}
