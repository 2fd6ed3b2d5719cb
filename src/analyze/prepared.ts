// A model made ready for analysis: its graph, deployment facts and the compiled engine arrays,
// built once and shared by every question asked of it.

import { compile, type CompiledGraph } from '../compile/compile.js';
import type { Deployment } from '../compile/deployment.js';
import type { DeploymentGraph } from '../compile/graph-types.js';
import type { Model } from '../model/types.js';

export interface PreparedModel {
  readonly model: Model;
  readonly graph: DeploymentGraph;
  readonly deployment: Deployment;
  readonly compiled: CompiledGraph;
}

export function prepareModel(model: Model, graph: DeploymentGraph, deployment: Deployment): PreparedModel {
  return { model, graph, deployment, compiled: compile(graph) };
}
