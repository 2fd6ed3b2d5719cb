// The failure model of one compiled graph: defaults, then the model's `risk.likelihoods`, then the
// command line's `--likelihood` flags, resolved to a probability per boundary type (failures per
// type: one variable per type, a 0-day fails every instance) or per instance (failures independent
// per instance). Override targets use the failure-spec syntax of scenarios.

import { BOUNDARY_TYPES, type BoundaryType } from '../domain/boundary.js';
import type { CompiledGraph } from '../compile/compile.js';
import { resolveFailures, type FailureSpecKind, type PatchCadence } from '../engine/scenario.js';
import type { RiskSettings } from '../model/types.js';
import {
  DEFAULT_LIKELIHOODS,
  DEFAULT_PATCH_SETTINGS,
  applyOverride,
  combine,
  defaultLikelihood,
  type CauseFigures,
  type LikelihoodOverride,
  type PatchSettings,
  type ResolvedLikelihood,
} from './likelihood.js';

export const FAILURE_MODES = ['type', 'instance'] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

export interface AppliedOverride {
  readonly target: string;
  readonly kind: FailureSpecKind;
  readonly source: LikelihoodOverride['source'];
  /** Instances the target names in this graph. */
  readonly instances: number;
  /** False when the failure mode cannot express it (an instance or group figure with failures per type). */
  readonly applied: boolean;
}

export interface FailureModel {
  readonly mode: FailureMode;
  readonly patch: PatchSettings;
  /** Per BOUNDARY_TYPES index: the type's figure after type-level overrides. */
  readonly types: readonly ResolvedLikelihood[];
  /** Per instance: its failure probability (its type's in type mode). */
  readonly instance: Float64Array;
  /** Per instance: the override target that decided it, or null for its type's figure. */
  readonly instanceTarget: readonly (string | null)[];
  readonly overrides: readonly AppliedOverride[];
  readonly notes: readonly string[];
}

export type FailureModelOutcome = { readonly ok: true; readonly model: FailureModel } | { readonly ok: false; readonly problems: readonly string[] };

const SPECIFICITY: Readonly<Record<FailureSpecKind, number>> = { type: 0, group: 1, typeInGroup: 2, instance: 3 };

export function overridesOf(settings: RiskSettings | undefined): LikelihoodOverride[] {
  return (settings?.likelihoods ?? []).map((l) => ({ ...l, source: 'model' as const }));
}

export function patchSettingsOf(settings: RiskSettings | undefined, patchDays?: number): PatchSettings {
  return {
    patchDays: patchDays ?? settings?.patchDays ?? DEFAULT_PATCH_SETTINGS.patchDays,
    exploitDays: settings?.exploitDays ?? DEFAULT_PATCH_SETTINGS.exploitDays,
  };
}

/**
 * Resolves every override against the graph (unknown targets are problems, with did-you-mean),
 * then applies them from least to most specific: type, group, type@group, instance; among equals
 * in the order given (model entries first, then flags).
 */
