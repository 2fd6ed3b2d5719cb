// `indepth risk`: exposure probability of every organization and data store from a foothold.
// Failures per type → exact, from the type-subset truth tables. Failures per instance → bit-parallel
// Monte Carlo to the requested precision, with Karp–Luby–Madras over minimal cut sets for the
// targets plain sampling cannot resolve; importance from the same cut sets.

import { patchCadence } from '../model/patch-cadence.js';
import { costOf } from '../analyze/cost.js';
import type { PreparedModel } from '../analyze/prepared.js';
import { resolveQuestion, type QuestionProblem } from '../analyze/what-if.js';
import type { CompiledGraph } from '../compile/compile.js';
import { BOUNDARY_TYPES } from '../domain/boundary.js';
import { CONTROL_NAMES, type ControlName, type Controls } from '../domain/controls.js';
import { depthByInstance } from '../engine/depth-by-instance.js';
import { beyondReadAntichain, depthByType, rowTable, typeDepth, type TypeDepthResult } from '../engine/depth-by-type.js';
import { propagationGraph } from '../engine/propagation-graph.js';
import { controlMask } from '../engine/scenario.js';
import { didYouMean } from '../model/suggest.js';
import { targetCutSets } from './cut-sets.js';
import { exact, relativeHalfWidth, sampled, Z95, type Estimate } from './estimate.js';
import {
  exactInstanceImportanceByType,
  exactTypeImportance,
  exactTypeRisk,
  importanceOf,
  relevantInstances,
  sortImportance,
  tableProbability,
  weightsOf,
  type Importance,
} from './exact.js';
import { buildFailureModel, overridesOf, patchSettingsOf, typeProbabilities, type FailureMode, type FailureModel } from './failure-model.js';
import { karpLubyMadras } from './karp-luby.js';
import type { LikelihoodOverride } from './likelihood.js';
import { BitSampler, DEFAULT_WORDS } from './monte-carlo.js';
import { riskTargets, storeRows, type RiskTargets, type StoreTarget } from './targets.js';
import type { DataRisk, ImportanceResult, OrganizationRisk, RiskMethod, RiskResult, TypeLikelihoodRow } from './types.js';

export interface RiskQuestion {
  readonly from: readonly string[];
  readonly controls: Partial<Record<ControlName, boolean>>;
  readonly failures: FailureMode;
  readonly method: RiskMethod;
  /** Victim organizations of the top event; empty = every organization the footholds are not in. */
  readonly victims: readonly string[];
  /** Overrides after the model's own (`--likelihood`). */
  readonly likelihoods: readonly LikelihoodOverride[];
  /** Overrides the model's `risk.patchDays`. */
  readonly patchDays: number | null;
  /** Fixed number of Monte Carlo samples; null: until `precision`. */
  readonly samples: number | null;
  /** Target relative half-width of the 95 % intervals of the organizations and the top event. */
  readonly precision: number;
  readonly maxSamples: number;
  readonly seed: number;
  /** Cut-set order for the rare-event estimator and instance importance. */
  readonly order: number;
  /** Most instances listed in the importance table (and, per type, the most analysed exactly). */
  readonly instanceLimit: number;
  /** Words per row of the bit-parallel sampler (32 samples each). */
  readonly words?: number;
  /**
   * Called after each Monte Carlo batch with the samples drawn and the most that will be drawn
   * (`samples`, or `maxSamples` when sampling to a precision, which may stop earlier). For progress
   * bars; it never changes the answer.
   */
  readonly onSamples?: (drawn: number, most: number) => void;
}

export const DEFAULT_RISK_QUESTION: Omit<RiskQuestion, 'from'> = {
  controls: {},
  failures: 'type',
  method: 'auto',
  victims: [],
  likelihoods: [],
  patchDays: null,
  samples: null,
  precision: 0.05,
  maxSamples: 1_000_000,
  seed: 1,
  order: 2,
  instanceLimit: 64,
};

export type RiskOutcome =
  | { readonly ok: true; readonly result: RiskResult }
  | { readonly ok: false; readonly problems: readonly QuestionProblem[]; readonly messages: readonly string[] };

