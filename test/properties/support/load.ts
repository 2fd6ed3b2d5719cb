// The public API, the way a user drives it: model document → YAML text → parseModel → buildGraph →
// prepareModel → whatIf / analyzeDepth. Anything that does not load or answer fails the property.

import { stringify } from 'yaml';
import { analyzeDepth } from '../../../src/analyze/depth.js';
import type { DepthMode, DepthResult } from '../../../src/analyze/depth-types.js';
import { prepareModel, type PreparedModel } from '../../../src/analyze/prepared.js';
import { whatIf } from '../../../src/analyze/what-if.js';
import type { WhatIfResult } from '../../../src/analyze/what-if-types.js';
import { buildGraph } from '../../../src/compile/build-graph.js';
import type { ControlName } from '../../../src/domain/controls.js';
import { formatIssue } from '../../../src/model/issues.js';
import { parseModel } from '../../../src/model/load-model.js';
import type { EntityLocations } from '../../../src/model/types.js';
import { createPolicyContext, type PolicyContext } from '../../../src/policy/context.js';
import type { ModelDoc } from '../../arbitraries/document.js';

export type ControlToggles = Partial<Record<ControlName, boolean>>;

export function modelYaml(doc: ModelDoc): string {
  return stringify(doc, { aliasDuplicateObjects: false });
}

export function load(doc: ModelDoc, file = `${doc.name}.yaml`): PreparedModel {
  return loadWithLocations(doc, file).prepared;
}

/** What `indepth check` starts from: the prepared model and its policy context (entity locations included). */
export function checkContext(doc: ModelDoc, file = `${doc.name}.yaml`): PolicyContext {
  const { prepared, locations } = loadWithLocations(doc, file);
  return createPolicyContext(file, prepared, locations);
}

function loadWithLocations(doc: ModelDoc, file: string): { prepared: PreparedModel; locations: EntityLocations } {
  const text = modelYaml(doc);
  const parsed = parseModel(text, file);
  if (!parsed.ok) throw new Error(`generated model does not load:\n${parsed.issues.map(formatIssue).join('\n')}\n${text}`);
  const built = buildGraph(parsed.model, parsed.locations);
  if (!built.ok) throw new Error(`generated model does not build:\n${built.issues.map(formatIssue).join('\n')}\n${text}`);
  return { prepared: prepareModel(parsed.model, built.graph, built.deployment), locations: parsed.locations };
}

export function simulate(
  prepared: PreparedModel,
  from: readonly string[],
  fail: readonly string[] = [],
  controls: ControlToggles = {},
): WhatIfResult {
  const outcome = whatIf(prepared, { name: 'property', from, fail, controls });
  if (!outcome.ok) throw new Error(`whatIf rejected the question: ${outcome.problems.map((p) => p.message).join('; ')}`);
  return outcome.result;
}

/** Every minimal set is listed (no cap), so a result can stand for all 2^T failure sets at once. */
export const ALL_SETS = 1_000_000;

export function depth(
  prepared: PreparedModel,
  from: readonly string[],
  by: DepthMode = 'type',
  order = 1,
  controls: ControlToggles = {},
): DepthResult {
  const outcome = analyzeDepth(prepared, { from, by, order, controls, maxSets: ALL_SETS });
  if (!outcome.ok) throw new Error(`analyzeDepth rejected the question: ${outcome.problems.map((p) => p.message).join('; ')}`);
  return outcome.result;
}

/** Ids of the reached data nodes. */
export function dataIds(result: WhatIfResult): Set<string> {
  return new Set(result.data.map((d) => d.id));
}
