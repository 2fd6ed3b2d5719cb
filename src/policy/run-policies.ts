// Runs a policy set against a model: every enabled built-in policy, then the custom ones. With a
// baseline model, keeps only what got worse: findings the baseline did not have, depth findings
// whose depth dropped, and regressions of depth no minimum covers (policy `depth-regression`).

import { deeper, type DepthQuestion, type PolicyContext } from './context.js';
import { customPolicyInfo, evaluateCustomPolicy } from './custom-policy.js';
import type { PolicyConfig } from './load-policy.js';
import { findingId, type Finding, type FindingDraft, type PolicyInfo, type Severity } from './policy.js';
import { POLICIES } from './registry.js';
import { modelTrust } from './trust.js';

export interface CheckResult {
  /** The model file checked. */
  readonly model: string;
  readonly baseline: string | null;
  /** The policy file; null for the built-in defaults. */
  readonly policyFile: string | null;
  readonly policySet: string;
  /** Every policy that ran, in run order: the rules of a SARIF run, the suites of a JUnit report. */
  readonly policies: readonly PolicyInfo[];
  /** Sorted by file, line, column, then id. */
  readonly findings: readonly Finding[];
}

interface Evaluated {
  readonly policies: PolicyInfo[];
  readonly findings: Finding[];
  /** Ids of the policies that only run against a baseline. */
  readonly baselineOnly: ReadonlySet<string>;
}

export function runPolicies(config: PolicyConfig, context: PolicyContext, baseline: PolicyContext | null = null): CheckResult {
  const current = evaluate(config, context, baseline);
  const findings = baseline === null ? current.findings : worseThanBaseline(current, evaluate(config, baseline, null).findings);
  return {
    model: context.file,
    baseline: baseline?.file ?? null,
    policyFile: config.file,
    policySet: config.name,
    policies: current.policies,
    findings: findings.sort(byLocation),
  };
}

/**
 * The questions the policies will ask of the depth passes (storeDepths, leakageBelow), of the model
 * and of the baseline: the policies run once against contexts that record each question and answer
 * "no such footholds" (so nothing is computed). Policies ask the same questions whatever the answers,
 * so the check can run every pass ahead, on worker threads; a question not foreseen is still
 * answered on demand.
 */
export function depthQuestionsAsked(
  config: PolicyConfig,
  context: PolicyContext,
  baseline: PolicyContext | null,
): { readonly current: readonly DepthQuestion[]; readonly baseline: readonly DepthQuestion[] } {
  const recording = (target: PolicyContext, asked: DepthQuestion[]): PolicyContext => ({
    ...target,
    storeDepths(from) {
      asked.push({ from: [...from] });
      return null;
    },
    leakageBelow(from, _target, _organization, below) {
      asked.push({ from: [...from], below });
      return undefined;
    },
  });
  const current: DepthQuestion[] = [];
  const before: DepthQuestion[] = [];
  evaluate(config, recording(context, current), baseline === null ? null : recording(baseline, before));
  if (baseline !== null) evaluate(config, recording(baseline, before), null);
  return { current, baseline: before };
}

function evaluate(config: PolicyConfig, context: PolicyContext, baseline: PolicyContext | null): Evaluated {
  const policies: PolicyInfo[] = [];
  const findings: Finding[] = [];
  const baselineOnly = new Set<string>();
  const trust = modelTrust(context.prepared.model, config.trusted);
  const add = (policy: string, severity: Severity, drafts: readonly FindingDraft[]) => {
    for (const draft of drafts) findings.push({ id: findingId(policy, draft.asset), policy, severity, ...draft });
  };
  for (const policy of POLICIES) {
    const settings = config.settings.get(policy.id);
    if (settings === undefined || !settings.enabled || (policy.needsBaseline && baseline === null)) continue;
    if (policy.needsBaseline) baselineOnly.add(policy.id);
    policies.push({ ...policy, severity: settings.severity });
    add(policy.id, settings.severity, policy.evaluate({ context, settings, baseline, trust }));
  }
  for (const custom of config.custom) {
    policies.push(customPolicyInfo(custom));
    add(custom.id, custom.severity, evaluateCustomPolicy(custom, context));
  }
  return { policies, findings, baselineOnly };
}

function worseThanBaseline(current: Evaluated, before: readonly Finding[]): Finding[] {
  const beforeById = new Map(before.map((f) => [f.id, f] as const));
  const kept: Finding[] = [];
  for (const finding of current.findings) {
    if (current.baselineOnly.has(finding.policy)) {
      const { was, ...rest } = finding;
      kept.push({ ...rest, change: { kind: 'worse', was: was ?? [] } });
      continue;
    }
    const was = beforeById.get(finding.id);
    if (was === undefined) kept.push({ ...finding, change: { kind: 'new' } });
    else if (lowerDepth(finding, was)) kept.push({ ...finding, change: { kind: 'worse', was: was.depths ?? [] } });
  }
  // A regression a depth policy already reports (as new or worse) is said once, by that policy.
  const reportedDepth = new Set(kept.filter((f) => f.depths !== undefined && !current.baselineOnly.has(f.policy)).map((f) => f.asset));
  return kept.filter((f) => !current.baselineOnly.has(f.policy) || !reportedDepth.has(f.asset));
}

/** Some attacker is now closer than in the baseline finding (or was not short of the minimum there). */
function lowerDepth(now: Finding, was: Finding): boolean {
  return (now.depths ?? []).some((d) => {
    const before = was.depths?.find((w) => w.attacker === d.attacker);
    return before === undefined || deeper(before.depth, d.depth);
  });
}

function byLocation(a: Finding, b: Finding): number {
  return (
    compare(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column ||
    compare(a.id, b.id)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