/** Samples before a target is judged out of reach of plain sampling. */
const PILOT_SAMPLES = 16_384;
const MIN_SAMPLES = 2_048;
/** Fewest rare-event samples behind cut-set importance. */
const IMPORTANCE_SAMPLES = 20_000;

export function analyzeRisk(prepared: PreparedModel, question: RiskQuestion): RiskOutcome {
  const { compiled, model } = prepared;
  const resolution = resolveQuestion(prepared, { name: 'risk', from: question.from, fail: [], controls: question.controls });
  const messages: string[] = [];
  const orgIds = model.organizations.map((o) => o.id);
  for (const v of question.victims) if (!orgIds.includes(v)) messages.push(`--target: \`${v}\` is not an organization of the model${didYouMean(v, orgIds)}`);
  if (question.failures === 'type' && question.method === 'rare-event') {
    messages.push('--method rare-event needs --failures instance: with failures per type the answer is exact');
  }
  if (question.failures === 'instance' && question.method === 'exact') {
    messages.push('--method exact needs --failures type: with independent instance failures the exact probability is #P-hard; use monte-carlo or rare-event');
  }
  const patch = patchSettingsOf(model.risk, question.patchDays ?? undefined);
  const cadence = patchCadence(model, patch.patchDays);
  const built = buildFailureModel(compiled, question.failures, patch, [...overridesOf(model.risk), ...question.likelihoods], cadence);
  if (!built.ok) messages.push(...built.problems);
  if (!resolution.ok || messages.length > 0 || !built.ok) {
    return { ok: false, problems: resolution.ok ? [] : resolution.problems, messages };
  }
  const failure = built.model;
  const { sources, controls, footholds } = resolution.resolved;
  const mask = controlMask(controls);
  const targets = riskTargets(prepared, sources, question.victims);
  const byType = depthByType(compiled, sources, mask);
  const typeProbability = typeProbabilities(failure);
  const topNodes = targets.topStores.flatMap((s) => targets.stores[s]!.nodes);

  let stores: readonly Estimate[];
  let organizations: readonly Estimate[];
  let top: Estimate;
  let importance: ImportanceResult;
  const sampling = question.failures === 'instance' || question.method === 'monte-carlo';

  if (question.failures === 'type') {
    const exactRisk = exactTypeRisk(byType, typeProbability, targets);
    if (question.method === 'monte-carlo') {
      const mc = sampleTargets(prepared, sources, mask, failure, targets, question, structural(byType, targets));
      ({ stores, organizations, top } = mc);
    } else {
      ({ stores, organizations, top } = exactRisk);
    }
    importance = typeModeImportance(compiled, sources, mask, byType, typeProbability, exactRisk.topTable, topNodes, question.instanceLimit);
  } else {
    const known = structural(byType, targets);
    const cutSetsOf = lazyCutSets(compiled, sources, mask, question.order);
    let mc: { stores: Estimate[]; organizations: Estimate[]; top: Estimate; rare: boolean[] } | null = null;
    if (question.method !== 'rare-event') mc = sampleTargets(prepared, sources, mask, failure, targets, question, known);
    const rareSeed = (k: number) => (question.seed + Math.imul(k + 1, 0x9e3779b1)) >>> 0;
    const klm = (stores: readonly number[], k: number): Estimate =>
      karpLubyMadras(cutSetsOf(stores.map((s) => targets.stores[s]!)), failure.instance, {
        seed: rareSeed(k),
        samples: question.samples,
        precision: question.precision,
        maxSamples: question.maxSamples,
      }).estimate;
    // A target falls back to the rare-event estimator when sampling could not reach the precision
    // (auto, without a fixed sample count) or always (--method rare-event); the tighter answer wins.
    const pick = (sampledEstimate: Estimate | undefined, certain: Estimate | null, stores: readonly number[], k: number, rare: boolean): Estimate => {
      if (certain !== null) return certain;
      const wanted = question.method === 'rare-event' || (question.method === 'auto' && question.samples === null && rare);
      if (!wanted || sampledEstimate === undefined) return sampledEstimate ?? klm(stores, k);
      const r = klm(stores, k);
      if (question.method === 'rare-event') return r;
      return r.samples > 0 && r.probability > 0 && relativeHalfWidth(r) < relativeHalfWidth(sampledEstimate) ? r : sampledEstimate;
    };
    const orgCount = targets.organizations.length;
    organizations = targets.organizations.map((o, k) =>
      pick(mc?.organizations[k], known.organizations[k]!, o.stores, k, mc?.rare[k] ?? true),
    );
    top = pick(mc?.top, known.top, targets.topStores, orgCount, mc?.rare[orgCount] ?? true);
    stores = targets.stores.map((s, k) => {
      const estimate = mc?.stores[k];
      const certain = known.stores[k]!;
      if (certain !== null) return certain;
      const unresolved = estimate === undefined || relativeHalfWidth(estimate) > question.precision;
      return pick(estimate, null, [k], orgCount + 1 + k, unresolved);
    });
    importance = instanceModeImportance(compiled, failure, cutSetsOf(targets.topStores.map((s) => targets.stores[s]!)), question, rareSeed(orgCount + 1 + targets.stores.length));
  }

  if (structural(byType, targets).top?.probability === 1) {
    importance = {
      ...importance,
      notes: [
        ...importance.notes,
        'the top event needs no boundary failure at all: no hardening lowers it; change the topology (`indepth depth` shows the path)',
      ],
    };
  }
  // Depth of exposure: of reach, or of reach beyond read where the attackers may read (storeRows).
  const depthOf = (stores: readonly StoreTarget[]) => {
    let best: number | null = null;
    for (const store of stores) {
      for (const v of store.nodes) {
        const d = store.beyondRead ? (byType.antichains[beyondReadAntichain(byType, v)]![0]?.length ?? null) : typeDepth(byType, v);
        if (d !== null && (best === null || d < best)) best = d;
      }
    }
    return best;
  };
  const victims = new Set(targets.victims);
  const orgRows: OrganizationRisk[] = targets.organizations.map((o, k) => ({
    id: o.id,
    attacker: o.attacker,
    victim: victims.has(o.id),
    depth: depthOf(o.stores.map((s) => targets.stores[s]!)),
    authorized: o.authorized,
    readOnly: o.readOnly,
    ...organizations[k]!,
  }));
  const dataRows: DataRisk[] = targets.stores.flatMap((s, k) =>
    s.shown ? [{ id: s.id, organization: s.organization, classification: s.classification, depth: depthOf([s]), authorized: s.authorized, readOnly: s.beyondRead, ...stores[k]! }] : [],
  );
  const typesPresent = new Int32Array(BOUNDARY_TYPES.length);
  for (let i = 0; i < compiled.instanceCount; i++) typesPresent[compiled.instanceType[i]!]! += 1;
  const likelihoodRows: TypeLikelihoodRow[] = BOUNDARY_TYPES.flatMap((type, t) =>
    typesPresent[t]! === 0
      ? []
      : [
          {
            type,
            probability: failure.types[t]!.probability,
            configuration: failure.types[t]!.configuration,
            zeroDay: failure.types[t]!.zeroDay,
            knownUnpatched: failure.types[t]!.knownUnpatched,
            source: failure.types[t]!.source,
            instances: typesPresent[t]!,
          },
        ],
  );
  return {
    ok: true,
    result: {
      model: model.name,
      from: [...question.from],
      footholds,
      controls: Object.fromEntries(CONTROL_NAMES.map((c) => [c, controls[c]])) as Controls,
      failures: question.failures,
      method: question.method,
      seed: sampling ? question.seed : null,
      precision: sampling && question.samples === null ? question.precision : null,
      order: question.failures === 'instance' ? question.order : null,
      likelihoods: {
        patch: failure.patch,
        types: likelihoodRows,
        overrides: failure.overrides,
        instancesOverridden: failure.instanceTarget.filter((t) => t !== null).length,
        notes: failure.notes,
      },
      target: { organizations: targets.victims, ...top },
      organizations: orgRows,
      data: dataRows,
      importance,
      cost: costOf(prepared.deployment),
    },
  };
}

