// Model and scenario files for commands: load, validate, build the graph, or throw an InputError
// carrying every problem found (the CLI prints them as `file:line:col: message`).

import { buildGraph } from '../compile/build-graph.js';
import type { Deployment } from '../compile/deployment.js';
import type { DeploymentGraph } from '../compile/graph-types.js';
import { InputError } from '../model/issues.js';
import { loadModelFile } from '../model/load-model.js';
import { loadScenarioFile } from '../model/load-scenario.js';
import type { Scenario } from '../model/scenario.js';
import type { EntityLocations, Model } from '../model/types.js';

export interface LoadedModel {
  readonly file: string;
  readonly model: Model;
  readonly locations: EntityLocations;
  readonly graph: DeploymentGraph;
  readonly deployment: Deployment;
}

export function loadModel(file: string): LoadedModel {
  const parsed = loadModelFile(file);
  if (!parsed.ok) throw new InputError(parsed.issues);
  const built = buildGraph(parsed.model, parsed.locations);
  if (!built.ok) throw new InputError(built.issues);
  return { file, model: parsed.model, locations: parsed.locations, graph: built.graph, deployment: built.deployment };
}

export function loadScenario(file: string): Scenario {
  const parsed = loadScenarioFile(file);
  if (!parsed.ok) throw new InputError(parsed.issues);
  return parsed.scenario;
}
