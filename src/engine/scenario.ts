// A scenario as the engine sees it: which boundary instances have failed and which controls are on.
// Resolves failure specs (`kernel`, `session@pool1-vm3`, `build:win11`, `kernel@build:win11`) to
// instance flags; unknown specs come back as a typed error with did-you-mean suggestions.

import { BOUNDARY_TYPES, boundaryIndex, isBoundaryType } from '../domain/boundary.js';
import type { BoundaryType } from '../domain/boundary.js';
import { CONTROL_NAMES } from '../domain/controls.js';
import type { Controls } from '../domain/controls.js';
import type { CompiledGraph } from '../compile/compile.js';
import { patchBehind } from '../model/failure-spec.js';

/** What a failure set is built from: the boundary instances and their types. */
export type InstanceArrays = Pick<CompiledGraph, 'instanceCount' | 'instanceType'>;

/** Bit i set when CONTROL_NAMES[i] is on; an edge whose blockedBy bits meet it does not exist. */
export type ControlMask = number;

/** Per instance: 1 = failed (its edges are traversable), 0 = holding. */
export type FailedInstances = Uint8Array;

export interface Scenario {
  readonly failed: FailedInstances;
  readonly controls: ControlMask;
}

export function controlMask(controls: Controls): ControlMask {
  let mask = 0;
  CONTROL_NAMES.forEach((name, i) => {
    if (controls[name]) mask |= 1 << i;
  });
  return mask;
}

/** Whether edge e exists and can be crossed in the scenario. */
export function isTraversable(compiled: CompiledGraph, scenario: Scenario, e: number): boolean {
  if ((compiled.blockedBy[e]! & scenario.controls) !== 0) return false;
  const instance = compiled.instance[e]!;
  return instance < 0 || scenario.failed[instance] === 1;
}

export function noFailures(compiled: InstanceArrays): FailedInstances {
  return new Uint8Array(compiled.instanceCount);
}

export function allFailed(compiled: InstanceArrays): FailedInstances {
  return new Uint8Array(compiled.instanceCount).fill(1);
}

export function failTypes(compiled: InstanceArrays, types: readonly BoundaryType[]): FailedInstances {
  const wanted = new Set(types.map(boundaryIndex));
  const failed = noFailures(compiled);
  for (let i = 0; i < compiled.instanceCount; i++) if (wanted.has(compiled.instanceType[i]!)) failed[i] = 1;
  return failed;
}

export function failInstances(compiled: CompiledGraph, instances: readonly number[]): FailedInstances {
  const failed = noFailures(compiled);
  for (const i of instances) {
    if (!Number.isInteger(i) || i < 0 || i >= compiled.instanceCount) throw new RangeError(`no boundary instance with index ${i}`);
    failed[i] = 1;
  }
  return failed;
}

/** How a spec was read; precedence is instance id, then type, then group, then type@group. */
export type FailureSpecKind = 'instance' | 'type' | 'group' | 'typeInGroup';

export interface ResolvedFailureSpec {
  readonly spec: string;
  readonly kind: FailureSpecKind;
  /** Instances it fails in this graph (0 is legal: a type the graph does not use). */
  readonly instanceCount: number;
}

export interface UnknownFailureSpec {
  /** Position of the spec in the list given. */
  readonly index: number;
  readonly spec: string;
  /** The closest known spec, or null when nothing is close. */
  readonly suggestion: string | null;
}

export interface UnknownFailureSpecsError {
  readonly kind: 'unknownFailureSpecs';
  readonly unknown: readonly UnknownFailureSpec[];
  readonly message: string;
}

export type FailureResolution =
  | { readonly ok: true; readonly failed: FailedInstances; readonly resolved: readonly ResolvedFailureSpec[] }
  | { readonly ok: false; readonly error: UnknownFailureSpecsError };

/**
 * Patch cadence per pool failure group (`pool:p1` → days behind), so that `patch>30` and
 * `kernel@patch>30` resolve to the boundaries of every pool more than 30 days behind.
 */
export type PatchCadence = ReadonlyMap<string, number>;