interface Structural {
  /** Per target: an exact 0 or 1 when structure alone decides it, else null. */
  readonly stores: (Estimate | null)[];
  readonly organizations: (Estimate | null)[];
  readonly top: Estimate | null;
}

/** Unreachable even with everything failed → 0; reached with nothing failed → 1 (from the type tables). */
function structural(byType: TypeDepthResult, targets: RiskTargets): Structural {
  const everything = 2 ** byType.types.length - 1;
  const bit = (row: number, subset: number) => ((rowTable(byType, row)[subset >>> 5]! >>> (subset & 31)) & 1) === 1;
  const decide = (rows: readonly number[]): Estimate | null => {
    if (rows.some((r) => bit(r, 0))) return exact(1);
    if (!rows.some((r) => bit(r, everything))) return exact(0);
    return null;
  };
  const rowsOf = (indices: readonly number[]) => indices.flatMap((s) => storeRows(byType.graph, targets.stores[s]!));
  return {
    stores: targets.stores.map((s) => decide(storeRows(byType.graph, s))),
    organizations: targets.organizations.map((o) => decide(rowsOf(o.stores))),
    top: decide(rowsOf(targets.topStores)),
  };
}

/**
 * Plain bit-parallel sampling of every target at once. Without a fixed count, stops when every
 * organization and the top event not decided by structure has a relative 95 % half-width within
 * the precision, or is judged out of reach (`rare`: the samples it would need exceed the budget).
 */
