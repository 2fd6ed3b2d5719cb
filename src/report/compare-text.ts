// Shared vs separated for a reviewer: the leakage verdict per attacker → victim pair first, then
// blast radius by number of failures, what one topology exposes that the other does not, and cost.

import type { CompareResult, ModelSide } from '../analyze/compare.js';
import type { PricedCost } from '../analyze/cost.js';
import { authorizedText } from './leakage-text.js';
import { formatDepth, formatSet, formatSets, withFailed } from './sets-text.js';
import { probabilityText } from './risk-text.js';
import { formatTable } from './table.js';
import { byNaturalOrder } from '../util/string-order.js';

export function formatCompare(result: CompareResult): string {
  const [a, b] = result.sides;
  const lines: string[] = [`${a.model} vs ${b.model}: cross-organization leakage by boundary type`];
  for (const side of [a, b]) for (const assumption of side.assumptions) lines.push(`${side.model} assumes: ${assumption}`);
  lines.push('');
  for (let i = 0; i < a.cells.length; i++) {
    const ca = a.cells[i]!;
    const cb = b.cells[i]!;
    lines.push(`${ca.attacker} \u2192 ${ca.victim}: ${cellText(ca, a.model)}; ${cellText(cb, b.model)}`);
  }

  lines.push('', `blast radius: most other-organization data the attacker is not authorized for, reached with at most k failed boundary types`);
  const blast = [['model', 'attacker', ...Array.from({ length: result.order + 1 }, (_, k) => `k=${k}`)]];
  for (const side of result.sides) for (const row of side.blastRadius) blast.push([side.model, row.attacker, ...row.byOrder.map(String)]);
  lines.push(...formatTable(blast, { indent: '  ', align: ['left', 'left', ...Array<'right'>(result.order + 1).fill('right')] }));

  lines.push('');
  if (result.differences.length === 0) {
    lines.push(`differences: none — both expose the same data under every set of up to ${result.order} failed types`);
  } else {
    const shown = essentialDifferences(result.differences);
    lines.push(`differences (other-organization data reached in one model and not the other):`);
    for (const d of shown) {
      const parts: string[] = [];
      if (d.onlyInFirst.length > 0) parts.push(`${d.onlyInFirst.length} only in ${a.model}`);
      if (d.onlyInSecond.length > 0) parts.push(`${d.onlyInSecond.length} only in ${b.model}`);
      lines.push(`  ${d.attacker} ${withFailed(d.failed)}: ${parts.join(', ')}`);
    }
    const hidden = result.differences.length - shown.length;
    if (hidden > 0) lines.push(`  (${hidden} larger failure sets show nothing beyond these; --json lists every one)`);
  }

  lines.push(...riskLines(result));

  lines.push(...costComparison(a, b, result.organizations));
  const worstA = worstProbability(a);
  const worstB = worstProbability(b);
  if (a.cost.given && b.cost.given && worstA !== null && worstB !== null && worstA !== worstB) {
    lines.push(`  and ${worstB < worstA ? 'cuts' : 'raises'} the worst cross-organization exposure from ${probabilityText(worstA)} to ${probabilityText(worstB)} a year`);
  }
  if (result.unmatched.length > 0) lines.push('', `not compared (in one model only): ${[...result.unmatched].sort(byNaturalOrder).join(', ')}`);
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}

/**
 * Cost side by side. A model without `costs` is "no costs given", never 0.00: a missing price must
 * not make a topology look free, nor the cheaper one.
 */
