// The explanation path drawn over the boxes: one numbered badge per box the path passes (steps through
// undrawn hubs fold into the next badge), each placed on its box's edge where it covers no label, and
// arrows between consecutive badges routed orthogonally around every label and badge (route.ts).

import type { PathStep } from '../../src/report/diagram-types.js';
import { el, type SvgElement, type SvgNode } from '../svg/tree.js';
import { textWidth, type Font } from '../svg/text.js';
import type { Box, Laid } from './layout.js';
import { FAILED, PATH } from './palette.js';
import { createRouter, inflate, intersects, type Point, type Rect } from './route.js';

const BADGE_H = 20;
const BADGE_FONT: Font = { size: 11, bold: true };
/** Clearance kept between a badge and any label. */
const BADGE_CLEAR = 3;
/** Clearance kept between an arrow's centre line and any label: the white halo's half-width plus 1.5 px. */
const LINE_CLEAR = 4;

export interface Marker {
  readonly box: Box;
  readonly first: number;
  readonly last: number;
  readonly failed: boolean;
  readonly w: number;
  cx: number;
  cy: number;
}

/** Steps → markers: consecutive steps drawn by the same box share one badge (`2–5`). */
export function markersOf(laid: Laid, steps: readonly PathStep[]): Marker[] {
  const markers: Marker[] = [];
  let pending: PathStep[] = [];
  const make = (box: Box, first: number, last: number, failed: boolean): Marker => {
    const label = first === last ? `${first}` : `${first}–${last}`;
    return { box, first, last, failed, w: Math.max(22, Math.ceil(textWidth(label, BADGE_FONT)) + 12), cx: 0, cy: 0 };
  };
  for (const step of steps) {
    const box = step.element === null ? undefined : anchorBox(laid, step.element);
    if (box === undefined || box.el.role === 'section' || box.el.role === 'canvas') {
      pending.push(step);
      continue;
    }
    const group = [...pending, step];
    pending = [];
    const failed = group.some((s) => s.instance !== null);
    const previous = markers[markers.length - 1];
    if (previous !== undefined && previous.box === box) {
      markers[markers.length - 1] = make(box, previous.first, step.step, previous.failed || failed);
      continue;
    }
    markers.push(make(box, group[0]!.step, step.step, failed));
  }
  const tail = markers[markers.length - 1];
  if (pending.length > 0 && tail !== undefined) {
    markers[markers.length - 1] = make(tail.box, tail.first, pending[pending.length - 1]!.step, tail.failed || pending.some((s) => s.instance !== null));
  }
  return markers;
}

/**
 * Badges and arrows for the path. `labels` are the rectangles of every label drawn (in the same
 * coordinates as the boxes); `bounds` is the area the overlay may use.
 */
export function pathOverlay(laid: Laid, steps: readonly PathStep[], labels: readonly Rect[], bounds: Rect): SvgNode[] {
  const markers = markersOf(laid, steps);
  const placed: Rect[] = [];
  for (const m of markers) {
    const spot = placeBadge(m, labels, placed, bounds);
    m.cx = spot.x;
    m.cy = spot.y;
    placed.push(badgeRect(m));
  }
  const router = createRouter(bounds, labels.map((r) => inflate(r, LINE_CLEAR)));
  const lines: SvgNode[] = [];
  for (let i = 1; i < markers.length; i++) {
    const a = markers[i - 1]!;
    const b = markers[i]!;
    const others = markers.filter((_, j) => j !== i && j !== i - 1).map((m) => inflate(badgeRect(m), 2));
    const route = router.route({ x: a.cx, y: a.cy }, { x: b.cx, y: b.cy }, others) ?? [
      { x: a.cx, y: a.cy },
      { x: b.cx, y: a.cy },
      { x: b.cx, y: b.cy },
    ];
    lines.push(...arrow(route, b));
  }
  const badges = markers.map((m) =>
    el('g', { class: 'badge', 'data-steps': label(m) }, [
      el('rect', { x: m.cx - m.w / 2, y: m.cy - BADGE_H / 2, width: m.w, height: BADGE_H, rx: BADGE_H / 2, fill: m.failed ? FAILED : PATH, stroke: '#ffffff', 'stroke-width': 1.5 }),
      el('text', { x: m.cx, y: m.cy + 4, 'font-size': BADGE_FONT.size, 'font-weight': 'bold', fill: '#ffffff', 'text-anchor': 'middle' }, [label(m)]),
    ]),
  );
  return [el('g', { class: 'path-lines' }, lines), el('g', { class: 'path-steps' }, badges)];
}

function label(m: Marker): string {
  return m.first === m.last ? `${m.first}` : `${m.first}–${m.last}`;
}

function badgeRect(m: Marker): Rect {
  return { x: m.cx - m.w / 2, y: m.cy - BADGE_H / 2, w: m.w, h: BADGE_H };
}

