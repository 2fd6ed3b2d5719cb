// Defense depth answers: for every data store, how many boundaries must fail before the attacker
// reaches it, and every minimal set of failures that does, each with a witnessing attack path.

import type { ControlName } from '../domain/controls.js';
import type { Classification, DataLocation } from '../model/types.js';
import type { StoreAuthorization } from './authorization.js';
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
  /**
   * Where an access edge (read) leads to the node: the same answer for reach with control, tamper or
   * deny — what counts against an organization authorized to read it only (authorization.ts).
   * Absent where only control reaches the node (then it is the answer above).
   */
  readonly beyondRead?: Pick<DataDepth, 'depth' | 'minimalSets' | 'minimalSetCount'>;
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
  /**
   * Its stores the attackers' organizations are authorized for some access to (ids, sorted): that access
   * is not leakage. Reach of a store with a kind not authorized (tamper or deny of a read-only store)
   * is in the depth; authorizedAccess says which.
   */
  readonly authorized: readonly string[];
  /** Per store of `authorized`: the access kinds authorized and the depth of reach beyond them. */
  readonly authorizedAccess: readonly StoreAuthorization[];
  /** When an attacker's organization and this one are in one trust group: its reason ('' when none given); else null. */
  readonly trusted: string | null;
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
