// An exposure matrix for a terminal: one row per failure set, one column per organization, each
// cell "reached/total" data stores the attacker is not authorized for; authorized cross-organization
// data is named below the matrix, not counted.

import type { SweepResult } from '../analyze/sweep.js';
import { formatSet } from './sets-text.js';
import { formatTable } from './table.js';

export function formatSweep(result: SweepResult): string {
  const mode = result.by === 'type' ? 'boundary type' : 'boundary instance (minimal sets that expose data)';
  const lines = [`exposure sweep on ${result.model} by ${mode}, up to ${result.order} failures, attacker: ${result.from.join(', ')}`, ''];
  const table = [['failed', ...result.organizations]];
  for (const row of result.rows) table.push([formatSet(row.failed), ...row.reached.map((n, i) => `${n}/${result.totals[i]}`)]);
  lines.push(...formatTable(table));
  const authorized = result.organizations.flatMap((org, i) => {
    const ids = result.authorized[i]!;
    return ids.length === 0 ? [] : [`  ${org}: ${ids.length} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', \u2026' : ''})`];
  });
  if (authorized.length > 0) lines.push('', 'authorized cross-organization data (the store\u2019s access names the attacker\u2019s organization, or they trust each other): not counted above while reached within it (read of data it may only read); reach beyond it is', ...authorized);
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}
