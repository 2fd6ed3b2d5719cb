// The root of the git checkout a command runs in: SARIF artifact paths are relative to it, since code
// scanning resolves them against the repository, not against the directory `indepth` ran from.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The nearest directory at or above `start` holding `.git` (a directory, or a file in a worktree); `start` when none. */
export function repositoryRoot(start: string): string {
  let directory = resolve(start);
  for (;;) {
    if (existsSync(join(directory, '.git'))) return directory;
    const parent = dirname(directory);
    if (parent === directory) return resolve(start);
    directory = parent;
  }
}
