// Nested-box layout: containers stack their children (stretched to one width), wrap them left to
// right, or split their width into equal columns; leaves are sized from their text. Built on a d3
// hierarchy (for the tree walk and the parent links the path overlay uses). Integer coordinates only,
// so the same input always lays out the same.

import { hierarchy, type HierarchyNode } from 'd3';
import type { DiagramElement, DiagramState, ElementReach } from '../../src/report/diagram-types.js';
import { pillsOf, present, type Presented } from './present.js';
import { textWidth, type Font } from '../svg/text.js';

export interface RoleStyle {
  readonly pad: number;
  readonly gap: number;
  readonly label: Font;
  readonly detail: Font;
  readonly minW: number;
  readonly maxW: number;
  /** Fixed height of a leaf box; containers grow with their content. */
  readonly leafH: number | null;
}

const FONT = (size: number, bold = false): Font => ({ size, bold });

const CONTAINER = (pad: number, gap: number, label: number, minW = 160): RoleStyle => ({
  pad,
  gap,
  label: FONT(label, true),
  detail: FONT(11),
  minW,
  maxW: Infinity,
  leafH: null,
});

export const STYLES: Readonly<Record<DiagramElement['role'], RoleStyle>> = {
  canvas: { ...CONTAINER(0, 18, 0, 0) },
  outside: CONTAINER(10, 8, 12.5),
  organization: CONTAINER(12, 12, 15),
  tenant: CONTAINER(12, 12, 15),
  subscription: CONTAINER(10, 10, 13.5),
  pool: CONTAINER(10, 10, 13.5),
  host: CONTAINER(10, 8, 13),
  section: { pad: 0, gap: 8, label: FONT(10), detail: FONT(10), minW: 0, maxW: Infinity, leafH: null },
  vm: { pad: 8, gap: 6, label: FONT(12, true), detail: FONT(10.5), minW: 140, maxW: 420, leafH: null },
  card: { pad: 7, gap: 5, label: FONT(12, true), detail: FONT(10.5), minW: 120, maxW: 300, leafH: null },
  chip: { pad: 7, gap: 0, label: FONT(11), detail: FONT(10), minW: 36, maxW: 260, leafH: 22 },
  network: { pad: 8, gap: 0, label: FONT(11.5), detail: FONT(10), minW: 60, maxW: 260, leafH: 26 },
  data: { pad: 8, gap: 0, label: FONT(12, true), detail: FONT(10.5), minW: 130, maxW: 280, leafH: 44 },
  extra: { pad: 8, gap: 0, label: FONT(12, true), detail: FONT(10.5), minW: 100, maxW: 280, leafH: 40 },
  summary: { pad: 10, gap: 0, label: FONT(13, true), detail: FONT(11), minW: 180, maxW: 460, leafH: 46 },
};

/** Profile containers sit inside a user box as compact chips. */
const PROFILE_CHIP: RoleStyle = { ...STYLES.chip, leafH: 22 };
export const DATA_ICON = 14;
export const PILL: Font = FONT(9.5, true);
export const PILL_H = 14;

export interface Box {
  readonly el: DiagramElement;
  readonly p: Presented;
  readonly style: RoleStyle;
  readonly compact: boolean;
  x: number;
  y: number;
  w: number;
  h: number;
  headerH: number;
  readonly children: Box[];
}

export interface Laid {
  readonly root: Box;
  readonly byId: ReadonlyMap<string, Box>;
  /** The d3 hierarchy over the laid boxes (parent links for anchors). */
  readonly tree: HierarchyNode<Box>;
}

export function styleOf(el: DiagramElement): { style: RoleStyle; compact: boolean } {
  const compact = el.role === 'data' && el.location === 'fslogixProfile';
  return { style: compact ? PROFILE_CHIP : STYLES[el.role], compact };
}

export function pillWidth(text: string): number {
  return Math.ceil(textWidth(text, PILL)) + 10;
}

/** Width of the header line: title, then tag pills, then failed-wall pills. */
export function headerLineWidth(p: Presented, style: RoleStyle): number {
  let w = Math.ceil(textWidth(p.title, style.label));
  for (const pill of pillsOf(p)) w += 5 + pillWidth(pill.text);
  return w;
}

export function detailLine(p: Presented): string | null {
  const parts = [p.detail, p.note].filter((s): s is string => s !== null && s !== '');
  return parts.length === 0 ? null : parts.join(' · ');
}

