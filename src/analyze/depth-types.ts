// Defense depth answers: for every data store, how many boundaries must fail before the attacker
// reaches it, and every minimal set of failures that does, each with a witnessing attack path.

import type { ControlName } from '../domain/controls.js';
import type { Classification, DataLocation } from '../model/types.js';
import type { Hop } from './what-if-types.js';

/** Failures counted per boundary type (a 0-day fails every instance) or per concrete instance. */
export type DepthMode = 'type' | 'instance';

export interface Witness {
  /** The minimal failure set this path needs: boundary types, or instance ids. */
  readonly set: readonly string[];
  readonly path: readonly Hop[];
}

export interface DataDepth {
  readonly id: string;
  readonly store: string;
  readonly organization: string;
  readonly classification: Classification;
  readonly location: DataLocation;
  /** Fewest failures that reach it: 0 = reachable as is; null = not within reach (see `beyondOrder`). */
  readonly depth: number | null;
  /** Instance mode: reachable, but only with more than `order` failures. */
  readonly beyondOrder: boolean;
  /** Every minimal failure set (each sorted, sets by size then name); capped at `maxSets` in output. */
  readonly minimalSets: readonly (readonly string[])[];
  /** How many minimal sets exist (more than minimalSets.length when capped). */
  readonly minimalSetCount: number;
  readonly witnesses: readonly Witness[];
}

export interface OrganizationDepth {
  readonly id: string;
  readonly attacker: boolean;
  /** Fewest failures that reach any of the organization's data. */
  readonly depth: number | null;
  /** Minimal failure sets that reach some of its data (minimal among all its stores' sets). */
  readonly minimalSets: readonly (readonly string[])[];
  readonly minimalSetCount: number;
  /** Some store's list was capped, so these sets are minimal among the listed ones only. */
  readonly truncated: boolean;
  /** Its data nodes at that depth / in all, counting only data the attackers are not authorized for. */
  readonly dataAtDepth: number;
  readonly dataTotal: number;
  /** Its stores the attackers' organizations are authorized for (ids, sorted): not leakage, not in the depth. */
  readonly authorized: readonly string[];
}

export interface DepthResult {
  readonly model: string;
  /** Worst-case assumptions made where the model is silent (e.g. no `physicalHosts`), in words. */
  readonly assumptions: readonly string[];
  readonly by: DepthMode;
  /** Instance mode: the largest set size explored (k). Null in type mode, which is exhaustive. */
  readonly order: number | null;
  readonly from: readonly string[];
  readonly footholds: readonly string[];
  readonly controls: Readonly<Record<ControlName, boolean>>;
  readonly organizations: readonly OrganizationDepth[];
  readonly data: readonly DataDepth[];
}
