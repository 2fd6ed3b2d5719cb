// The focus layout for deployments of many organizations: the attacker's organization and every
// organization the attack path passes through (its victim included) stay drawn, with the path in full;
// every other organization's tenant, subscription or pool becomes one summary box with its reach, and
// so does a pool of a drawn organization that holds no step of the path nor a foothold, so the picture
// fits one slide. `--full` skips this.

import type { DiagramElement, DiagramState, ElementReach } from '../../src/report/diagram-types.js';

export interface Focused {
  readonly root: DiagramElement;
  /** The state's reach plus the reach of every summary box. */
  readonly reach: Readonly<Record<string, ElementReach>>;
  /** Organizations drawn as summaries, in model order. */
  readonly summarized: readonly string[];
}

const SUMMARIZED_ROLES: ReadonlySet<DiagramElement['role']> = new Set(['tenant', 'organization', 'subscription', 'pool']);
export const OTHERS_SECTION = 'section:other-organizations';

/** Organizations kept in full: the attacker's, and every one owning a box on the path or a foothold. */
export function focusOrganizations(root: DiagramElement, state: DiagramState): Set<string> {
  const keep = keptElements(state);
  const orgs = new Set(state.organizations.filter((o) => o.attacker).map((o) => o.id));
  if (state.path.target !== null) orgs.add(state.path.target.organization);
  const walk = (el: DiagramElement, inherited: string | null) => {
    const org = el.organization ?? inherited;
    if (keep.has(el.id) && org !== null) orgs.add(org);
    for (const child of el.children) walk(child, org);
  };
  walk(root, null);
  return orgs;
}

/**
 * `dataNodes`: every organization's data nodes (DiagramStructure.organizations): a summary box counts
 * the data inside it, so an organization drawn as several boxes (a pool in a provider's subscription,
 * its own tenant) shows each box's share, never the organization's total twice.
 */
export function focusForState(root: DiagramElement, state: DiagramState, dataNodes: ReadonlySet<string>): Focused {
  const keep = keptElements(state);
  const inFocus = focusOrganizations(root, state);
  const reach: Record<string, ElementReach> = { ...state.reach };
  const summarized = new Set<string>();
  const walk = (el: DiagramElement): DiagramElement => {
    if (el.organization !== null && SUMMARIZED_ROLES.has(el.role) && !contains(el, keep)) {
      if (!inFocus.has(el.organization)) {
        summarized.add(el.organization);
        return summary(el, state, reach, dataNodes, true);
      }
      if (el.role === 'pool') return summary(el, state, reach, dataNodes, false);
    }
    const children = el.children.map(walk);
    return children.every((c, i) => c === el.children[i]) ? el : { ...el, children };
  };
  let top = walk(root);
  // Summaries of whole tenants leave the tenants' columns for a row of their own under them.
  const tenants = top.children.find((c) => c.id === 'section:tenants');
  if (tenants !== undefined && tenants.children.some((c) => c.role === 'summary')) {
    const full = tenants.children.filter((c) => c.role !== 'summary');
    const others = tenants.children.filter((c) => c.role === 'summary');
    const row: DiagramElement = { ...tenants, id: OTHERS_SECTION, label: 'other organizations · collapsed (--full draws them)', arrange: 'flow', children: others };
    top = { ...top, children: top.children.flatMap((c) => (c !== tenants ? [c] : full.length > 0 ? [{ ...tenants, children: full }, row] : [row])) };
  }
  const order = state.organizations.map((o) => o.id).filter((id) => summarized.has(id));
  return { root: top, reach, summarized: order };
}

function keptElements(state: DiagramState): Set<string> {
  return new Set([...state.footholdElements, ...state.path.steps.flatMap((s) => (s.element === null ? [] : [s.element]))]);
}

function contains(el: DiagramElement, keep: ReadonlySet<string>): boolean {
  return keep.has(el.id) || el.children.some((c) => contains(c, keep));
}

/**
 * One box for a collapsed container: what it held and how much of it is reached. A collapsed
 * organization (`wholeOrganization`) is shaded by the data reached inside this box (its stores and
 * profile containers; data the organization keeps elsewhere is drawn and counted where it sits); a
 * pool by its sessions and hosts reached.
 */
function summary(el: DiagramElement, state: DiagramState, reach: Record<string, ElementReach>, dataNodes: ReadonlySet<string>, wholeOrganization: boolean): DiagramElement {
  const users = { total: 0, reached: 0 };
  const vms = { total: 0, reached: 0 };
  const data = { total: 0, reached: 0 };
  const nodes: string[] = [];
  const seenData = new Set<string>();
  const count = (e: DiagramElement) => {
    // A profile container is drawn once per pool its owner signs in to, under one element id: count it once.
    const isData = (e.role === 'data' || e.role === 'chip') && e.nodes.length > 0 && e.nodes.every((n) => dataNodes.has(n)) && !seenData.has(e.id);
    if (isData) seenData.add(e.id);
    const tally = e.role === 'card' ? users : e.role === 'vm' ? vms : isData ? data : null;
    if (tally !== null) {
      const r = reach[e.id];
      tally.total += r?.total ?? (isData ? e.nodes.length : e.count);
      tally.reached += r?.reached ?? 0;
    }
    nodes.push(...e.nodes);
    e.children.forEach(count);
  };
  count(el);
  const counted = (t: { total: number; reached: number }, noun: string) => `${t.total} ${noun}${t.total === 1 ? '' : 's'}${t.reached > 0 ? ` (${t.reached} reached)` : ''}`;
  const parts = [counted(users, 'user'), counted(vms, 'VM')];
  const id = `summary:${el.id}`;
  if (wholeOrganization) {
    parts.unshift(data.total === 0 ? 'no data in it' : `${data.reached}/${data.total} data reached`);
    reach[id] = { reached: data.reached, total: data.total, controlled: data.reached > 0, access: [] };
  } else {
    parts.unshift('pool off the path');
    const total = users.total + vms.total;
    if (total > 0) reach[id] = { reached: users.reached + vms.reached, total, controlled: users.reached + vms.reached > 0, access: [] };
  }
  return {
    id,
    role: 'summary',
    label: wholeOrganization ? `${state.organizations.find((o) => o.id === el.organization)?.name ?? el.organization} · ${el.label}` : el.label,
    detail: parts.join(' · '),
    organization: el.organization,
    count: 1,
    nodes,
    walls: [],
    arrange: 'flow',
    children: [],
  };
}
