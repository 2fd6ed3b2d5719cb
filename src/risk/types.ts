// What `indepth risk` answers: exposure probability of every organization and data store from a
// foothold, with a 95 % interval and the method behind it; importance of each boundary type and
// instance against the top event; and the deployment's cost beside it.

import type { CostBreakdown } from '../analyze/cost.js';
import type { BoundaryType } from '../domain/boundary.js';
import type { Controls } from '../domain/controls.js';
import type { Estimate } from './estimate.js';
import type { Importance } from './exact.js';
import type { AppliedOverride, FailureMode } from './failure-model.js';
import type { LikelihoodSource, PatchSettings } from './likelihood.js';

export type RiskMethod = 'auto' | 'exact' | 'monte-carlo' | 'rare-event';
export const RISK_METHODS: readonly RiskMethod[] = ['auto', 'exact', 'monte-carlo', 'rare-event'];

export interface TypeLikelihoodRow {
  readonly type: BoundaryType;
  readonly probability: number;
  readonly configuration: number;
  readonly zeroDay: number;
  readonly knownUnpatched: number;
  readonly source: LikelihoodSource;
  /** Boundary instances of the type in the model. */
  readonly instances: number;
}

export interface OrganizationRisk extends Estimate {
  readonly id: string;
  /** The footholds belong to it. */
  readonly attacker: boolean;
  /** A victim of the top event. */
  readonly victim: boolean;
  /** Fewest boundary types that must fail before any of its data the attackers are not authorized for is reached; null = never. */
  readonly depth: number | null;
  /** Its stores every attacker organization is authorized for every access to (src/analyze/authorization.ts): listed, not counted. */
  readonly authorized: readonly string[];
  /** Its stores the attackers may only read: their reach with control, tamper or deny is counted (data rows say `read only`). */
  readonly readOnly: readonly string[];
}

export interface DataRisk extends Estimate {
  readonly id: string;
  readonly organization: string;
  readonly classification: string;
  readonly depth: number | null;
  /** Another organization's store every attacker organization is authorized for: its exposure is legitimate access. */
  readonly authorized: boolean;
  /** The attackers may only read it: its depth and probability are of reach with control, tamper or deny. */
  readonly readOnly: boolean;
}

export interface ImportanceResult {
  /** How importance was computed. */
  readonly method: 'exact' | 'cut sets';
  /** P(top) the measures are relative to (for cut sets: the union of cut sets of order ≤ k). */
  readonly base: number;
  readonly types: readonly Importance[];
  readonly instances: readonly Importance[];
  /** Why instances may be missing, or other caveats. */
  readonly notes: readonly string[];
}

export interface RiskResult {
  readonly model: string;
  readonly from: readonly string[];
  readonly footholds: readonly string[];
  readonly controls: Controls;
  readonly failures: FailureMode;
  readonly method: RiskMethod;
  /** Sampling settings (null for an exact answer). */
  readonly seed: number | null;
  readonly precision: number | null;
  /** Cut-set order of the rare-event estimator and instance importance (instance mode). */
  readonly order: number | null;
  readonly likelihoods: {
    readonly patch: PatchSettings;
    readonly types: readonly TypeLikelihoodRow[];
    readonly overrides: readonly AppliedOverride[];
    /** Instances whose figure an instance or group override decided (instance mode). */
    readonly instancesOverridden: number;
    readonly notes: readonly string[];
  };
  /** The top event: any data of these organizations exposed. */
  readonly target: { readonly organizations: readonly string[] } & Estimate;
  readonly organizations: readonly OrganizationRisk[];
  readonly data: readonly DataRisk[];
  readonly importance: ImportanceResult;
  readonly cost: CostBreakdown;
}