export function layout(root: DiagramElement, state: DiagramState, reach: Readonly<Record<string, ElementReach>>, width: number): Laid {
  const failed = new Set(state.failedInstances);
  const withReach: DiagramState = { ...state, reach };
  const measure = (el: DiagramElement, maxW: number): Box => {
    const { style, compact } = styleOf(el);
    const p = present(el, withReach, failed);
    const box: Box = { el, p, style, compact, x: 0, y: 0, w: 0, h: 0, headerH: 0, children: [] };
    if (style.leafH !== null && el.children.length === 0) return sizeLeaf(box, maxW);
    const headerW = header(box);
    const limit = Math.min(maxW, style.maxW);
    const inner = Math.max(0, limit - 2 * style.pad);
    const kids = el.children;
    let contentW = 0;
    let contentH = 0;
    if (kids.length > 0) {
      if (el.arrange === 'columns' && kids.length > 1 && kids.length <= 3) {
        const colW = Math.floor((inner - style.gap * (kids.length - 1)) / kids.length);
        const laid = kids.map((k) => measure(k, colW));
        const rowH = Math.max(...laid.map((b) => b.h));
        laid.forEach((b, i) => {
          b.x = i * (colW + style.gap);
          b.y = 0;
          b.w = colW;
          b.h = rowH;
        });
        box.children.push(...laid);
        contentW = inner;
        contentH = rowH;
      } else if (el.arrange === 'stack' || el.arrange === 'columns') {
        const laid = kids.map((k) => measure(k, inner));
        let y = 0;
        for (const b of laid) {
          b.x = 0;
          b.y = y;
          y += b.h + style.gap;
        }
        box.children.push(...laid);
        contentW = Math.max(...laid.map((b) => b.w));
        contentH = y - style.gap;
      } else {
        const laid = kids.map((k) => measure(k, inner));
        let x = 0;
        let y = 0;
        let rowH = 0;
        for (const b of laid) {
          if (x > 0 && x + b.w > inner) {
            x = 0;
            y += rowH + style.gap;
            rowH = 0;
          }
          b.x = x;
          b.y = y;
          x += b.w + style.gap;
          rowH = Math.max(rowH, b.h);
          contentW = Math.max(contentW, x - style.gap);
        }
        box.children.push(...laid);
        contentH = y + rowH;
      }
    }
    const natural = Math.max(contentW + 2 * style.pad, headerW, style.minW);
    box.w = el.role === 'canvas' ? maxW : Math.min(Math.ceil(natural), limit);
    stretchChildren(box);
    box.h = box.headerH + contentH + (kids.length > 0 ? style.pad : 0);
    if (kids.length === 0) box.h = Math.max(box.h, box.headerH + 2);
    return box;
  };
  const rootBox = measure(root, width);
  place(rootBox, 0, 0);
  const tree = hierarchy(rootBox, (b) => b.children);
  const byId = new Map<string, Box>();
  tree.each((n) => void byId.set(n.data.el.id, n.data));
  return { root: rootBox, byId, tree };
}

function stretches(el: DiagramElement): boolean {
  return ['organization', 'tenant', 'subscription', 'pool', 'section'].includes(el.role);
}

/** Block layout: in a stack, nested containers and sections span the full inner width, all the way down. */
function stretchChildren(box: Box): void {
  const stacked = box.el.arrange === 'stack' || (box.el.arrange === 'columns' && (box.children.length < 2 || box.children.length > 3));
  if (!stacked) return;
  for (const child of box.children) {
    if (!stretches(child.el)) continue;
    const width = box.w - 2 * box.style.pad;
    if (child.w === width) continue;
    child.w = width;
    stretchChildren(child);
  }
}

/** Extra room a box's header needs for the organization stripe on its left edge. */
export function stripeInset(el: DiagramElement): number {
  return el.role === 'card' || el.role === 'summary' || (el.role === 'vm' && el.organization !== null) ? 5 : 0;
}

/** Header height and width; sets box.headerH. */
function header(box: Box): number {
  const { style, p, el } = box;
  if (el.role === 'canvas') {
    box.headerH = 0;
    return 0;
  }
  if (el.role === 'section') {
    box.headerH = p.title === '' ? 0 : 18;
    return p.title === '' ? 0 : Math.ceil(textWidth(p.title.toUpperCase(), style.label)) + 8;
  }
  const detail = detailLine(p);
  box.headerH = style.pad + Math.ceil(style.label.size) + (detail === null ? 0 : 4 + Math.ceil(style.detail.size)) + 8;
  const detailW = detail === null ? 0 : Math.ceil(textWidth(detail, style.detail));
  return 2 * style.pad + stripeInset(el) + Math.max(headerLineWidth(p, style), detailW);
}

function sizeLeaf(box: Box, maxW: number): Box {
  const { style, p, el, compact } = box;
  const detail = detailLine(p);
  let content: number;
  if (el.role === 'data' && !compact) {
    content = DATA_ICON + 8 + Math.max(headerLineWidth(p, style), detail === null ? 0 : textWidth(detail, style.detail));
  } else if (el.role === 'extra' || el.role === 'summary') {
    content = stripeInset(el) + Math.max(headerLineWidth(p, style), detail === null ? 0 : textWidth(detail, style.detail));
  } else {
    // One line: [icon] title, tags, failed pills, then the note.
    content = (compact ? DATA_ICON - 2 : 0) + headerLineWidth(p, style) + (p.note === null ? 0 : 6 + textWidth(p.note, FONT(9.5)));
  }
  box.w = Math.min(Math.max(Math.ceil(content + 2 * style.pad), style.minW), style.maxW, maxW);
  box.h = style.leafH!;
  box.headerH = box.h;
  return box;
}

function place(box: Box, x: number, y: number): void {
  box.x += x;
  box.y += y;
  const ox = box.x + box.style.pad;
  const oy = box.y + box.headerH;
  for (const child of box.children) place(child, ox, oy);
}
