// The version a job carries: indepth's package version and a hash of the code that computes the
// answers (every module a worker's job imports, as this process runs them), so a worker whose engine
// differs in any way — another release, a local change, another build — refuses the job.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the answer-computing code starts: the module a worker's job runs (execute.ts). */
const ENTRY = 'queue/execute';

let cached: { readonly hash: string; readonly modules: readonly string[] } | undefined;

/**
 * SHA-256 (hex) of the job-answering modules: the import closure of queue/execute, each module's
 * path (relative to the source root) and text, in path order. Computed once per process from the
 * files this process loads (.js when built, .ts when run from sources), never from a list kept by hand.
 */
export function engineHash(): string {
  return engineCode().hash;
}

/** The modules the engine hash covers, relative to the source root (`engine/depth-by-type.js`), sorted. */
export function engineModules(): readonly string[] {
  return engineCode().modules;
}

function engineCode(): { readonly hash: string; readonly modules: readonly string[] } {
  if (cached !== undefined) return cached;
  const here = fileURLToPath(import.meta.url);
  const extension = here.endsWith('.ts') ? '.ts' : '.js';
  const root = fileURLToPath(new URL('../', import.meta.url));
  const seen = new Map<string, string>();
  const pending = [`${ENTRY}${extension}`];
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    const text = readFileSync(root + path, 'utf8');
    seen.set(path, text);
    for (const match of text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)) {
      const resolved = new URL(`${match[1]!}${extension}`, `file:///${path}`).pathname.slice(1);
      if (existsSync(root + resolved)) pending.push(resolved);
    }
  }
  const modules = [...seen.keys()].sort();
  const hash = createHash('sha256');
  for (const path of modules) hash.update(`${path}\u0000${seen.get(path)!}\u0000`);
  return (cached = { hash: hash.digest('hex'), modules });
}

/** The job version: `0.4.0 (engine 1a2b3c4d5e6f)`, the package version and the engine hash's first 12 digits. */
export function jobVersion(packageVersion: string): string {
  return `${packageVersion} (engine ${engineHash().slice(0, 12)})`;
}

