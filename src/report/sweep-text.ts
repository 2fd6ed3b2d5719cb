// An exposure matrix for a terminal: one row per failure set, one column per organization, each
// cell "reached/total" data stores the attacker is not authorized for; authorized cross-organization
// data is named below the matrix, not counted.

import type { SweepResult } from '../analyze/sweep.js';
import { formatSet } from './sets-text.js';

export function formatSweep(result: SweepResult): string {
  const mode = result.by === 'type' ? 'boundary type' : 'boundary instance (minimal sets that expose data)';
  const lines = [`exposure sweep on ${result.model} by ${mode}, up to ${result.order} failures, attacker: ${result.from.join(', ')}`, ''];
  const first = Math.max(16, ...result.rows.map((r) => formatSet(r.failed).length)) + 2;
  const widths = result.organizations.map((o, i) => Math.max(o.length, `${result.totals[i]}/${result.totals[i]}`.length) + 2);
  lines.push('failed'.padEnd(first) + result.organizations.map((o, i) => o.padEnd(widths[i]!)).join(''));
  for (const row of result.rows) {
    const cells = row.reached.map((n, i) => `${n}/${result.totals[i]}`.padEnd(widths[i]!)).join('');
    lines.push(formatSet(row.failed).padEnd(first) + cells);
  }
  const authorized = result.organizations.flatMap((org, i) => {
    const ids = result.authorized[i]!;
    return ids.length === 0 ? [] : [`  ${org}: ${ids.length} (${ids.slice(0, 3).join(', ')}${ids.length > 3 ? ', \u2026' : ''})`];
  });
  if (authorized.length > 0) lines.push('', 'authorized cross-organization data (the store\u2019s access names the attacker\u2019s organization, or they trust each other): not counted above', ...authorized);
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}
