// The importer's API: sources in, a model file's text out, with the assumptions it wrote and the
// input problems it found. The CLI (`indepth import`) and tests call this.

import type { InputIssue } from '../model/issues.js';
import type { Assumption, Inventory } from './inventory.js';
import { mapInventory } from './map/map-inventory.js';
import type { MapOptions } from './map/context.js';
import type { ModelDraft } from './model-draft.js';
import { readSources, type SourceOptions } from './read-sources.js';
import { writeModelYaml } from './write-yaml.js';

export interface ImportResult {
  readonly yaml: string;
  readonly model: ModelDraft;
  readonly assumptions: readonly Assumption[];
  /** Problems in the input; the model holds what could be read around them. */
  readonly issues: readonly InputIssue[];
  readonly resourceCount: number;
}

export async function importDeployment(sources: readonly string[], options: SourceOptions & MapOptions): Promise<ImportResult> {
  return importInventory(await readSources(sources, options), sources, options);
}

/** Maps an inventory already read (recorded Azure responses, tests) the same way. */
export function importInventory(inventory: Inventory, sources: readonly string[], options: MapOptions): ImportResult {
  const { model, assumptions } = mapInventory(inventory, options);
  return { yaml: writeModelYaml(model, assumptions, sources), model, assumptions, issues: inventory.issues, resourceCount: inventory.resources.length };
}
