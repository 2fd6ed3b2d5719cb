// What a policy sees of one model: the prepared model, where each entity is written, and defense
// depth per data store from any set of footholds — one attacker pass per foothold set, shared by
// every policy that asks (the cross-org and classification policies ask the same questions), and
// run ahead on worker threads for the sets the policies will ask about (prefetch).

import { minimalSets } from '../analyze/antichain.js';
import { attackerPass, familyDepth, passInput, type AttackerPass, type PassInput, type PassTask } from '../analyze/attacker-pass.js';
import { toHop } from '../analyze/hops.js';
import type { PreparedModel } from '../analyze/prepared.js';
import { resolveQuestion } from '../analyze/what-if.js';
import type { Hop } from '../analyze/what-if-types.js';
import { hopOf } from '../engine/reach.js';
import { runPasses, type Progress } from '../parallel/pass-pool.js';
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
  /**
   * Computes storeDepths for these foothold sets ahead of the policies, one pass per set not yet
   * known, on `jobs` worker threads (the answers are the same as computing them on demand).
   */
  prefetch(sets: readonly (readonly string[])[], jobs: number, onProgress?: Progress): Promise<void>;
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
  let input: PassInput | undefined;
  const inputOf = () => (input ??= passInput(prepared, {}, true));
  const keyOf = (from: readonly string[]) => [...from].sort().join('\u0000');
  /** The pass task of a foothold set; null when it names no node (as storeDepths answers). */
  const taskOf = (from: readonly string[]): PassTask | null => {
    if (from.length === 0) return null;
    const resolution = resolveQuestion(prepared, { name: 'depth', from, fail: [], controls: {} });
    return resolution.ok ? { attacker: keyOf(from), sources: resolution.resolved.sources } : null;
  };
  return {
    file,
    prepared,
    locations,
    insiderOrganizations: prepared.model.organizations.map((o) => o.id).filter((id) => standardOrgs.has(id)),
    locate: (key) => locations.get(key) ?? settings.get(key) ?? start,
    storeDepths(from) {
      const key = keyOf(from);
      if (!cache.has(key)) {
        const task = taskOf(from);
        cache.set(key, task === null ? null : storeDepthsOf(prepared, inputOf(), attackerPass(inputOf(), task)));
      }
      return cache.get(key)!;
    },
    async prefetch(sets, jobs, onProgress) {
      const tasks: PassTask[] = [];
      for (const from of sets) {
        const key = keyOf(from);
        if (cache.has(key) || tasks.some((t) => t.attacker === key)) continue;
        const task = taskOf(from);
        if (task === null) cache.set(key, null);
        else tasks.push(task);
      }
      const passes = await runPasses(inputOf(), tasks, jobs, onProgress);
      for (const pass of passes) cache.set(pass.attacker, storeDepthsOf(prepared, inputOf(), pass));
    },
  };
}

/** Each store's least deep data node (the first on ties), read off a pass with witnesses. */
function storeDepthsOf(prepared: PreparedModel, input: PassInput, pass: AttackerPass): ReadonlyMap<string, StoreDepth> {
  const out = new Map<string, StoreDepth>();
  const canonical = new Map<number, string[][]>();
  pass.storeNode.forEach((p, s) => {
    if (p < 0) return;
    const family = pass.dataAntichain[p]!;
    let sets = canonical.get(family);
    if (sets === undefined) canonical.set(family, (sets = minimalSets(pass.antichains[family]!)));
    const attributes = prepared.nodes[input.data[p]!]!;
    out.set(input.stores[s]!, {
      store: input.stores[s]!,
      organization: attributes.organization ?? '',
      classification: attributes.classification ?? 'confidential',
      depth: familyDepth(pass.antichains[family]!),
      sets: sets.slice(0, SETS_SHOWN),
      setCount: sets.length,
      path: Array.from(pass.storePath[s]!, (e) => toHop(prepared, hopOf(prepared.compiled, e))),
    });
  });
  return out;
}

/** Whether depth `a` is strictly greater than `b` (null = unreachable = deepest). */
export function deeper(a: number | null, b: number | null): boolean {
  if (a === null) return b !== null;
  return b !== null && a > b;
}