export function resolveFailures(compiled: CompiledGraph, specs: readonly string[], cadence: PatchCadence = new Map()): FailureResolution {
  const failed = noFailures(compiled);
  const resolved: ResolvedFailureSpec[] = [];
  const unknown: { index: number; spec: string }[] = [];
  specs.forEach((spec, index) => {
    const match = matchSpec(compiled, spec) ?? matchPatchBehind(compiled, spec, cadence);
    if (match === null) {
      unknown.push({ index, spec });
      return;
    }
    for (const i of match.instances) failed[i] = 1;
    resolved.push({ spec, kind: match.kind, instanceCount: match.instances.length });
  });
  if (unknown.length === 0) return { ok: true, failed, resolved };

  const candidates = knownSpecs(compiled);
  const entries = unknown.map(({ index, spec }) => ({ index, spec, suggestion: closest(spec, candidates) }));
  const message = entries
    .map(({ spec, suggestion }) => `unknown failure '${spec}'${suggestion === null ? '' : ` (did you mean '${suggestion}'?)`}`)
    .join('\n');
  return { ok: false, error: { kind: 'unknownFailureSpecs', unknown: entries, message } };
}

function matchSpec(compiled: CompiledGraph, spec: string): { kind: FailureSpecKind; instances: number[] } | null {
  const instance = compiled.instanceIndex.get(spec);
  if (instance !== undefined) return { kind: 'instance', instances: [instance] };
  if (isBoundaryType(spec)) return { kind: 'type', instances: instancesWhere(compiled, (i) => compiled.instanceType[i] === boundaryIndex(spec)) };
  const group = compiled.groupIds.indexOf(spec);
  if (group >= 0) return { kind: 'group', instances: instancesWhere(compiled, (i) => inGroup(compiled, i, group)) };
  // `type@group`: split at the first '@' (boundary type names contain none).
  const at = spec.indexOf('@');
  const type = spec.slice(0, at);
  if (at <= 0 || !isBoundaryType(type)) return null;
  const inner = compiled.groupIds.indexOf(spec.slice(at + 1));
  if (inner < 0) return null;
  const code = boundaryIndex(type);
  return { kind: 'typeInGroup', instances: instancesWhere(compiled, (i) => compiled.instanceType[i] === code && inGroup(compiled, i, inner)) };
}

/** `patch>N` / `type@patch>N`: instances in a pool group whose cadence exceeds N days (none is legal). */
function matchPatchBehind(compiled: CompiledGraph, spec: string, cadence: PatchCadence): { kind: FailureSpecKind; instances: number[] } | null {
  const behind = patchBehind(spec);
  if (behind === null || (behind.type !== null && !isBoundaryType(behind.type))) return null;
  const groups = new Set<number>();
  for (const [group, days] of cadence) {
    const index = compiled.groupIds.indexOf(group);
    if (days > behind.days && index >= 0) groups.add(index);
  }
  const code = behind.type === null ? -1 : boundaryIndex(behind.type);
  const member = (i: number) => {
    for (let g = compiled.groupOffsets[i]!; g < compiled.groupOffsets[i + 1]!; g++) if (groups.has(compiled.groupMembers[g]!)) return true;
    return false;
  };
  return {
    kind: behind.type === null ? 'group' : 'typeInGroup',
    instances: groups.size === 0 ? [] : instancesWhere(compiled, (i) => (code < 0 || compiled.instanceType[i] === code) && member(i)),
  };
}

function instancesWhere(compiled: CompiledGraph, keep: (instance: number) => boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < compiled.instanceCount; i++) if (keep(i)) out.push(i);
  return out;
}

function inGroup(compiled: CompiledGraph, instance: number, group: number): boolean {
  for (let g = compiled.groupOffsets[instance]!; g < compiled.groupOffsets[instance + 1]!; g++) {
    if (compiled.groupMembers[g] === group) return true;
  }
  return false;
}

/** Every spec that would resolve, in a fixed order (ties in distance go to the earliest). */
function knownSpecs(compiled: CompiledGraph): string[] {
  const typeInGroup = new Set<string>();
  for (let i = 0; i < compiled.instanceCount; i++) {
    for (let g = compiled.groupOffsets[i]!; g < compiled.groupOffsets[i + 1]!; g++) {
      typeInGroup.add(`${BOUNDARY_TYPES[compiled.instanceType[i]!]}@${compiled.groupIds[compiled.groupMembers[g]!]}`);
    }
  }
  return [...BOUNDARY_TYPES, ...compiled.instanceIds, ...compiled.groupIds, ...[...typeInGroup].sort()];
}

/** The candidate with the smallest edit distance, if within about a third of the spec's length. */
function closest(spec: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(spec.length / 3)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - spec.length) >= bestDistance) continue;
    const distance = editDistance(spec, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returning `limit`) once every alignment costs at least `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length]!;
}
