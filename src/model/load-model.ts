// Model files in, a validated Model out — or every issue at once, each with its file:line:col.
// parseModel never throws; loadModelFile is the only function here that reads the file system.

import { MODEL_CHECKS } from './checks/index.js';
import type { CheckContext, Draft } from './checks/model-check.js';
import { indexEntities } from './entity-ids.js';
import { sortIssues, type InputIssue } from './issues.js';
import { readTextFile } from './read-text-file.js';
import { checkReferences } from './references.js';
import { MODEL_SCHEMA } from './schema.js';
import type { EntityLocations, Model, SourceLocation } from './types.js';
import { validateDocument } from './validate.js';
import { readYamlSource } from './yaml-source.js';

export type ParseResult =
  | { readonly ok: true; readonly model: Model; readonly locations: EntityLocations }
  | { readonly ok: false; readonly issues: InputIssue[] };

/** Parses YAML or JSON model text; `file` is only used in issue locations. */
export function parseModel(text: string, file: string): ParseResult {
  const read = readYamlSource(text, file, 'model');
  if (!read.ok) return { ok: false, issues: sortIssues(read.issues) };

  const walk = validateDocument(MODEL_SCHEMA, read.source, 'model');
  if (walk.value === undefined) return { ok: false, issues: sortIssues(walk.issues) };

  const entities = indexEntities(walk.entities);
  const issues: InputIssue[] = [
    ...walk.issues,
    ...entities.issues,
    ...checkReferences(walk.references, entities.idsByCollection),
  ];
  const context: CheckContext = {
    at: (container, member) => walk.positions.of(container, member),
    complete: (list) => walk.positions.isComplete(list),
    report: (location, message) => issues.push({ location, message }),
  };
  // The walker sets a key only to a value its schema accepted, and MODEL_SCHEMA produces Model.
  const draft = walk.value as Draft<Model>;
  for (const check of MODEL_CHECKS) check.run(draft, context);

  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  const locations = new Map<string, SourceLocation>([['model', { file, line: 1, column: 1 }], ...entities.locations]);
  // No issues: every field is present and valid, so the draft is a complete Model.
  return { ok: true, model: walk.value as unknown as Model, locations };
}

/** Reads and parses a `.yaml`, `.yml` or `.json` model; an unreadable file is an issue at 1:1. */
export function loadModelFile(path: string): ParseResult {
  const read = readTextFile(path, 'model');
  return read.ok ? parseModel(read.text, path) : read;
}
