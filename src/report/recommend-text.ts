// The recommendation for a reviewer: the guide's table applied to each organization, the checks the
// recommended model passed (by simulation and against the table), then the alternatives with cost
// and risk side by side, Pareto-optimal ones marked.

import type { Recommendation } from '../recommend/recommend.js';
import { probabilityText } from './risk-text.js';
import { formatTable } from './table.js';

/** `written`: the model file written (-o); `policyWritten`: the trust policy file written (--policy-out). */
export function formatRecommendation(r: Recommendation, written: string | null, policyWritten: string | null = null): string {
  const groups = r.groups.map((g) => `{${g.join(', ')}}`).join(', ');
  const lines = [`recommendation for ${r.spec}: ${r.table.length} organizations in ${r.groups.length} trust groups: ${groups}`];
  for (const note of r.notes) lines.push(`  note: ${note}`);

  lines.push('', 'the guide\u2019s table, applied:');
  const applied: string[][] = [];
  for (const row of r.table) {
    const peers = row.trustGroup.filter((o) => o !== row.organization);
    const parts: string[] = [];
    if (row.standardPool !== null) {
      const shared = peers.length > 0 ? ` (shared with ${peers.join(', ')}: mutual trust)` : '';
      parts.push(`${row.standardUsers} standard users \u2192 multi-session pool ${row.standardPool.id}${shared}`);
    }
    if (row.adminPool !== null) parts.push(`${row.admins} admins \u2192 ${row.adminPool.type === 'personal' ? 'personal desktops' : 'pool'} ${row.adminPool.id}`);
    parts.push(`identity ${row.tenant}, subscription ${row.subscription}`);
    applied.push([row.organization, parts.join('; ')]);
  }
  lines.push(...formatTable(applied, { indent: '  ' }));

  const recommended = r.alternatives[0]!;
  lines.push('', `verification of the recommended model (failures per boundary type): ${recommended.passed ? 'passed' : 'FAILED'}`);
  for (const c of recommended.checks) lines.push(`  ${c.passed ? '\u2713' : '\u2717'} ${c.id}${c.bySimulation ? ' (simulated)' : ''}: ${c.detail}`);

  const costsGiven = r.alternatives.every((a) => a.cost.given);
  const costHeading = recommended.cost.given
    ? `cost per month (${recommended.cost.currency}) against probability per year of exposure (default likelihoods are assumptions: docs/risk.md); * = Pareto-optimal`
    : 'probability per year of exposure (default likelihoods are assumptions: docs/risk.md); no costs given, so no alternative is marked Pareto-optimal (add `costs` to the spec to weigh cost against risk)';
  lines.push(
    '',
    `alternatives: ${costHeading}`,
  );
  const alternatives = [['  alternative', 'tenants', 'VMs', 'cost/month', 'cross-org', 'admins\u2192others', 'guide']];
  for (const a of r.alternatives) {
    const vms = `${a.pooledVms}+${a.personalVms}`;
    const admin = a.adminRisk === null ? '\u2013' : probabilityText(a.adminRisk);
    const failed = a.checks.filter((c) => !c.passed).map((c) => c.id);
    alternatives.push([`${a.pareto ? '*' : ' '} ${a.id}`, String(a.tenants), vms, a.cost.given ? a.cost.totalMonthly.toFixed(2) : 'no costs given', probabilityText(a.crossOrgRisk), admin, failed.length === 0 ? 'follows it' : `breaks ${failed.join(', ')}`]);
  }
  lines.push(...formatTable(alternatives, { align: ['left', 'right', 'right', 'right', 'left', 'left', 'left'] }));
  lines.push('  (VMs: multi-session + personal; cross-org: worst pair of organizations that do not trust each other, any insider; admins\u2192others: data none of the admins may use)');
  for (const a of r.alternatives) lines.push(`  ${a.id}: ${a.title}${a.pareto || !costsGiven ? '' : `; dominated by ${a.dominatedBy.join(', ')}`}`);
  if (written !== null || policyWritten !== null) lines.push('');
  if (written !== null) lines.push(`wrote ${written}`);
  if (policyWritten !== null) lines.push(`wrote ${policyWritten} (trust groups for \`indepth check --policy\`)`);
  return `${lines.join('\n').replace(/ +$/gm, '')}\n`;
}
