// Estimates with their 95 % interval: exact answers (a point), Monte Carlo proportions (Wilson score
// interval) and rare-event estimates (a Wilson interval on the Karp–Luby–Madras indicator, scaled).

export type EstimateMethod = 'exact' | 'monte-carlo' | 'rare-event';

export interface Estimate {
  readonly probability: number;
  /** 95 % interval; equal to `probability` for exact answers. */
  readonly low: number;
  readonly high: number;
  readonly method: EstimateMethod;
  /** Samples behind a sampled estimate; 0 for exact answers. */
  readonly samples: number;
}

/** z of a two-sided 95 % normal interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Wilson score interval of a binomial proportion: `hits` successes in `n` trials. */
export function wilson(hits: number, n: number, z = Z95): Interval {
  if (n <= 0) return { low: 0, high: 1 };
  const p = hits / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // The score interval always contains 0 when hits = 0 and 1 when hits = n; rounding must not lose that.
  return { low: hits === 0 ? 0 : Math.max(0, center - half), high: hits === n ? 1 : Math.min(1, center + half) };
}

export function exact(probability: number): Estimate {
  const p = clamp01(probability);
  return { probability: p, low: p, high: p, method: 'exact', samples: 0 };
}

export function sampled(hits: number, n: number, z = Z95): Estimate {
  const { low, high } = wilson(hits, n, z);
  return { probability: n === 0 ? 0 : hits / n, low, high, method: 'monte-carlo', samples: n };
}

/** Half the interval's width relative to the estimate (Infinity for a zero estimate with an open interval). */
export function relativeHalfWidth(e: Pick<Estimate, 'probability' | 'low' | 'high'>): number {
  const half = (e.high - e.low) / 2;
  if (half === 0) return 0;
  return e.probability === 0 ? Infinity : half / e.probability;
}

export function clamp01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}
