// Model and scenario files for commands: load, validate, derive and compile, or throw an InputError
// carrying every problem found (the CLI prints them as `file:line:col: message`).

import type { Deployment } from '../compile/deployment.js';
import type { DeploymentGraph } from '../compile/graph-types.js';
import { prepare, type PreparedModel } from '../analyze/prepared.js';
import { InputError } from '../model/issues.js';
import { parseModel } from '../model/load-model.js';
import { readTextFile } from '../model/read-text-file.js';
import { loadScenarioFile } from '../model/load-scenario.js';
import type { Scenario } from '../model/scenario.js';
import type { EntityLocations, Model } from '../model/types.js';
import { heapAdvice } from './heap-advice.js';
import { processIo } from './io.js';

export interface LoadedModel {
  readonly file: string;
  /** The file's text, exactly as parsed (what `--queue` sends to workers). */
  readonly text: string;
  readonly model: Model;
  readonly locations: EntityLocations;
  readonly prepared: PreparedModel;
  readonly deployment: Deployment;
  /** The graphology graph, built on first access. */
  readonly graph: DeploymentGraph;
}

export function loadModel(file: string): LoadedModel {
  const read = readTextFile(file, 'model');
  if (!read.ok) throw new InputError(read.issues);
  const parsed = parseModel(read.text, file);
  if (!parsed.ok) throw new InputError(parsed.issues);
  const advice = heapAdvice(parsed.model);
  if (advice !== null) processIo.err(advice);
  const built = prepare(parsed.model, parsed.locations);
  if (!built.ok) throw new InputError(built.issues);
  const { prepared } = built;
  return {
    file,
    text: read.text,
    model: parsed.model,
    locations: parsed.locations,
    prepared,
    deployment: prepared.deployment,
    get graph() {
      return prepared.graph;
    },
  };
}

export function loadScenario(file: string): Scenario {
  const parsed = loadScenarioFile(file);
  if (!parsed.ok) throw new InputError(parsed.issues);
  return parsed.scenario;
}
