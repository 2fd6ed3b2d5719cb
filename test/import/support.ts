// Shared by the importer's tests: import fixtures in-process and load the result with the project's
// own model loader, so an imported model is checked exactly as a hand-typed one.

import { parse } from 'yaml';
import { expect } from 'vitest';
import { importDeployment, type ImportResult } from '../../src/import/import.js';
import { DEFAULT_GROUP_SIZE, type OrgBy } from '../../src/import/map/context.js';
import { parseModel } from '../../src/model/load-model.js';
import type { Model } from '../../src/model/types.js';

export const FIXTURES = new URL('../fixtures/import/', import.meta.url).pathname;

export async function importFixture(sources: readonly string[], options: { orgBy?: OrgBy; groupSize?: number; vars?: Record<string, string> } = {}): Promise<ImportResult> {
  return importDeployment(sources, { vars: options.vars ?? {}, varFiles: [], parameterFiles: [], orgBy: options.orgBy ?? { kind: 'subscription' }, groupSize: options.groupSize ?? DEFAULT_GROUP_SIZE, name: 'imported' });
}

/** Loads the imported YAML with the model loader; fails the test with every issue if it does not validate. */
export function loadImported(result: ImportResult): Model {
  const parsed = parseModel(result.yaml, 'imported.yaml');
  if (!parsed.ok) expect.fail(parsed.issues.map((i) => `${i.location.line}:${i.location.column}: ${i.message}`).join('\n'));
  // The text written is the data the draft holds (comments aside).
  expect(parse(result.yaml)).toEqual(JSON.parse(JSON.stringify(result.model)));
  return parsed.model;
}

/** The comment lines written in the YAML. */
export function comments(yaml: string): string[] {
  return yaml.split('\n').filter((l) => l.trim().startsWith('#')).map((l) => l.trim());
}
