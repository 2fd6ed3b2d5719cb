// Where a model's non-entity settings are written (`controls.reverseConnect`), so a finding about a
// setting points at its line. EntityLocations covers entities only; this re-walks the model text
// with the loader's own validator and reads the positions it records.

import { CONTROL_NAMES } from '../domain/controls.js';
import { MODEL_SCHEMA } from '../model/schema.js';
import type { SourceLocation } from '../model/types.js';
import { validateDocument } from '../model/validate.js';
import { readYamlSource } from '../model/yaml-source.js';

/** `controls` and `controls/<name>` → position; empty when the text does not parse (the loader reports why). */
export function settingLocations(text: string, file: string): ReadonlyMap<string, SourceLocation> {
  const out = new Map<string, SourceLocation>();
  const read = readYamlSource(text, file, 'model');
  if (!read.ok) return out;
  const walk = validateDocument(MODEL_SCHEMA, read.source, 'model');
  const controls = walk.value?.['controls'];
  if (walk.value === undefined || typeof controls !== 'object' || controls === null) return out;
  out.set('controls', walk.positions.of(walk.value, 'controls'));
  for (const name of CONTROL_NAMES) out.set(`controls/${name}`, walk.positions.of(controls, name));
  return out;
}
