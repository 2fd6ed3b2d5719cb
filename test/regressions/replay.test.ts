// Replays every saved counterexample: each `test/regressions/*.yaml` starts with `# claim: <name>`
// and holds the input a failing property printed (models included). The claim's predicate must now
// hold on it. Passes with no files saved, but the directory itself must be found.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLAIMS } from '../properties/claims/index.js';
import { REGRESSIONS_DIR } from '../properties/check.js';

const dir = fileURLToPath(REGRESSIONS_DIR);
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : [];

/** The claim a regression file names on its `# claim:` line. */
export function claimOf(text: string): string | undefined {
  return /^#\s*claim:\s*(\S+)\s*$/m.exec(text)?.[1];
}

describe('saved counterexamples', () => {
  it('finds the regressions directory', () => {
    expect(existsSync(dir) && statSync(dir).isDirectory()).toBe(true);
  });

  for (const file of files) {
    it(`${file} holds`, () => {
      const text = readFileSync(new URL(file, REGRESSIONS_DIR), 'utf8');
      const name = claimOf(text);
      expect(name, `${file} has no "# claim: <name>" line`).toBeDefined();
      const predicate = CLAIMS.get(name!);
      expect(predicate, `${file} names unknown claim ${name}; known: ${[...CLAIMS.keys()].join(', ')}`).toBeDefined();
      predicate!(parse(text));
    });
  }
});