/**
 * The first spot on the box's outline (top edge right to left, then the right edge, the bottom edge,
 * the left edge) where the badge covers no label and no earlier badge; the preferred spot if none is free.
 */
function placeBadge(m: Marker, labels: readonly Rect[], placed: readonly Rect[], bounds: Rect): Point {
  const b = m.box;
  const half = m.w / 2;
  const candidates: Point[] = [];
  const along = (from: number, to: number, stepBy: number, at: (v: number) => Point) => {
    if (from <= to) for (let v = from; v <= to; v += stepBy) candidates.push(at(v));
    else for (let v = from; v >= to; v -= stepBy) candidates.push(at(v));
  };
  const right = b.x + b.w - half - 4;
  const left = b.x + half + 4;
  along(right, left, 6, (x) => ({ x, y: b.y + 1 }));
  along(b.y + BADGE_H, b.y + b.h - BADGE_H / 2, 6, (y) => ({ x: b.x + b.w - 1, y }));
  along(right, left, 6, (x) => ({ x, y: b.y + b.h - 1 }));
  along(b.y + BADGE_H, b.y + b.h - BADGE_H / 2, 6, (y) => ({ x: b.x + 1, y }));
  // Wider rings just outside the box, for crowded boxes.
  along(b.x + b.w + half + 2, b.x - half - 2, 6, (x) => ({ x, y: b.y - BADGE_H / 2 - 3 }));
  along(b.x + b.w + half + 2, b.x - half - 2, 6, (x) => ({ x, y: b.y + b.h + BADGE_H / 2 + 3 }));
  const fits = (p: Point) => {
    const r = { x: p.x - half, y: p.y - BADGE_H / 2, w: m.w, h: BADGE_H };
    if (r.x < bounds.x || r.y < bounds.y || r.x + r.w > bounds.x + bounds.w || r.y + r.h > bounds.y + bounds.h) return false;
    const clear = inflate(r, BADGE_CLEAR);
    return !labels.some((l) => intersects(clear, l)) && !placed.some((o) => intersects(clear, o));
  };
  return candidates.find(fits) ?? candidates[0]!;
}

/** The box of an element, or of its nearest drawn ancestor when it was merged away. */
function anchorBox(laid: Laid, id: string): Box | undefined {
  const direct = laid.byId.get(id);
  if (direct !== undefined) return direct;
  for (const [key, box] of laid.byId) if (key.startsWith(`${id}+`)) return box;
  return undefined;
}

/** A polyline ending at the target badge's edge, with an arrowhead, over a white halo. */
function arrow(points: readonly Point[], target: Marker): SvgElement[] {
  const end = clipAtBadge(points, badgeRect(target));
  if (end.length < 2) return [];
  const d = end.map((p, i) => `${i === 0 ? 'M' : 'L'}${fmt(p.x)} ${fmt(p.y)}`).join('');
  const [p, q] = [end[end.length - 2]!, end[end.length - 1]!];
  const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
  const ux = (q.x - p.x) / len;
  const uy = (q.y - p.y) / len;
  const size = 8;
  const head = [
    [q.x, q.y],
    [q.x - ux * size - uy * size * 0.5, q.y - uy * size + ux * size * 0.5],
    [q.x - ux * size + uy * size * 0.5, q.y - uy * size - ux * size * 0.5],
  ]
    .map(([x, y]) => `${fmt(x!)},${fmt(y!)}`)
    .join(' ');
  const color = target.failed ? FAILED : PATH;
  return [
    el('path', { d, fill: 'none', stroke: '#ffffff', 'stroke-width': 5, 'stroke-opacity': 0.85, 'stroke-linejoin': 'round', class: 'halo' }),
    el('path', { d, fill: 'none', stroke: color, 'stroke-width': 2, 'stroke-linejoin': 'round', class: 'route' }),
    el('polygon', { points: head, fill: color }),
  ];
}

/** Cut the polyline where it enters the target badge (plus 2 px), so the arrowhead touches its edge. */
function clipAtBadge(points: readonly Point[], badge: Rect): Point[] {
  const r = inflate(badge, 2);
  const inside = (p: Point) => p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
  let i = points.length - 1;
  while (i >= 0 && inside(points[i]!)) i--;
  if (i < 0) return [];
  const a = points[i]!;
  const b = points[i + 1]!;
  // Segments are axis-parallel: the entry point is on the side facing a.
  let entry: Point;
  if (a.y === b.y) entry = { x: a.x < b.x ? r.x : r.x + r.w, y: a.y };
  else if (a.x === b.x) entry = { x: a.x, y: a.y < b.y ? r.y : r.y + r.h };
  else entry = b;
  return [...points.slice(0, i + 1), entry];
}

function fmt(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r === 0 ? '0' : String(r);
}
