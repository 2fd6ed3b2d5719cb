// Helpers for tests that start from a model file: YAML text (or a bundled model) → Model → graph →
// prepared model → what-if, plus a graph's edges as readable strings (`a -> b [rule instance …]`).

import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { buildGraph } from '../../src/compile/build-graph.js';
import type { Deployment } from '../../src/compile/deployment.js';
import type { DeploymentGraph, EdgeAttributes } from '../../src/compile/graph-types.js';
import { prepareModel, type PreparedModel } from '../../src/analyze/prepared.js';
import { resolveQuestion, whatIf, type WhatIfQuestion } from '../../src/analyze/what-if.js';
import type { WhatIfResult } from '../../src/analyze/what-if-types.js';
import { controlMask } from '../../src/engine/scenario.js';
import { reach } from '../../src/engine/reach.js';
import { formatIssue, type InputIssue } from '../../src/model/issues.js';
import { parseModel } from '../../src/model/load-model.js';
import type { EntityLocations, Model } from '../../src/model/types.js';

/** The repository root (ends with `/`). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const BUNDLED_MODELS = ['admins-personal', 'cross-org-separated', 'cross-org-shared', 'hybrid-onprem', 'msp-hosting', 'single-org-pooled'] as const;
export type BundledModel = (typeof BUNDLED_MODELS)[number];

export const BUNDLED_SCENARIOS = [
  'browser-exploit',
  'kernel-0day',
  'malicious-local-admin',
  'session-isolation-bug',
  'shared-tenant-admin',
] as const;

export interface BuiltModel {
  readonly model: Model;
  readonly locations: EntityLocations;
  readonly graph: DeploymentGraph;
  readonly deployment: Deployment;
}

function failWith(what: string, issues: readonly InputIssue[]): never {
  throw new Error(`${what}:\n${issues.map(formatIssue).join('\n')}`);
}

/** Parses model text; a model that does not load fails the test with its formatted issues. */
export function loadModelText(text: string, file = 'test-model.yaml'): { model: Model; locations: EntityLocations } {
  const parsed = parseModel(text, file);
  if (!parsed.ok) failWith(`model ${file} does not load`, parsed.issues);
  return { model: parsed.model, locations: parsed.locations };
}

/** Model text → model and its derived graph; build issues fail the test. */
export function buildModelText(text: string, file = 'test-model.yaml'): BuiltModel {
  const { model, locations } = loadModelText(text, file);
  const built = buildGraph(model, locations);
  if (!built.ok) failWith(`model ${file} does not build`, built.issues);
  return { model, locations, graph: built.graph, deployment: built.deployment };
}

export function prepareText(text: string, file = 'test-model.yaml'): PreparedModel {
  const { model, graph, deployment } = buildModelText(text, file);
  return prepareModel(model, graph, deployment);
}

export function bundledModelPath(name: BundledModel): string {
  return `${ROOT}models/${name}.yaml`;
}

export function buildBundled(name: BundledModel): BuiltModel {
  return buildModelText(readFileSync(bundledModelPath(name), 'utf8'), `models/${name}.yaml`);
}

const preparedCache = new Map<string, PreparedModel>();

/** A bundled model, prepared once per test file. */
export function prepareBundled(name: BundledModel): PreparedModel {
  let prepared = preparedCache.get(name);
  if (prepared === undefined) {
    const { model, graph, deployment } = buildBundled(name);
    prepared = prepareModel(model, graph, deployment);
    preparedCache.set(name, prepared);
  }
  return prepared;
}

export type Question = Partial<WhatIfQuestion> & Pick<WhatIfQuestion, 'from'>;

function fullQuestion(question: Question): WhatIfQuestion {
  return { name: question.name ?? 'test', from: question.from, fail: question.fail ?? [], controls: question.controls ?? {} };
}

/** Asks a what-if; a question the model rejects fails the test with its problems. */
export function ask(prepared: PreparedModel, question: Question): WhatIfResult {
  const outcome = whatIf(prepared, fullQuestion(question));
  if (!outcome.ok) throw new Error(`what-if rejected: ${outcome.problems.map((p) => `${p.field}[${p.index}]: ${p.message}`).join('; ')}`);
  return outcome.result;
}

/** Ids of the data nodes a what-if reaches. */
export function reachedDataIds(result: WhatIfResult): string[] {
  return result.data.map((d) => d.id);
}

/** Every node id the attacker reaches (controls or accesses), sorted; for facts the result does not list. */
export function reachedNodeIds(prepared: PreparedModel, question: Question): string[] {
  const resolution = resolveQuestion(prepared, fullQuestion(question));
  if (!resolution.ok) throw new Error(`question rejected: ${resolution.problems.map((p) => p.message).join('; ')}`);
  const { resolved } = resolution;
  const result = reach(prepared.compiled, resolved.sources, { failed: resolved.failed, controls: controlMask(resolved.controls) });
  const ids: string[] = [];
  result.access.forEach((bits, v) => {
    if (bits !== 0) ids.push(prepared.compiled.nodeIds[v]!);
  });
  return ids.sort();
}

export interface EdgeRecord extends EdgeAttributes {
  readonly from: string;
  readonly to: string;
}

/** The graph's edges (optionally of one rule), sorted by their readable form. */
export function edgeRecords(graph: DeploymentGraph, rule?: string): EdgeRecord[] {
  const out: EdgeRecord[] = [];
  graph.forEachEdge((_key, attributes, from, to) => {
    if (rule === undefined || attributes.rule === rule) out.push({ from, to, ...attributes });
  });
  return out.sort((a, b) => (edgeString(a) < edgeString(b) ? -1 : edgeString(a) > edgeString(b) ? 1 : 0));
}

/**
 * `mallory/session -> shared-pool/any-host [placement]`,
 * `pool-vm1/unprivileged -> pool-vm1 [kernel-elevation kernel@pool-vm1]`; access other than
 * control and a blocking control are appended (`read`, `blockedBy:reverseConnect`). Groups are not.
 */
export function edgeString(edge: EdgeRecord): string {
  const parts = [edge.rule];
  if (edge.instance !== null) parts.push(edge.instance);
  if (edge.access !== 'control') parts.push(edge.access);
  if (edge.blockedBy !== null) parts.push(`blockedBy:${edge.blockedBy}`);
  return `${edge.from} -> ${edge.to} [${parts.join(' ')}]`;
}

/** Readable strings of the graph's edges (optionally of one rule), sorted. */
export function edgeStrings(graph: DeploymentGraph, rule?: string): string[] {
  return edgeRecords(graph, rule).map(edgeString);
}

/**
 * A one-organization model prefix (org `acme`, tenant `acme-dir`, subscription `acme-sub`); tests
 * append the sections they need (`hostPools:`, `users:` …) as YAML text.
 */
export function acme(body: string): string {
  return `name: test
organizations:
  - id: acme
tenants:
  - id: acme-dir
    organizations: [acme]
subscriptions:
  - id: acme-sub
    tenant: acme-dir
    organizations: [acme]
${body}`;
}
