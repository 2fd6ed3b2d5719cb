// A generated deployment taken down the road a user's model file takes: the real generator, YAML
// text, the real loader and rules, the compiler.

import { stringify } from 'yaml';
import { prepare, type PreparedModel } from '../../src/analyze/prepared.js';
import { DEFAULT_GENERATE, generateModel, type GenerateOptions } from '../../src/generate/generate-model.js';
import { seededRandom } from '../../src/generate/random.js';
import { parseModel } from '../../src/model/load-model.js';

export function generatedModel(seed: number, options: Pick<GenerateOptions, 'organizations' | 'users'> & Partial<GenerateOptions>): PreparedModel {
  const plain = generateModel({ ...DEFAULT_GENERATE, ...options }, seededRandom(seed));
  const parsed = parseModel(stringify(plain, { lineWidth: 0, aliasDuplicateObjects: false }), 'generated.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  const prepared = prepare(parsed.model, parsed.locations);
  if (!prepared.ok) throw new Error(prepared.issues.map((i) => i.message).join('\n'));
  return prepared.prepared;
}
