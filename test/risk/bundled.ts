// A bundled model, optionally edited as text first (adding a `risk:` section, changing costs), prepared.

import { readFileSync } from 'node:fs';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { bundledModelPath, prepareText, type BundledModel } from '../support/model.js';

export function loadBundled(name: BundledModel, edit: (text: string) => string = (t) => t): { prepared: PreparedModel } {
  const text = edit(readFileSync(bundledModelPath(name), 'utf8'));
  return { prepared: prepareText(text, `models/${name}.yaml`) };
}