function costComparison(a: ModelSide, b: ModelSide, organizations: readonly string[]): string[] {
  const lines: string[] = [];
  const row = (label: string, f: (s: ModelSide) => string) => lines.push(`  ${label.padEnd(24)}${f(a).padEnd(24)}${f(b)}`);
  const currency = a.cost.given ? a.cost.currency : b.cost.given ? b.cost.currency : null;
  lines.push('', (currency === null ? 'cost per month' : `cost per month (${currency})`).padEnd(26) + a.model.padEnd(24) + b.model);
  const priced = (f: (cost: PricedCost) => string) => (s: ModelSide) => (s.cost.given ? f(s.cost) : NO_COSTS);
  row('VMs', (s) => (s.cost.given ? `${s.cost.vms} = ${money(s.cost.computeMonthly)}` : String(s.cost.vms)));
  row('identity tenants', (s) => (s.cost.given ? `${s.cost.tenants} = ${money(s.cost.identityMonthly)}` : String(s.cost.tenants)));
  row('subscriptions', (s) => (s.cost.given ? `${s.cost.subscriptions} = ${money(s.cost.subscriptionMonthly)}` : String(s.cost.subscriptions)));
  row('total', priced((c) => money(c.totalMonthly)));
  row('per user', priced((c) => money(c.perUserMonthly)));
  if (!a.cost.given || !b.cost.given) {
    const missing = [a, b].filter((s) => !s.cost.given).map((s) => s.model);
    lines.push(`  ${[...new Set(missing)].join(' and ')}: ${NO_COSTS} (add a \`costs\` section to the model to weigh cost against risk)`);
    return lines;
  }
  const [ca, cb] = [a.cost, b.cost];
  for (const org of organizations) {
    const oa = ca.organizations.find((o) => o.id === org);
    const ob = cb.organizations.find((o) => o.id === org);
    if (oa === undefined || ob === undefined) continue;
    const text = (o: typeof oa) => `${money(o.totalMonthly)} (${money(o.perUserMonthly)}/user)`;
    lines.push(`  ${`  ${org}`.padEnd(24)}${text(oa).padEnd(24)}${text(ob)}`);
  }
  const delta = cb.totalMonthly - ca.totalMonthly;
  lines.push(`  ${b.model} costs ${money(Math.abs(delta))} ${delta >= 0 ? 'more' : 'less'} per month than ${a.model}`);
  return lines;
}

const NO_COSTS = 'no costs given';

/** Exposure probability per attacker → victim pair, side by side, from each model's failure likelihoods. */
function riskLines(result: CompareResult): string[] {
  const [a, b] = result.sides;
  const defaults = a.risk.likelihoods === 'default' && b.risk.likelihoods === 'default';
  const lines = [
    '',
    `risk: probability per year that the attacker\u2019s insiders reach any of the victim\u2019s data (failures per boundary type, exact;${defaults ? ' default likelihoods, which are assumptions:' : ''} docs/risk.md)`,
  ];
  const table = [['attacker \u2192 victim', a.model, b.model]];
  for (let i = 0; i < a.cells.length; i++) {
    const ca = a.cells[i]!;
    const cb = b.cells[i]!;
    table.push([`${ca.attacker} \u2192 ${ca.victim}`, cellProbability(ca.probability), cellProbability(cb.probability)]);
  }
  lines.push(...formatTable(table, { indent: '  ' }));
  for (const s of result.sides) for (const note of s.risk.notes) lines.push(`  note (${s.model}): ${note}`);
  return lines;
}

function cellProbability(p: number | null): string {
  return p === null ? 'n/a' : probabilityText(p);
}

function worstProbability(s: ModelSide): number | null {
  let worst: number | null = null;
  for (const c of s.cells) {
    if (c.probability === null) return null;
    worst = worst === null ? c.probability : Math.max(worst, c.probability);
  }
  return worst;
}

/** Drop a difference that a smaller failure set of the same attacker already shows in full. */
function essentialDifferences(differences: CompareResult['differences']): CompareResult['differences'] {
  const covers = (small: readonly string[], big: readonly string[]) => small.every((x) => big.includes(x));
  return differences.filter(
    (d) =>
      !differences.some(
        (e) =>
          e !== d &&
          e.attacker === d.attacker &&
          e.failed.length < d.failed.length &&
          covers(e.failed, d.failed) &&
          covers(d.onlyInFirst, e.onlyInFirst) &&
          covers(d.onlyInSecond, e.onlyInSecond),
      ),
  );
}

function cellText(cell: ModelSide['cells'][number], model: string): string {
  const via = cell.depth === null || cell.depth === 0 ? '' : ` via ${formatSets(cell.minimalSets)}`;
  // Access within the authorization is not counted; reach beyond it ("read only — tamper, deny at depth 2") is.
  const partial = cell.authorizedAccess.some((a) => a.beyond.length > 0);
  const authorized = cell.authorized.length === 0 ? '' : ` (${authorizedText(cell)}, ${partial ? 'counted only beyond it' : 'not counted'})`;
  return `depth ${formatDepth(cell.depth)} in ${model}${via}${authorized}`;
}

function money(value: number): string {
  return value.toFixed(2);
}
