// Defense depth for a reviewer: one line per victim organization first ("fabrikam → contoso:
// depth 1 via {kernel} or {session}"), then every data store, then a witness path per exposed org.

import type { DataDepth, DepthResult } from '../analyze/depth-types.js';
import { byString } from './json.js';
import { formatDepth, formatSets } from './sets-text.js';
import { formatPath } from './what-if-text.js';

export function formatDepthResult(result: DepthResult): string {
  const mode = result.by === 'type' ? 'boundary type (exhaustive)' : `boundary instance, up to ${result.order} failures`;
  const attackers = result.organizations.filter((o) => o.attacker).map((o) => o.id);
  const who = attackers.length > 0 ? `${attackers.join(', ')}` : result.from.join(', ');
  const lines = [`defense depth on ${result.model} by ${mode}, attacker: ${result.from.join(', ')}`, ''];

  for (const org of result.organizations) {
    const own = org.attacker ? ' (own organization)' : '';
    const depth = formatDepth(org.depth, result.by === 'instance' && org.depth === null, result.order);
    const via = org.depth === null || org.depth === 0 ? '' : ` via ${formatSets(org.minimalSets, org.minimalSetCount)}`;
    lines.push(`${who} \u2192 ${org.id}${own}: depth ${depth}${via}`);
  }

  lines.push('', 'data store'.padEnd(30) + 'org'.padEnd(12) + 'depth  minimal failure sets');
  for (const group of groupByStore(result.data)) {
    const ordered = [...group].sort((a, b) => (a.depth ?? Infinity) - (b.depth ?? Infinity));
    const low = formatDepth(ordered[0]!.depth, ordered[0]!.beyondOrder, result.order);
    const high = formatDepth(ordered.at(-1)!.depth, ordered.at(-1)!.beyondOrder, result.order);
    const depthText = low === high ? low : `${low}–${high}`;
    const first = ordered.at(-1)!;
    const name = group.length > 1 ? `${first.store} \u00d7${group.length}` : first.store;
    const sets = first.depth === null ? '' : formatSets(first.minimalSets, first.minimalSetCount);
    lines.push(`${name.padEnd(30)}${first.organization.padEnd(12)}${depthText.padEnd(7)}${sets}`);
  }

  for (const org of result.organizations) {
    if (org.attacker || org.depth === null) continue;
    const target = result.data.find((d) => d.organization === org.id && d.depth === org.depth);
    const witness = target?.witnesses[0];
    if (target === undefined || witness === undefined) continue;
    lines.push('', `witness: ${target.id} with ${formatSets([witness.set])} failed`);
    lines.push(...formatPath(result, witness.path));
  }
  return `${lines.join('\n')}\n`;
}

function groupByStore(data: readonly DataDepth[]): DataDepth[][] {
  const groups = new Map<string, DataDepth[]>();
  for (const d of data) groups.set(d.store, [...(groups.get(d.store) ?? []), d]);
  return [...groups.values()].sort((a, b) => byString(a[0]!.organization, b[0]!.organization) || byString(a[0]!.store, b[0]!.store));
}
