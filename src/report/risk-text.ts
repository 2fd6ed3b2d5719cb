// Exposure risk for a reviewer: the top event first, then every organization and data store with
// its probability and 95 % interval, "harden these first", the likelihoods used (flagged as
// assumptions when they are the defaults) and the cost beside it.

import type { CostBreakdown } from '../analyze/cost.js';
import type { Estimate } from '../risk/estimate.js';
import type { Importance } from '../risk/exact.js';
import type { RiskResult } from '../risk/types.js';
import { formatTable } from './table.js';

export function formatRisk(result: RiskResult): string {
  const how =
    result.failures === 'type'
      ? `failures per boundary type, ${result.method === 'monte-carlo' ? 'Monte Carlo over type subsets' : 'exact'}`
      : `failures independent per instance, ${result.method === 'auto' ? 'Monte Carlo with a rare-event fallback' : result.method}`;
  const lines = [`exposure risk on ${result.model} from ${result.from.join(', ')}: ${how}`];
  const named = result.target.organizations;
  const victims = named.length === 0 ? 'nobody' : named.length <= 4 ? named.join(', ') : `${named.length} organizations (${named.slice(0, 3).join(', ')}, …)`;
  lines.push(`top event: any data of ${victims} exposed within a year: P = ${estimateText(result.target)}`, '');

  const estimateHeader = ['probability', '95 % interval', 'method'];
  const organizations = [['organization', 'depth', ...estimateHeader]];
  for (const o of result.organizations) organizations.push([o.attacker ? `${o.id} (attacker)` : o.id, depthText(o.depth), ...estimateCells(o)]);
  lines.push(...formatTable(organizations, { indent: '  ' }));
  const authorized = result.organizations.filter((o) => o.authorized.length > 0);
  if (authorized.length > 0) {
    lines.push('  authorized, not counted (the store\u2019s access names the attacker\u2019s organization, or they trust each other):');
    for (const o of authorized) lines.push(`    ${o.id}: ${o.authorized.length === 1 ? '1 store' : `${o.authorized.length} stores`} (${o.authorized.join(', ')})`);
  }
  const readOnly = result.organizations.filter((o) => o.readOnly.length > 0);
  if (readOnly.length > 0) {
    lines.push('  authorized to read only, counted by their reach with control, tamper or deny:');
    for (const o of readOnly) lines.push(`    ${o.id}: ${o.readOnly.length === 1 ? '1 store' : `${o.readOnly.length} stores`} (${o.readOnly.join(', ')})`);
  }
  const data = [['data store', 'org', 'depth', ...estimateHeader]];
  for (const d of result.data) data.push([d.authorized ? `${d.id} (authorized)` : d.readOnly ? `${d.id} (read only)` : d.id, d.organization, depthText(d.depth), ...estimateCells(d)]);
  lines.push('', ...formatTable(data, { indent: '  ' }));

  const { importance } = result;
  lines.push('', `harden these first (against the top event, P = ${probabilityText(importance.base)}; importance ${importance.method === 'exact' ? 'exact' : 'from minimal cut sets'}):`);
  const types = importance.types.filter((t) => t.birnbaum > 0 || t.reduction > 0);
  if (types.length === 0) lines.push('  nothing to harden: no boundary failure changes the top event');
  else lines.push(...importanceTable('boundary type', types));
  if (importance.instances.length > 0) lines.push('', ...importanceTable('boundary instance', importance.instances.slice(0, 10)));
  if (importance.instances.length > 10) lines.push(`  (${importance.instances.length - 10} more instances in --json)`);
  for (const note of importance.notes) lines.push(`  note: ${note}`);

  const { likelihoods } = result;
  const defaults = likelihoods.types.every((t) => t.source === 'default') && likelihoods.overrides.length === 0;
  lines.push(
    '',
    `failure likelihoods per year${defaults ? ' \u2014 the DEFAULTS, which are assumptions: replace them with your own figures (docs/risk.md)' : ''}:`,
  );
  const likelihoodRows = [['type', 'p/year', 'config', '0-day', 'known unpatched', 'instances', 'source']];
  for (const t of likelihoods.types) {
    likelihoodRows.push([t.type, fixed(t.probability), fixed(t.configuration), fixed(t.zeroDay), fixed(t.knownUnpatched), String(t.instances), t.source]);
  }
  lines.push(...formatTable(likelihoodRows, { indent: '  ', align: ['left', 'right', 'right', 'right', 'right', 'right', 'left'] }));
  lines.push(`  patch cadence ${likelihoods.patch.patchDays} days; a working exploit ${likelihoods.patch.exploitDays} days after disclosure on average`);
  for (const o of likelihoods.overrides) {
    if (o.kind !== 'type') lines.push(`  override ${o.target} (${o.kind}, ${o.instances} instances, from the ${o.source})${o.applied ? '' : ': ignored'}`);
  }
  for (const note of likelihoods.notes) lines.push(`  note: ${note}`);
  if (result.seed !== null) lines.push(`  sampling: seed ${result.seed}${result.precision === null ? '' : `, precision \u00b1${result.precision * 100} % (relative, 95 %)`}`);

  lines.push('', ...costLines(result.cost));
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}

