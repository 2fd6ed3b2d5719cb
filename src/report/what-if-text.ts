// A what-if for a person at a terminal: the verdict first (whose data is exposed), then per
// organization what was reached, then how: one numbered attack path per exposed data store.

import { formatTable } from './table.js';
import { plural } from './plural.js';
import type { Hop, ReachedData, WhatIfResult } from '../analyze/what-if-types.js';
import { CONTROL_NAMES } from '../domain/controls.js';
import { byNaturalOrder, byString } from '../util/string-order.js';
import { groupBy } from '../util/group-by.js';

const CLASSIFICATION_RANK: Readonly<Record<string, number>> = { restricted: 0, confidential: 1, internal: 2, public: 3 };

export function formatWhatIf(result: WhatIfResult): string {
  const lines: string[] = [];
  const { scenario } = result;
  lines.push(`${scenario.name} on ${result.model}`);
  const controls = CONTROL_NAMES.map((c) => `${c} ${scenario.controls[c] ? 'on' : 'off'}`).join(', ');
  const fail = scenario.fail.length === 0 ? 'nothing' : `${scenario.fail.join(', ')} (${result.failedInstances} boundary instances)`;
  lines.push(`  attacker: ${describeFootholds(result)}`);
  lines.push(`  failed:   ${fail}`);
  lines.push(`  controls: ${controls}`);
  for (const assumption of result.assumptions) lines.push(`  assumes:  ${assumption}`);
  lines.push('');

  const exposed = result.summary.exposedOrganizations;
  const authorizedOnly = result.organizations.filter((o) => !o.attacker && !exposed.includes(o.id) && o.reached.authorized > 0);
  if (exposed.length === 0) {
    const within = result.organizations.reduce((n, o) => n + o.reached.authorized, 0);
    lines.push(
      within === 0
        ? `NOT EXPOSED: no other organization's data is reachable (${result.summary.reachedData} data stores reached in all).`
        : `NOT EXPOSED: no other organization's data is reachable beyond what the attacker is authorized for (${result.summary.reachedData} data stores reached in all, ${within} of them authorized).`,
    );
  } else {
    for (const org of result.organizations.filter((o) => exposed.includes(o.id))) {
      const more = org.reached.authorized === 0 ? '' : `${org.reached.authorized} more authorized${trustedText(org)}; `;
      lines.push(`EXPOSED: ${org.id} — ${org.reached.data} of its ${plural(org.dataTotal, 'data store')} reachable (${more}each profile container counts as one)`);
    }
  }
  for (const org of authorizedOnly) {
    lines.push(`AUTHORIZED: ${org.id} — ${org.reached.authorized} of its ${plural(org.dataTotal, 'data store')} reached only as the attacker is authorized to (not exposure${trustedText(org)})`);
  }
  lines.push('');
  const table = [['organization', 'data', 'principals', 'sessions', 'credentials', 'users deniable']];
  for (const org of result.organizations) {
    const r = org.reached;
    const data = r.authorized === 0 ? `${r.data}/${org.dataTotal}` : `${r.data}/${org.dataTotal} +${r.authorized} authorized`;
    table.push([`${org.id}${org.attacker ? '*' : ''}`, data, String(r.principals), String(r.sessions), String(r.credentials), String(org.deniedUsers)]);
  }
  lines.push(...formatTable(table, { align: ['left', 'left', 'right', 'right', 'right', 'right'] }));
  if (result.organizations.some((o) => o.attacker)) lines.push('(* the attacker\u2019s own organization)');
  lines.push(...formatIdentities(result));

  const groups = groupByStore(result.data);
  for (const org of result.organizations) {
    const stores = groups.filter((g) => g.organization === org.id);
    if (stores.length === 0) continue;
    lines.push('');
    lines.push(`${org.id}${org.attacker ? ' (attacker\u2019s own)' : ''}: reached data`);
    for (const g of stores) {
      const count = g.nodes.length > 1 ? ` \u00d7${g.nodes.length}` : '';
      const via = g.failures.length === 0 ? 'no failure needed' : `via ${g.failures.join(', ')}`;
      lines.push(`  ${g.store}${count}  ${g.classification} ${g.location}  ${g.impacts.join(', ')}  (${via})`);
    }
  }

  const explained = groups.filter((g) => !result.organizations.find((o) => o.id === g.organization)?.attacker);
  for (const g of explained) {
    const first = g.nodes[0]!;
    lines.push('');
    const failed = first.failures.length > 0 ? `, ${plural(first.failures.length, 'failed boundary', 'failed boundary instances')}` : '';
    lines.push(`how ${first.id} is reached (${plural(first.path.length, 'step')}${failed}):`);
    lines.push(...formatPath(result, first.path));
  }

  if (result.availability.length > 0) {
    const totals = new Map<string, number>();
    for (const org of result.organizations) if (org.deniedUsers > 0) totals.set(org.id, org.deniedUsers);
    const who = [...totals].map(([org, n]) => `${n} ${org}`).join(' and ');
    lines.push('');
    lines.push(
      `availability: the attacker controls ${result.availability.length} VM${result.availability.length > 1 ? 's' : ''} (${result.availability.map((a) => a.vm).sort(byNaturalOrder).join(', ')}); shutting them down denies service to ${who} users`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Reached principals per organization by persistence: `persistent` (stolen reusable credentials,
 * control of the principal or its directory) or `while signed in` (acting through a live session).
 */
function formatIdentities(result: WhatIfResult): string[] {
  const principals = result.identities.filter((i) => i.kind === 'principal');
  if (principals.length === 0) return [];
  const lines = ['', 'principals reached, and for how long (persistent: stolen credentials or control of the principal; while signed in: acting through their live session):'];
  const byOrg = groupBy(principals, (i) => i.organization);
  for (const org of [...byOrg.keys()].sort(byString)) {
    const list = byOrg.get(org)!;
    const part = (persistence: string, label: string) => {
      const ids = list.filter((i) => i.persistence === persistence).map((i) => i.id).sort(byNaturalOrder);
      if (ids.length === 0) return [];
      const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more` : ids.join(', ');
      return [`${ids.length} ${label} (${shown})`];
    };
    lines.push(`  ${org}: ${[...part('persistent', 'persistent'), ...part('whileSignedIn', 'while signed in')].join('; ')}`);
  }
  return lines;
}

export function formatPath(result: Pick<WhatIfResult, 'footholds'>, path: readonly Hop[]): string[] {
  if (path.length === 0) return ['  (a foothold itself)'];
  const lines = [`   0. ${path[0]!.from}${result.footholds.includes(path[0]!.from) ? ' (foothold)' : ''}`];
  path.forEach((hop, i) => {
    const crossing = hop.boundary === null ? '' : `  \u2717 ${hop.instance} fails`;
    lines.push(`  ${String(i + 1).padStart(2)}. \u2192 ${hop.label}${crossing}   [${hop.rule}]`);
  });
  return lines;
}

function describeFootholds(result: WhatIfResult): string {
  const ids = [...result.footholds].sort(byNaturalOrder);
  const shown = ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : ids.join(', ');
  const asked = result.scenario.from.join(', ');
  return asked === result.footholds.join(', ') ? shown : `${asked} (${shown})`;
}

interface StoreGroup {
  readonly store: string;
  readonly organization: string;
  readonly classification: string;
  readonly location: string;
  readonly impacts: readonly string[];
  readonly failures: readonly string[];
  readonly nodes: readonly ReachedData[];
}

/** Reached data nodes grouped by their model store, most sensitive first, then by name. */
function groupByStore(data: readonly ReachedData[]): StoreGroup[] {
  // By store and owner: a provider's FSLogix store holds containers of several organizations, each
  // shown under its own organization (a container is its user's organization's data).
  const byStore = groupBy(data, (d) => `${d.store}\u0000${d.organization}`);
  return [...byStore.values()]
    .map((nodes) => {
      const first = nodes[0]!;
      const failureTypes = new Set(nodes.flatMap((n) => n.failures));
      return {
        store: first.store,
        organization: first.organization,
        classification: first.classification,
        location: first.location,
        impacts: [...new Set(nodes.flatMap((n) => n.impacts))].sort(
          (a, b) => IMPACT_ORDER.indexOf(a) - IMPACT_ORDER.indexOf(b),
        ),
        failures: [...failureTypes].sort(byString),
        nodes,
      };
    })
    .sort(
      (a, b) =>
        byString(a.organization, b.organization) ||
        (CLASSIFICATION_RANK[a.classification] ?? 9) - (CLASSIFICATION_RANK[b.classification] ?? 9) ||
        byString(a.store, b.store),
    );
}

const IMPACT_ORDER = ['read', 'tamper', 'deny'];

/** ", trusted: sister companies" when the attacker's organization trusts this one (the group's reason). */
function trustedText(org: { readonly trusted?: string }): string {
  if (org.trusted === undefined) return '';
  return org.trusted === '' ? ', trusted' : `, trusted: ${org.trusted}`;
}
