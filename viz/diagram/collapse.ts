// Large models stay legible: a row of many session hosts, or a pool with many user boxes, shows the
// interesting ones (foothold, on the path, pinned users) one by one and merges the rest into one box
// per look-alike group ("other contoso users ×40", "pool-vm5 … pool-vm40 ×36").

import type { DiagramElement, DiagramState, ElementReach } from '../../src/report/diagram-types.js';
import { reachedShare } from './present.js';

export const MAX_VMS = 8;
export const MAX_CARDS = 24;

export interface Collapsed {
  readonly root: DiagramElement;
  /** The state's reach plus the reach of every merged box. */
  readonly reach: Readonly<Record<string, ElementReach>>;
}

export function collapseForState(root: DiagramElement, state: DiagramState): Collapsed {
  const reach: Record<string, ElementReach> = { ...state.reach };
  const keep = new Set<string>([...state.footholdElements, ...state.path.steps.flatMap((s) => (s.element === null ? [] : [s.element]))]);
  const failed = new Set(state.failedInstances);
  const walk = (el: DiagramElement): DiagramElement => {
    const children = el.children.map(walk);
    const vms = children.filter((c) => c.role === 'vm');
    if (vms.length > MAX_VMS && vms.length === children.length) return { ...el, children: mergeRuns(children, keep, state, failed, 'vm', reach) };
    const cards = children.filter((c) => c.role === 'card');
    if (cards.length > MAX_CARDS && cards.length === children.length) return { ...el, children: mergeRuns(children, keep, state, failed, 'card', reach) };
    return children.every((c, i) => c === el.children[i]) ? el : { ...el, children };
  };
  return { root: walk(root), reach };
}

function mergeRuns(
  children: readonly DiagramElement[],
  keep: ReadonlySet<string>,
  state: DiagramState,
  failed: ReadonlySet<string>,
  role: 'vm' | 'card',
  reach: Record<string, ElementReach>,
): DiagramElement[] {
  const out: DiagramElement[] = [];
  const groups = new Map<string, DiagramElement[]>();
  const slots = new Map<string, number>();
  for (const child of children) {
    const pinned = role === 'vm' && child.children.some((c) => c.role === 'card');
    if (keep.has(child.id) || pinned || containsKept(child, keep)) {
      out.push(child);
      continue;
    }
    const key = signature(child, state, failed, role);
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [child]);
      slots.set(key, out.length);
      out.push(child);
    } else group.push(child);
  }
  for (const [key, members] of groups) {
    if (members.length < 2) continue;
    out[slots.get(key)!] = merge(members, role, reach);
  }
  return out;
}

function containsKept(el: DiagramElement, keep: ReadonlySet<string>): boolean {
  return el.children.some((c) => keep.has(c.id) || containsKept(c, keep));
}

/** Boxes that would look the same: same organization, tags, failed walls and reach bucket. */
function signature(el: DiagramElement, state: DiagramState, failed: ReadonlySet<string>, role: 'vm' | 'card'): string {
  const share = reachedShare(state.reach[el.id] ?? null);
  const bucket = share === 0 ? 'none' : share === 1 ? 'all' : 'some';
  const walls = [...new Set(el.walls.filter((w) => failed.has(w)).map((w) => w.slice(0, w.indexOf('@'))))].join(',');
  const chips = role === 'card' ? el.children.map((c) => `${c.role}:${c.label}`).join(',') : '';
  return [el.organization ?? '', (el.tags ?? []).join(','), walls, bucket, chips, el.detail === null ? '' : role === 'vm' ? el.detail : ''].join('|');
}

function merge(members: readonly DiagramElement[], role: 'vm' | 'card', reach: Record<string, ElementReach>): DiagramElement {
  const first = members[0]!;
  const last = members[members.length - 1]!;
  const count = members.reduce((n, m) => n + m.count, 0);
  const label = role === 'vm' ? `${first.label} … ${last.label}` : `other ${first.organization ?? 'shared'} users`;
  const merged: DiagramElement = {
    ...first,
    id: `${first.id}+${members.length - 1}`,
    label,
    detail: role === 'vm' ? first.detail : `${count} sessions`,
    count: role === 'vm' ? members.length : count,
    nodes: members.flatMap((m) => m.nodes),
    walls: [...new Set(members.flatMap((m) => m.walls))],
    children: mergeChildren(members.map((m) => m.children), reach),
  };
  combineReach(merged.id, members, reach);
  return merged;
}

function combineReach(id: string, parts: readonly DiagramElement[], reach: Record<string, ElementReach>): void {
  const known = parts.flatMap((p) => reach[p.id] ?? []);
  if (known.length === 0) return;
  reach[id] = {
    reached: known.reduce((n, r) => n + r.reached, 0),
    total: known.reduce((n, r) => n + r.total, 0),
    controlled: known.some((r) => r.controlled),
    access: [...new Set(known.flatMap((r) => r.access))],
  };
}

/** Children merged by role and label (all `edge` chips of the merged boxes become one). */
function mergeChildren(lists: readonly (readonly DiagramElement[])[], reach: Record<string, ElementReach>): DiagramElement[] {
  const byKey = new Map<string, DiagramElement[]>();
  for (const list of lists) {
    for (const child of list) {
      const key = `${child.role}\u0000${child.label}`;
      byKey.set(key, [...(byKey.get(key) ?? []), child]);
    }
  }
  return [...byKey.values()].map((same) => {
    if (same.length === 1) return same[0]!;
    const merged: DiagramElement = {
      ...same[0]!,
      id: `${same[0]!.id}+${same.length - 1}`,
      count: same.reduce((n, c) => n + c.count, 0),
      nodes: same.flatMap((c) => c.nodes),
      walls: [...new Set(same.flatMap((c) => c.walls))],
      children: mergeChildren(same.map((c) => c.children), reach),
    };
    combineReach(merged.id, same, reach);
    return merged;
  });
}