export function costLines(cost: CostBreakdown): string[] {
  if (!cost.given) {
    const lines = [`cost per month: ${cost.note} (${cost.vms} VMs, ${cost.tenants} tenants, ${cost.subscriptions} subscriptions; add a \`costs\` section to price them)`];
    for (const p of cost.pools) {
      if (p.undersized) lines.push(`  note: pool ${p.pool} has ${p.users} users for ${p.vms} VMs at ${cost.sessionsPerHost} sessions per host`);
    }
    return lines;
  }
  const lines = [
    `cost per month (${cost.currency}): ${money(cost.totalMonthly)} = VMs ${money(cost.computeMonthly)} (${cost.vms}) + identity ${money(cost.identityMonthly)} (${cost.tenants} tenants) + subscriptions ${money(cost.subscriptionMonthly)} (${cost.subscriptions})`,
  ];
  const rows = cost.organizations.map((o) => [o.id, money(o.totalMonthly), `${money(o.perUserMonthly)} per user (${o.users} users)`]);
  lines.push(...formatTable(rows, { indent: '  ', gap: 3, align: ['left', 'right', 'left'] }));
  for (const p of cost.pools) {
    if (p.undersized) lines.push(`  note: pool ${p.pool} has ${p.users} users for ${p.vms} VMs at ${cost.sessionsPerHost} sessions per host`);
  }
  return lines;
}

function importanceTable(what: string, list: readonly Importance[]): string[] {
  const rows = [[what, 'p/year', 'reduction', 'Birnbaum', 'F-V', 'RAW']];
  for (const i of list) {
    rows.push([i.id, probabilityText(i.probability), probabilityText(i.reduction), probabilityText(i.birnbaum), i.fussellVesely.toFixed(3), rawText(i.raw)]);
  }
  return formatTable(rows, { indent: '  ' });
}

/** Probability, 95 % interval (empty when exact) and method of an estimate: three table cells. */
function estimateCells(e: Estimate): string[] {
  const interval = e.method === 'exact' ? '' : `[${probabilityText(e.low)}, ${probabilityText(e.high)}]`;
  const method = e.method === 'exact' ? 'exact' : `${e.method}, ${e.samples} samples`;
  return [probabilityText(e.probability), interval, method];
}

function estimateText(e: Estimate): string {
  return e.method === 'exact' ? `${probabilityText(e.probability)} (exact)` : `${probabilityText(e.probability)} [${probabilityText(e.low)}, ${probabilityText(e.high)}] (${e.method}, ${e.samples} samples)`;
}

export function probabilityText(p: number): string {
  if (p === 0) return '0';
  if (p === 1) return '1';
  return p >= 0.001 ? p.toFixed(4) : p.toExponential(2);
}

function fixed(p: number): string {
  return p.toFixed(4);
}

function rawText(raw: number): string {
  return Number.isFinite(raw) ? raw.toFixed(2) : '\u221e';
}

function depthText(depth: number | null): string {
  return depth === null ? '\u2013' : String(depth);
}

function money(value: number): string {
  return value.toFixed(2);
}
