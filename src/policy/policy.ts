// A policy turns one of the guide's recommendations (or a team's own standard) into findings. Each
// built-in policy is one file carrying its id, title, the sentence it enforces, a fix hint and the
// settings a policy file may give it; the registry (./registry.ts) lists them all.

import type { Fields, Infer, ObjectSchema } from '../model/schema-dsl.js';
import type { SourceLocation } from '../model/types.js';
import type { PolicyContext } from './context.js';
import type { Trust } from './trust.js';

/** SARIF's result levels, so a finding maps onto code scanning without translation. */
export const SEVERITIES = ['error', 'warning', 'note'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Another place worth showing beside a finding: the shared host pool its attack path crosses. */
export interface RelatedLocation {
  readonly location: SourceLocation;
  readonly message: string;
}

/** How far one attacker is from an asset: the numbers a baseline comparison reads. */
export interface AttackerDepth {
  /** A foothold name as the policy used it: an organization id, `internet`, or a custom policy's `from`. */
  readonly attacker: string;
  /** Fewest boundary failures (by type); null when unreachable. */
  readonly depth: number | null;
}

/** What a policy reports; the runner adds the policy id, the finding id and the severity. */
export interface FindingDraft {
  /** The offending entity's id (a data store, user, tenant …); the finding id is `policy@asset`. */
  readonly asset: string;
  /** What is wrong, in one or two sentences naming the entities involved. */
  readonly message: string;
  /** How to fix it, concretely for this asset. */
  readonly fix: string;
  readonly location: SourceLocation;
  readonly related: readonly RelatedLocation[];
  /** Depth findings: the measured depth per attacker (only those under the minimum). */
  readonly depths?: readonly AttackerDepth[];
  /** Depth findings: the minimum the policy asks for. */
  readonly minDepth?: number;
  /** Baseline policies: the baseline's depth per attacker, for the same attackers as `depths`. */
  readonly was?: readonly AttackerDepth[];
}

export interface Finding extends FindingDraft {
  /** `policy@asset`: stable across runs and edits elsewhere in the model (SARIF fingerprints use it). */
  readonly id: string;
  readonly policy: string;
  readonly severity: Severity;
  /** With a baseline: `new` (not in the baseline) or `worse` (there, but lower depth now). */
  readonly change?: FindingChange;
}

export interface FindingChange {
  readonly kind: 'new' | 'worse';
  /** For `worse`: the baseline's depth per attacker. */
  readonly was?: readonly AttackerDepth[];
}

/** Settings every policy has, beside its own. */
export interface CommonSettings {
  readonly enabled: boolean;
  readonly severity: Severity;
}

export interface PolicyInput<S> {
  readonly context: PolicyContext;
  readonly settings: S & CommonSettings;
  /** The model the change started from (`--baseline`); null without one. */
  readonly baseline: PolicyContext | null;
  /** Organizations the policy file declares as trusting each other (`trusted`). */
  readonly trust: Trust;
}

/** What a rule or a report needs to describe a policy: built-in and custom ones alike. */
export interface PolicyInfo {
  /** Stable id, the first half of every finding id. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The sentence of the security guide (or domain.md, or a team's standard) the policy enforces. */
  readonly guide: string;
  /** How to fix a finding of this policy, in general. */
  readonly fix: string;
  readonly severity: Severity;
}

export interface PolicyDefinition<F extends Fields> extends PolicyInfo {
  /** Runs only when the check compares against a baseline model. */
  readonly needsBaseline: boolean;
  /** The policy's own settings in a policy file (beside `enabled` and `severity`). */
  readonly settings: F;
  evaluate(input: PolicyInput<Infer<ObjectSchema<F>>>): readonly FindingDraft[];
}

/** A registered policy; its settings' type is erased so different policies fit one list. */
export interface Policy extends PolicyInfo {
  readonly needsBaseline: boolean;
  readonly settings: Fields;
  evaluate(input: PolicyInput<unknown>): readonly FindingDraft[];
}

export function definePolicy<F extends Fields>(definition: PolicyDefinition<F>): Policy {
  // The runner passes the settings the policy file validated against exactly these fields.
  return { ...definition, evaluate: (input) => definition.evaluate(input as PolicyInput<Infer<ObjectSchema<F>>>) };
}

export function findingId(policy: string, asset: string): string {
  return `${policy}@${asset}`;
}
