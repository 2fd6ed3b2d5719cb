// An exposure matrix for a terminal: one row per failure set, one column per organization, each
// cell "reached/total" data stores, the attacker's own organization marked.

import type { SweepResult } from '../analyze/sweep.js';
import { formatSet } from './sets-text.js';
import { formatTable } from './table.js';

export function formatSweep(result: SweepResult): string {
  const mode = result.by === 'type' ? 'boundary type' : 'boundary instance (minimal sets that expose data)';
  const lines = [`exposure sweep on ${result.model} by ${mode}, up to ${result.order} failures, attacker: ${result.from.join(', ')}`, ''];
  const table = [['failed', ...result.organizations]];
  for (const row of result.rows) table.push([formatSet(row.failed), ...row.reached.map((n, i) => `${n}/${result.totals[i]}`)]);
  lines.push(...formatTable(table));
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}
