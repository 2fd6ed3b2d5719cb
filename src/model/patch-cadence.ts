// The patch cadence of every host pool: its own `patchDays`, else the model's `risk.patchDays`, else
// the documented default. Keyed by the pool's failure group (`pool:p1`), as boundary instances are.

import { DEFAULT_PATCH_DAYS } from '../risk/defaults.js';
import type { Model } from './types.js';

/** `fallback` stands for the model-wide cadence (e.g. `indepth risk --patch-days`); pools' own win. */
export function patchCadence(model: Model, fallback: number = model.risk?.patchDays ?? DEFAULT_PATCH_DAYS): ReadonlyMap<string, number> {
  return new Map(model.hostPools.map((pool) => [`pool:${pool.id}`, pool.patchDays ?? fallback] as const));
}