function sampleTargets(
  prepared: PreparedModel,
  sources: readonly number[],
  mask: number,
  failure: FailureModel,
  targets: RiskTargets,
  question: RiskQuestion,
  known: Structural,
): { stores: Estimate[]; organizations: Estimate[]; top: Estimate; rare: boolean[] } {
  const { compiled } = prepared;
  const graph = propagationGraph(compiled, mask);
  const perType = failure.mode === 'type';
  const variableOf = perType ? Int32Array.from(compiled.instanceType) : Int32Array.from({ length: compiled.instanceCount }, (_, i) => i);
  const probability = perType ? typeProbabilities(failure) : failure.instance;
  const groups = [...targets.organizations.map((o) => o.stores), targets.topStores];
  const sampler = new BitSampler(
    { graph, sources, variableOf, probability, storeRows: targets.stores.map((s) => storeRows(graph, s)), groups },
    question.seed,
    question.words ?? DEFAULT_WORDS,
  );
  const certain = [...known.organizations, known.top].map((e) => e !== null);
  const rare = groups.map(() => false);
  if (question.samples !== null) {
    while (sampler.samples < question.samples) {
      sampler.runBatch(question.samples - sampler.samples);
      question.onSamples?.(sampler.samples, question.samples);
    }
  } else {
    const active = new Set(groups.map((_, g) => g).filter((g) => !certain[g]));
    while (sampler.samples < question.maxSamples && active.size > 0) {
      sampler.runBatch(question.maxSamples - sampler.samples);
      const n = sampler.samples;
      question.onSamples?.(n, question.maxSamples);
      if (n < MIN_SAMPLES) continue;
      for (const g of [...active]) {
        const e = sampled(sampler.groupHits[g]!, n);
        if (relativeHalfWidth(e) <= question.precision) active.delete(g);
        else if (n >= PILOT_SAMPLES && neededSamples(e.high, question.precision) > question.maxSamples) {
          rare[g] = true;
          active.delete(g);
        }
      }
    }
    for (const g of active) rare[g] = true;
  }
  const n = sampler.samples;
  const estimate = (hits: number) => sampled(hits, n);
  const orgs = targets.organizations.length;
  return {
    stores: targets.stores.map((_, s) => known.stores[s] ?? estimate(sampler.storeHits[s]!)),
    organizations: targets.organizations.map((_, k) => known.organizations[k] ?? estimate(sampler.groupHits[k]!)),
    top: known.top ?? estimate(sampler.groupHits[orgs]!),
    rare,
  };
}

/** Samples a proportion near p needs for a relative 95 % half-width r (normal approximation). */
function neededSamples(p: number, r: number): number {
  if (p <= 0) return Infinity;
  return (Z95 * Z95 * (1 - p)) / (p * r * r);
}

/** Cut sets of order ≤ k per node set, from one instance-depth pass computed on first use. */
function lazyCutSets(compiled: CompiledGraph, sources: readonly number[], mask: number, order: number): (stores: readonly StoreTarget[]) => number[][] {
  let result: ReturnType<typeof depthByInstance> | null = null;
  return (stores) => {
    const found = (result ??= depthByInstance(compiled, sources, mask, { order }));
    return targetCutSets(found, stores.flatMap((s) => s.nodes.map((node, i) => ({ node, row: storeRows(found.graph, s)[i]! }))));
  };
}

