// Files of ../shared (the project's reference texts), which sit beside CI's clone but not beside a
// user's: a test that needs one reads it here and skips, saying why, when it is absent.

import { existsSync, readFileSync } from 'node:fs';
import { ROOT } from './model.js';

/** The text of `../shared/<path>` beside this clone, or null (with a note on stderr) when absent. */
export function sharedText(path: string): string | null {
  const file = `${ROOT}../shared/${path}`;
  if (existsSync(file)) return readFileSync(file, 'utf8');
  console.warn(`skipped: ../shared/${path} is not beside this clone (it is beside CI's); the tests that quote it are skipped`);
  return null;
}