export function buildFailureModel(
  compiled: CompiledGraph,
  mode: FailureMode,
  patch: PatchSettings,
  overrides: readonly LikelihoodOverride[],
  cadence: PatchCadence = new Map(),
): FailureModelOutcome {
  // Per instance, the patch cadence of its pool (its own `patchDays`); per type, the slowest pool's:
  // one variable per type stands for every instance, so it takes the worst case.
  const patchOf = instancePatch(compiled, patch, cadence);
  const modelPatchDays = patch.patchDays;
  const slowest = Math.max(patch.patchDays, ...cadence.values());
  if (mode === 'type' && slowest > patch.patchDays) patch = { ...patch, patchDays: slowest };
  const problems: string[] = [];
  const resolved: { override: LikelihoodOverride; kind: FailureSpecKind; members: number[]; order: number }[] = [];
  overrides.forEach((override, order) => {
    const r = resolveFailures(compiled, [override.target], cadence);
    if (!r.ok) {
      const where = override.source === 'model' ? `risk.likelihoods[${order}]` : '--likelihood';
      problems.push(`${where}: ${r.error.message}`);
      return;
    }
    const members: number[] = [];
    r.failed.forEach((f, i) => f === 1 && members.push(i));
    resolved.push({ override, kind: r.resolved[0]!.kind, members, order });
  });
  if (problems.length > 0) return { ok: false, problems };
  resolved.sort((a, b) => SPECIFICITY[a.kind] - SPECIFICITY[b.kind] || a.order - b.order);

  const notes: string[] = [];
  if (mode === 'type' && slowest > modelPatchDays) {
    notes.push(`with failures per type every boundary takes the slowest pool\u2019s patch cadence (${slowest} days, not ${modelPatchDays}); use --failures instance for each pool\u2019s own`);
  }
  const types: ResolvedLikelihood[] = BOUNDARY_TYPES.map((type) => defaultLikelihood(type, patch));
  const typeFigures: CauseFigures[] = BOUNDARY_TYPES.map((type) => ({ ...DEFAULT_LIKELIHOODS[type] }));
  const applied: AppliedOverride[] = [];
  for (const { override, kind, members } of resolved) {
    if (kind !== 'type') continue;
    const t = BOUNDARY_TYPES.indexOf(override.target as BoundaryType);
    types[t] = applyOverride(typeFigures[t]!, DEFAULT_LIKELIHOODS[BOUNDARY_TYPES[t]!].patchable, override, patch);
    typeFigures[t] = figuresOf(typeFigures[t]!, override);
    applied.push({ target: override.target, kind, source: override.source, instances: members.length, applied: true });
  }

  const n = compiled.instanceCount;
  const instance = new Float64Array(n);
  const instanceTarget: (string | null)[] = new Array<string | null>(n).fill(null);
  const figures: CauseFigures[] = [];
  for (let i = 0; i < n; i++) {
    const t = compiled.instanceType[i]!;
    const own = mode === 'instance' ? patchOf(i) : patch;
    instance[i] = own === patch ? types[t]!.probability : combine(typeFigures[t]!, DEFAULT_LIKELIHOODS[BOUNDARY_TYPES[t]!].patchable, own).probability;
    figures.push(typeFigures[t]!);
  }
  for (const { override, kind, members } of resolved) {
    if (kind === 'type') continue;
    const usable = mode === 'instance';
    applied.push({ target: override.target, kind, source: override.source, instances: members.length, applied: usable });
    if (!usable) {
      notes.push(
        `the ${kind === 'typeInGroup' ? 'type-in-group' : kind} likelihood for \`${override.target}\` is ignored with failures per type (one variable per boundary type); use --failures instance`,
      );
      continue;
    }
    for (const i of members) {
      const type = BOUNDARY_TYPES[compiled.instanceType[i]!]!;
      const r = applyOverride(figures[i]!, DEFAULT_LIKELIHOODS[type].patchable, override, patchOf(i));
      instance[i] = r.probability;
      instanceTarget[i] = override.target;
      figures[i] = figuresOf(figures[i]!, override);
    }
  }
  return { ok: true, model: { mode, patch, types, instance, instanceTarget, overrides: applied, notes } };
}

/** Each instance's patch settings: the largest cadence among its pool groups, else the model's. */
function instancePatch(compiled: CompiledGraph, patch: PatchSettings, cadence: PatchCadence): (instance: number) => PatchSettings {
  if (cadence.size === 0) return () => patch;
  const groupDays = compiled.groupIds.map((g) => cadence.get(g));
  const memo = new Map<number, PatchSettings>();
  return (i) => {
    let days: number | undefined;
    for (let g = compiled.groupOffsets[i]!; g < compiled.groupOffsets[i + 1]!; g++) {
      const d = groupDays[compiled.groupMembers[g]!];
      if (d !== undefined && (days === undefined || d > days)) days = d;
    }
    if (days === undefined || days === patch.patchDays) return patch;
    let settings = memo.get(days);
    if (settings === undefined) {
      settings = { ...patch, patchDays: days };
      memo.set(days, settings);
    }
    return settings;
  };
}

/** The cause figures a later, more specific override merges onto. */
function figuresOf(before: CauseFigures, override: LikelihoodOverride): CauseFigures {
  if (override.probability !== null) return { configuration: override.probability, zeroDay: 0, knownPerYear: 0 };
  return {
    configuration: override.configuration ?? before.configuration,
    zeroDay: override.zeroDay ?? before.zeroDay,
    knownPerYear: override.knownPerYear ?? before.knownPerYear,
  };
}

/** Per BOUNDARY_TYPES index: the probability of the type (type mode's variables). */
export function typeProbabilities(model: FailureModel): Float64Array {
  return Float64Array.from(model.types, (t) => t.probability);
}