function typeModeImportance(
  compiled: CompiledGraph,
  sources: readonly number[],
  mask: number,
  byType: TypeDepthResult,
  typeProbability: Float64Array,
  topTable: Uint32Array,
  topNodes: readonly number[],
  limit: number,
): ImportanceResult {
  const types = exactTypeImportance(byType, typeProbability, topTable);
  const base = tableProbability(topTable, weightsOf(byType, typeProbability));
  const notes: string[] = [];
  const relevant = relevantInstances(byType);
  let instances: Importance[] = [];
  if (relevant.length <= limit) {
    instances = exactInstanceImportanceByType(compiled, sources, mask, typeProbability, topNodes, relevant).filter(
      (i) => i.birnbaum > 0 || i.reduction > 0,
    );
  } else {
    notes.push(
      `per-instance importance skipped: ${relevant.length} instances can matter (the limit is ${limit}; --instance-limit raises it, one exact pass each); with failures per type an instance fails with its type, so the type ranking is the one to act on`,
    );
  }
  return { method: 'exact', base, types, instances, notes };
}

/**
 * Importance from the top event's minimal cut sets (order ≤ k), by KLM-weighted samples: per
 * instance, FV = share of the union in which every failed cut set contains it; P(top | it holds) =
 * P(1 − FV); multilinearity gives Birnbaum = (P − P(holds)) / p and P(top | it fails). Per type,
 * FV likewise; P(top | every instance of the type fails) by one more KLM run on the reduced sets.
 */
function instanceModeImportance(
  compiled: CompiledGraph,
  failure: FailureModel,
  cutSets: number[][],
  question: RiskQuestion,
  seed: number,
): ImportanceResult {
  const notes = [`from minimal cut sets of at most ${question.order} instance failures (higher-order sets are left out; --order raises it)`];
  // Importance shares need more samples than the union itself: at least IMPORTANCE_SAMPLES.
  const options = { seed, samples: null, precision: question.precision, maxSamples: Math.max(question.maxSamples, IMPORTANCE_SAMPLES), minSamples: IMPORTANCE_SAMPLES };
  const classOf = Int32Array.from(compiled.instanceType);
  const run = karpLubyMadras(cutSets, failure.instance, { ...options, importance: true, classOf, classCount: BOUNDARY_TYPES.length });
  const base = run.estimate.probability;
  if (run.cutSets === 0) notes.push('no cut set within the order reaches the target: nothing to rank');
  const instances: Importance[] = [];
  for (let i = 0; i < compiled.instanceCount; i++) {
    const fv = run.share[i] ?? 0;
    if (fv <= 0) continue;
    const p = failure.instance[i]!;
    const reduction = base * fv;
    const holds = base - reduction;
    const birnbaum = p > 0 ? reduction / p : 0;
    instances.push(importanceOf(compiled.instanceIds[i]!, BOUNDARY_TYPES[compiled.instanceType[i]!]!, p, base, Math.min(1, holds + birnbaum), holds));
  }
  const typesInSets = new Set(cutSets.flat().map((i) => compiled.instanceType[i]!));
  const types = [...typesInSets].sort((a, b) => a - b).map((t) => {
    const reduced = cutSets.map((set) => set.filter((i) => compiled.instanceType[i] !== t));
    const fails = karpLubyMadras(reduced, failure.instance, { ...options, seed: (seed + 7919 * (t + 1)) >>> 0 }).estimate.probability;
    const holds = base * (1 - (run.classShare[t] ?? 0));
    const type = BOUNDARY_TYPES[t]!;
    return importanceOf(type, type, failure.types[t]!.probability, base, Math.max(fails, base), holds);
  });
  const sorted = sortImportance(instances);
  if (sorted.length > question.instanceLimit) {
    notes.push(`${sorted.length - question.instanceLimit} more instances with smaller importance are not listed (--instance-limit)`);
  }
  return { method: 'cut sets', base, types: sortImportance(types), instances: sorted.slice(0, question.instanceLimit), notes };
}
