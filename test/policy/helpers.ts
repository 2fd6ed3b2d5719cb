// Policy tests start from model text or a bundled model: a PolicyContext as `check` builds it
// (entity and setting locations included), and one policy run with its default settings.

import { readFileSync } from 'node:fs';
import { prepareModel } from '../../src/analyze/prepared.js';
import { defaultsOf } from '../../src/model/schema-dsl.js';
import { createPolicyContext, type PolicyContext } from '../../src/policy/context.js';
import { parsePolicy, type BuiltInSettings, type PolicyConfig } from '../../src/policy/load-policy.js';
import type { FindingDraft, Policy } from '../../src/policy/policy.js';
import { settingsSchema } from '../../src/policy/policy-schema.js';
import { settingLocations } from '../../src/policy/setting-locations.js';
import { NO_TRUST, type Trust } from '../../src/policy/trust.js';
import { ROOT, buildModelText, type BundledModel } from '../support/model.js';

const cache = new Map<string, PolicyContext>();

export function contextOfText(text: string, file = 'test-model.yaml'): PolicyContext {
  const { model, locations, graph, deployment } = buildModelText(text, file);
  return createPolicyContext(file, prepareModel(model, graph, deployment), locations, settingLocations(text, file));
}

/** A bundled model's context, its file named as `check` is given it from the repository root. */
export function bundledContext(name: BundledModel): PolicyContext {
  let context = cache.get(name);
  if (context === undefined) {
    context = contextOfText(bundledText(name), `models/${name}.yaml`);
    cache.set(name, context);
  }
  return context;
}

export function bundledText(name: BundledModel): string {
  return readFileSync(`${ROOT}models/${name}.yaml`, 'utf8');
}

/** Runs one policy with its defaults, overridden by `settings`. */
export function run(
  policy: Policy,
  context: PolicyContext,
  settings: Record<string, unknown> = {},
  baseline: PolicyContext | null = null,
  trust: Trust = NO_TRUST,
): readonly FindingDraft[] {
  const defaults = defaultsOf(settingsSchema(policy)) as BuiltInSettings;
  return policy.evaluate({ context, settings: { ...defaults, ...settings }, baseline, trust });
}

/** Parses policy text; a policy that does not parse fails the test with its issues. */
export function policyOf(text: string, file = 'test-policy.yaml'): PolicyConfig {
  const parsed = parsePolicy(text, file);
  if (!parsed.ok) throw new Error(`policy ${file} does not parse:\n${parsed.issues.map((i) => `${i.location.line}:${i.location.column}: ${i.message}`).join('\n')}`);
  return parsed.config;
}

export function assets(findings: readonly FindingDraft[]): string[] {
  return findings.map((f) => f.asset);
}

/** `file:line:col` of a finding's location. */
export function at(finding: FindingDraft): string {
  return `${finding.location.file}:${finding.location.line}:${finding.location.column}`;
}
