// The leakage matrix for a reviewer: one line per attacker → victim pair, weakest first, then the
// matrix of depths (rows attack, columns are attacked).

import type { LeakageMatrix } from '../analyze/leakage.js';
import { formatDepth, formatSets } from './sets-text.js';

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
    const width = Math.max(8, ...matrix.organizations.map((o) => o.length)) + 2;
    const corner = 'attacker \u2193 / victim \u2192';
    const first = Math.max(corner.length, ...matrix.organizations.map((o) => o.length)) + 2;
    lines.push('', corner.padEnd(first) + matrix.organizations.map((o) => o.padEnd(width)).join(''));
    for (const a of matrix.attackers) {
      const cells = matrix.organizations.map((o) => {
        if (o === a.attacker) return '\u2014'.padEnd(width);
        const v = a.victims.find((x) => x.victim === o);
        return formatDepth(v?.depth ?? null).padEnd(width);
      });
      lines.push(a.attacker.padEnd(first) + cells.join(''));
    }
  }
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}
