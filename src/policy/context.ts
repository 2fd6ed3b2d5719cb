// What a policy sees of one model: the prepared model, where each entity is written, and defense
// depth per data store from any set of footholds — computed once per foothold set and shared by
// every policy that asks (the cross-org and classification policies ask the same questions).

import { analyzeDepth } from '../analyze/depth.js';
import type { PreparedModel } from '../analyze/prepared.js';
import type { Hop } from '../analyze/what-if-types.js';
import type { Classification, EntityLocations, SourceLocation } from '../model/types.js';

/** Defense depth of one model data store (the least deep of its nodes: a profile store has one per user). */
export interface StoreDepth {
  readonly store: string;
  readonly organization: string;
  readonly classification: Classification;
  /** Fewest boundary failures, counted by type; null when no failure set reaches it. */
  readonly depth: number | null;
  /** Minimal failure sets of its least deep node (capped; `setCount` is exact). */
  readonly sets: readonly (readonly string[])[];
  readonly setCount: number;
  /** A witness attack path for the first minimal set. */
  readonly path: readonly Hop[];
}

export interface PolicyContext {
  /** The model file, as given on the command line. */
  readonly file: string;
  readonly prepared: PreparedModel;
  readonly locations: EntityLocations;
  /** Organizations with at least one standard user: the insiders an organization foothold stands for. */
  readonly insiderOrganizations: readonly string[];
  /** Where an entity (`users/alice`) or a setting (`controls/reverseConnect`) is written; the model's start if unknown. */
  locate(key: string): SourceLocation;
  /** Depth of every data store (by model store id) from these footholds; null if they name no node. */
  storeDepths(from: readonly string[]): ReadonlyMap<string, StoreDepth> | null;
}

/** Sets listed per store: enough for a message, the count stays exact. */
const SETS_SHOWN = 4;

/**
 * `settings` holds positions of model keys that are not entities (`controls/reverseConnect`), from
 * settingLocations(); entities come from the loader's EntityLocations.
 */
export function createPolicyContext(
  file: string,
  prepared: PreparedModel,
  locations: EntityLocations,
  settings: ReadonlyMap<string, SourceLocation> = new Map(),
): PolicyContext {
  const cache = new Map<string, ReadonlyMap<string, StoreDepth> | null>();
  const start: SourceLocation = locations.get('model') ?? { file, line: 1, column: 1 };
  const standardOrgs = new Set(
    prepared.deployment.allMembers.filter((m) => m.user.privilege === 'standard').map((m) => m.user.organization),
  );
  return {
    file,
    prepared,
    locations,
    insiderOrganizations: prepared.model.organizations.map((o) => o.id).filter((id) => standardOrgs.has(id)),
    locate: (key) => locations.get(key) ?? settings.get(key) ?? start,
    storeDepths(from) {
      const key = [...from].sort().join('\u0000');
      if (!cache.has(key)) cache.set(key, computeStoreDepths(prepared, from));
      return cache.get(key)!;
    },
  };
}

function computeStoreDepths(prepared: PreparedModel, from: readonly string[]): ReadonlyMap<string, StoreDepth> | null {
  if (from.length === 0) return null;
  const outcome = analyzeDepth(prepared, { from, by: 'type', order: 0, controls: {}, maxSets: SETS_SHOWN });
  if (!outcome.ok) return null;
  const out = new Map<string, StoreDepth>();
  for (const node of outcome.result.data) {
    const known = out.get(node.store);
    if (known !== undefined && !deeper(known.depth, node.depth)) continue;
    out.set(node.store, {
      store: node.store,
      organization: node.organization,
      classification: node.classification,
      depth: node.depth,
      sets: node.minimalSets,
      setCount: node.minimalSetCount,
      path: node.witnesses[0]?.path ?? [],
    });
  }
  return out;
}

/** Whether depth `a` is strictly greater than `b` (null = unreachable = deepest). */
export function deeper(a: number | null, b: number | null): boolean {
  if (a === null) return b !== null;
  return b !== null && a > b;
}
