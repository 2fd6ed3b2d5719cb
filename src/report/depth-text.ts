// Defense depth for a reviewer: one line per victim organization first ("fabrikam → contoso:
// depth 1 via {kernel} or {session}"), then every data store, then a witness path per exposed org.

import type { DataDepth, DepthResult } from '../analyze/depth-types.js';
import { compareSets } from '../analyze/antichain.js';
import { byString } from './json.js';
import { formatDepth, formatSets, withFailed } from './sets-text.js';
import { formatPath } from './what-if-text.js';
import { groupBy } from '../util/group-by.js';
import { formatTable } from './table.js';
import { authorizedText } from './leakage-text.js';

export function formatDepthResult(result: DepthResult): string {
  const mode = result.by === 'type' ? 'boundary type (exhaustive)' : `boundary instance, up to ${result.order} failures`;
  const attackers = result.organizations.filter((o) => o.attacker).map((o) => o.id);
  const who = attackers.length > 0 ? `${attackers.join(', ')}` : result.from.join(', ');
  const lines = [`defense depth on ${result.model} by ${mode}, attacker: ${result.from.join(', ')}`];
  for (const assumption of result.assumptions) lines.push(`assumes: ${assumption}`);
  lines.push('');

  for (const org of result.organizations) {
    const own = org.attacker ? ' (own organization)' : '';
    const depth = formatDepth(org.depth, result.by === 'instance' && org.depth === null, result.order);
    const via = org.depth === null || org.depth === 0 ? '' : ` via ${formatSets(org.minimalSets, org.minimalSetCount)}`;
    const authorized = org.authorized.length === 0 ? '' : `; ${authorizedText(org)}`;
    lines.push(`${who} \u2192 ${org.id}${own}: depth ${depth}${via}${authorized}`);
  }

  const table: string[][] = [['data store', 'org', 'depth', 'minimal failure sets']];
  for (const group of groupByStore(result.data)) {
    const ordered = [...group].sort((a, b) => (a.depth ?? Infinity) - (b.depth ?? Infinity));
    const reachable = ordered.filter((d) => d.depth !== null);
    const never = ordered.length - reachable.length;
    const unreachable = formatDepth(null, ordered.at(-1)!.beyondOrder, result.order);
    let depthText = unreachable;
    if (reachable.length > 0) {
      const low = reachable[0]!.depth!;
      const high = reachable.at(-1)!.depth!;
      depthText = (low === high ? String(low) : `${low}\u2013${high}`) + (never > 0 ? ` (${never} ${unreachable})` : '');
    }
    const first = ordered[0]!;
    const name = group.length > 1 ? `${first.store} \u00d7${group.length}` : first.store;
    let sets = membersText(group, (d) => d, (d) => formatSets(d.minimalSets, d.minimalSetCount));
    // Access the attackers are authorized for is not leakage: say so on the row, and where only some
    // kinds are (a reader), the depth of the rest (authorization.ts, per access kind).
    const access = result.organizations.find((o) => o.id === first.organization)?.authorizedAccess.find((a) => a.store === first.store);
    if (access !== undefined && access.beyond.length === 0) depthText += ' (authorized)';
    else if (access !== undefined) {
      depthText += ` (${access.access.join(', ')} authorized)`;
      // No `beyondRead`: reach beyond read needs no more than reach at all (depth.ts), so the row's own answer.
      const beyond = (d: DataDepth) => d.beyondRead ?? d;
      const text = membersText(group, beyond, (d) => `depth ${d.depth} via ${d.depth === 0 ? 'no failure' : formatSets(d.minimalSets, d.minimalSetCount)}`);
      sets = `${access.beyond.join(', ')}: ${text === '' ? 'not reached' : text}`;
    }
    table.push([name, first.organization, depthText, sets]);
  }
  lines.push('', ...formatTable(table));

  for (const org of result.organizations) {
    if (org.attacker || org.depth === null) continue;
    const target = result.data.find((d) => d.organization === org.id && d.depth === org.depth && !org.authorized.includes(d.store));
    const witness = target?.witnesses[0];
    if (target === undefined || witness === undefined) continue;
    lines.push('', `witness: ${target.id} ${withFailed(witness.set)}`);
    lines.push(...formatPath(result, witness.path));
  }
  return `${lines.join('\n')}\n`;
}

type Figures = Pick<DataDepth, 'depth' | 'minimalSets' | 'minimalSetCount'>;

/**
 * The sets column of a row of one store's data nodes (a profile store's containers): the text of
 * their figures when every reached member has the same, else each distinct text with how many
 * members it holds for, least deep first — `1 of 4: {kernel} or {user}; 3 of 4: {user} or {kernel,
 * vm}`. Never one member's sets for all: the row once showed the deepest member's, hiding a
 * container that a kernel failure alone reaches (a fresh user's trial). '' when none is reached.
 */
function membersText(members: readonly DataDepth[], figures: (d: DataDepth) => Figures, text: (f: Figures) => string): string {
  const reached = members.map(figures).filter((f) => f.depth !== null);
  const byText = groupBy(reached, text);
  if (byText.size <= 1) return [...byText.keys()].join('');
  const rows = [...byText].map(([line, list]) => ({ line, count: list.length, depth: list[0]!.depth!, first: list[0]!.minimalSets[0] ?? [] }));
  rows.sort((a, b) => a.depth - b.depth || compareSets(a.first, b.first) || byString(a.line, b.line));
  return rows.map((r) => `${r.count} of ${members.length}: ${r.line}`).join('; ');
}

/** Data nodes by store and owner (a provider's FSLogix store holds several organizations' containers). */
function groupByStore(data: readonly DataDepth[]): DataDepth[][] {
  const groups = groupBy(data, (d) => `${d.store}\u0000${d.organization}`);
  return [...groups.values()].sort((a, b) => byString(a[0]!.organization, b[0]!.organization) || byString(a[0]!.store, b[0]!.store));
}
