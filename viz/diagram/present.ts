// What a box says, given the what-if: its title (with a count for a collapsed group), tags, the
// boundary types of its walls that failed, and how much of it is reached. Layout sizes boxes from
// this and the renderer draws exactly this, so the two always agree.

import type { DiagramElement, DiagramState, ElementReach } from '../../src/report/diagram-types.js';

export interface Presented {
  readonly title: string;
  readonly detail: string | null;
  readonly tags: readonly string[];
  /** Boundary types of this box's walls that failed (`kernel`), in wall order. */
  readonly failed: readonly string[];
  readonly reach: ElementReach | null;
  /** The attacker starts here. */
  readonly foothold: boolean;
  /** `5/12 reached`, `read access`, or null. */
  readonly note: string | null;
}

const COUNTED = new Set(['card', 'vm']);

export function present(el: DiagramElement, state: DiagramState, failed: ReadonlySet<string>): Presented {
  const foothold = state.footholdElements.includes(el.id);
  const reach = state.reach[el.id] ?? null;
  const failedTypes = [...new Set(el.walls.filter((w) => failed.has(w)).map((w) => w.slice(0, w.indexOf('@'))))];
  let note: string | null = null;
  if (reach !== null && reach.reached > 0 && el.role !== 'summary') {
    if (reach.total > 1 && reach.reached < reach.total) note = `${reach.reached}/${reach.total} reached`;
    else if (!reach.controlled && reach.access.length > 0) note = `${reach.access.join('/')} access`;
  }
  return {
    title: COUNTED.has(el.role) && el.count > 1 ? `${el.label} ×${el.count}` : el.label,
    detail: el.detail,
    tags: el.tags ?? [],
    failed: failedTypes,
    reach,
    foothold,
    note,
  };
}

export function reachedShare(reach: ElementReach | null): number {
  return reach === null || reach.total === 0 ? 0 : reach.reached / reach.total;
}

export interface Pill {
  readonly text: string;
  readonly kind: 'foothold' | 'tag' | 'failed';
}

/** The pills after a box's title, in drawing order. */
export function pillsOf(p: Presented): Pill[] {
  return [
    ...(p.foothold ? [{ text: 'FOOTHOLD', kind: 'foothold' as const }] : []),
    ...p.tags.map((text) => ({ text, kind: 'tag' as const })),
    ...p.failed.map((f) => ({ text: `✗ ${f}`, kind: 'failed' as const })),
  ];
}
