// SCRAM (Debian package `scram`, the Open-PSA fault-tree engine) as an external oracle: run it on a
// MEF document and read the minimal cut sets of each top event from its XML report.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The scram binary, or null when it is not installed (tests skip with a message). */
export const SCRAM: string | null = (() => {
  const probe = spawnSync('scram', ['--version'], { encoding: 'utf8' });
  return probe.status === 0 ? 'scram' : null;
})();

/**
 * Minimal cut sets of order ≤ `limitOrder` per top gate, each a sorted list of basic-event names,
 * the sets sorted. Throws with SCRAM's own message when it rejects the input.
 */
export function minimalCutSets(mefXml: string, limitOrder: number): Map<string, string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'indepth-scram-'));
  try {
    const input = join(dir, 'tree.xml');
    const report = join(dir, 'report.xml');
    writeFileSync(input, mefXml);
    const run = spawnSync(SCRAM ?? 'scram', ['--limit-order', String(limitOrder), '--no-indent', '-o', report, input], { encoding: 'utf8', cwd: dir });
    if (run.status !== 0) throw new Error(`scram exited with ${run.status}: ${run.stderr}`);
    return readCutSets(readFileSync(report, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** SCRAM's XML report → minimal cut sets per top gate (sorted as minimalCutSets returns them). */
export function readCutSets(text: string): Map<string, string[][]> {
  const sets = new Map<string, string[][]>();
  for (const sum of text.matchAll(/<sum-of-products name="([^"]+)"[^>]*?(?:\/>|>(.*?)<\/sum-of-products>)/gs)) {
    const products = [...(sum[2] ?? '').matchAll(/<product[^>]*>(.*?)<\/product>/gs)].map((p) => [...p[1]!.matchAll(/<basic-event name="([^"]+)"\/>/g)].map((b) => b[1]!).sort());
    sets.set(sum[1]!, products.sort(compareSets));
  }
  return sets;
}

export function compareSets(a: readonly string[], b: readonly string[]): number {
  const x = a.join(' ');
  const y = b.join(' ');
  return a.length - b.length || (x < y ? -1 : x > y ? 1 : 0);
}
