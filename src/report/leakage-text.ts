// The leakage matrix for a reviewer: one line per attacker → victim pair, weakest first, then the
// matrix of depths (rows attack, columns are attacked).

import type { LeakageMatrix } from '../analyze/leakage.js';
import { formatDepth, formatSets } from './sets-text.js';
import { formatTable } from './table.js';

export function formatLeakage(matrix: LeakageMatrix): string {
  const lines = [`cross-organization leakage on ${matrix.model}: depth by boundary type, each organization as attacker (any standard user)`, ''];
  const pairs = matrix.attackers.flatMap((a) => a.victims.map((v) => ({ attacker: a.attacker, ...v })));
  const weakest = [...pairs].sort((x, y) => (x.depth ?? Infinity) - (y.depth ?? Infinity));
  const shown = weakest.slice(0, 20);
  for (const p of shown) {
    const via = p.depth === null || p.depth === 0 ? '' : ` via ${formatSets(p.minimalSets.slice(0, 4), p.minimalSets.length)}`;
    lines.push(`${p.attacker} \u2192 ${p.victim}: depth ${formatDepth(p.depth)}${via}`);
  }
  if (weakest.length > shown.length) lines.push(`\u2026 ${weakest.length - shown.length} more pairs (--json lists all)`);

  if (matrix.organizations.length <= 20) {
    const table = [['attacker \u2193 / victim \u2192', ...matrix.organizations]];
    for (const a of matrix.attackers) {
      const cells = matrix.organizations.map((o) => (o === a.attacker ? '\u2014' : formatDepth(a.victims.find((x) => x.victim === o)?.depth ?? null)));
      table.push([a.attacker, ...cells]);
    }
    lines.push('', ...formatTable(table));
  }
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}
