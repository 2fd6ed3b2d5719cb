// The blast-radius diagram as an SVG element tree: a caption with the headline, the deployment drawn
// as nested boxes (organizations by colour, reached boxes shaded, failed boundaries as broken red
// walls, the foothold outlined), the numbered explanation path on top, and a side panel with the
// per-organization reach, the path spelled out step by step, and a legend. No DOM, no randomness.

import type { DiagramState, DiagramStructure, PathStep } from '../../src/report/diagram-types.js';
import { el, serialize, type SvgElement, type SvgNode } from '../svg/tree.js';
import { textWidth, truncate, wrap, type Font } from '../svg/text.js';
import { collapseForState } from './collapse.js';
import { focusForState } from './focus.js';
import { DATA_ICON, PILL, PILL_H, detailLine, headerLineWidth, layout, pillWidth, stripeInset, type Box, type Laid } from './layout.js';
import {
  ACCESSED_FILL,
  CLASSIFICATION_COLOR,
  FAILED,
  FAINT,
  FOOTHOLD,
  INK,
  MUTED,
  PATH,
  REACHED,
  REACHED_FILL,
  REACHED_FILL_PARTIAL,
  palette,
  type Palette,
} from './palette.js';
import { pillsOf, reachedShare, type Pill } from './present.js';
import { pathOverlay } from './path-overlay.js';
import { textBoxes } from './text-boxes.js';

export interface DiagramOptions {
  /** Total width in px (default 1480). */
  readonly width?: number;
  /** Headline, facts and description above the diagram (default true). */
  readonly caption?: boolean;
  /** Reach table, numbered path and legend beside the diagram (default true). */
  readonly sidePanel?: boolean;
  /**
   * Focus layout (default false): organizations off the attack path collapse to summary boxes, and the
   * drawing is scaled down, if it must be, to fit `width` × 9/16 of it (16:9, a slide).
   */
  readonly focus?: boolean;
}

export const FONT_FAMILY = "Arial, 'Liberation Sans', Helvetica, sans-serif";
const MARGIN = 24;
const CONTAINERS: ReadonlySet<string> = new Set(['outside', 'organization', 'tenant', 'subscription', 'pool', 'host']);
const PANEL_W = 380;
const GAP = 28;

export function renderDiagramSvg(structure: DiagramStructure, state: DiagramState, options: DiagramOptions = {}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(renderDiagram(structure, state, options))}\n`;
}

export function renderDiagram(structure: DiagramStructure, state: DiagramState, options: DiagramOptions = {}): SvgElement {
  const width = options.width ?? 1480;
  const withPanel = options.sidePanel ?? true;
  const pal = palette(structure.organizations);
  const parts: SvgNode[] = [];

  let top = MARGIN;
  if (options.caption ?? true) {
    const caption = captionBlock(structure, state, width - 2 * MARGIN);
    parts.push(translate(MARGIN, top, caption.nodes));
    top += caption.height + 18;
  }
  const diagramW = withPanel ? width - 2 * MARGIN - PANEL_W - GAP : width - 2 * MARGIN;
  const focused = options.focus === true ? focusForState(structure.root, state, new Set(structure.organizations.flatMap((o) => o.dataNodes))) : null;
  const collapsed = focused === null ? collapseForState(structure.root, state) : collapseForState(focused.root, { ...state, reach: focused.reach });
  const laid = layout(collapsed.root, state, collapsed.reach, diagramW);
  const failed = new Set(state.failedInstances);
  const boxes = drawBox(laid.root, pal, failed);
  const bounds = { x: 4 - MARGIN, y: -14, w: diagramW + MARGIN - 4 + (withPanel ? GAP - 6 : MARGIN - 4), h: laid.root.h + 14 + MARGIN - 4 };
  const diagram: SvgNode[] = [
    boxes,
    el('g', { class: 'footholds' }, state.footholdElements.flatMap((id) => footholdMark(laid, id))),
    ...pathOverlay(laid, state.path.steps, textBoxes(boxes), bounds),
  ];
  parts.push(translate(MARGIN, top, diagram));
  let height = top + laid.root.h;
  if (withPanel) {
    const panel = sidePanel(structure, state, pal);
    parts.push(translate(width - MARGIN - PANEL_W, top, panel.nodes));
    height = Math.max(height, top + panel.height);
  }
  height += MARGIN;
  // A slide is 16:9: a focus drawing taller than that is scaled down as a whole (its viewBox keeps the layout).
  const slideH = Math.round((width * 9) / 16);
  const scale = options.focus === true && height > slideH ? slideH / height : 1;
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: Math.floor(width * scale),
      height: Math.floor(height * scale),
      viewBox: `0 0 ${width} ${height}`,
      'font-family': FONT_FAMILY,
      role: 'img',
    },
    [el('title', {}, [`${state.headline} (${state.title})`]), el('rect', { width, height, fill: '#ffffff' }), ...parts],
  );
}

function translate(x: number, y: number, children: readonly SvgNode[]): SvgElement {
  return el('g', { transform: `translate(${x},${y})` }, children);
}

function text(x: number, y: number, content: string, font: Font, attrs: Record<string, string | number | undefined> = {}): SvgElement {
  return el('text', { x, y, 'font-size': font.size, 'font-weight': font.bold === true ? 'bold' : undefined, fill: INK, ...attrs }, [content]);
}

function captionBlock(structure: DiagramStructure, state: DiagramState, width: number): { nodes: SvgNode[]; height: number } {
  const nodes: SvgNode[] = [];
  let y = 14;
  nodes.push(text(0, y, state.title, { size: 13 }, { fill: MUTED }));
  y += 10;
  const headFont: Font = { size: 23, bold: true };
  for (const line of wrap(state.headline, width, headFont, 3)) {
    y += 29;
    nodes.push(text(0, y, line, headFont, { class: 'headline' }));
  }
  y += 22;
  nodes.push(text(0, y, truncate(state.facts.join('   ·   '), width, { size: 12.5 }), { size: 12.5 }, { fill: MUTED }));
  const description = structure.description.trim();
  if (description !== '') {
    for (const line of wrap(description, width, { size: 11.5 }, 2)) {
      y += 17;
      nodes.push(text(0, y, line, { size: 11.5 }, { fill: FAINT, 'font-style': 'italic' }));
    }
  }
  return { nodes, height: y + 4 };
}

/** One box and everything inside it. */
function drawBox(box: Box, pal: Palette, failed: ReadonlySet<string>): SvgElement {
  const { el: e, p, style } = box;
  const children = box.children.map((c) => drawBox(c, pal, failed));
  if (e.role === 'canvas') return el('g', { class: 'canvas' }, children);
  if (e.role === 'section') {
    const label = p.title === '' ? [] : [text(box.x + 1, box.y + 11, truncate(p.title.toUpperCase(), box.w, style.label), style.label, { fill: MUTED, 'letter-spacing': 0.6 })];
    return el('g', { 'data-el': e.id, class: 'section' }, [...label, ...children]);
  }

  const orgColor = pal.org(e.organization);
  const share = reachedShare(p.reach);
  const controlled = p.reach?.controlled === true;
  const broken = p.failed.length > 0;
  const container = CONTAINERS.has(e.role);
  const radius = container ? 8 : e.role === 'chip' || box.compact ? 3 : 5;

  let fill = '#ffffff';
  if (container) fill = share > 0 ? REACHED_FILL_PARTIAL : e.organization === null ? '#f7f8fa' : pal.tint(orgColor, 0.07);
  else if (share > 0) fill = !controlled && p.reach!.access.length > 0 ? ACCESSED_FILL : share >= 1 ? REACHED_FILL : REACHED_FILL_PARTIAL;
  else if (e.role === 'chip' || e.role === 'network') fill = '#f5f7fa';

  let stroke = e.role === 'vm' ? '#3e4c59' : e.role === 'chip' || e.role === 'network' ? '#bcccdc' : orgColor;
  if (e.role === 'data') stroke = CLASSIFICATION_COLOR[e.classification ?? 'confidential'] ?? orgColor;
  if ((e.role === 'chip' || e.role === 'network') && share > 0) stroke = '#e09a92';
  const strokeWidth = broken ? 2.5 : e.role === 'tenant' || e.role === 'organization' ? 2 : e.role === 'chip' || e.role === 'network' ? 1 : 1.5;

  const parts: SvgNode[] = [el('title', {}, [tooltip(box, failed)])];
  parts.push(
    el('rect', {
      x: box.x,
      y: box.y,
      width: box.w,
      height: box.h,
      rx: radius,
      fill,
      stroke: broken ? FAILED : stroke,
      'stroke-width': strokeWidth,
      'stroke-dasharray': broken ? '9 5' : undefined,
      class: broken ? 'wall broken' : 'wall',
    }),
  );
  if (e.role === 'card' || e.role === 'summary' || (e.role === 'vm' && e.organization !== null)) {
    parts.push(el('rect', { x: box.x + 1.5, y: box.y + 1.5, width: 4, height: box.h - 3, rx: 2, fill: orgColor }));
  }
  if (share > 0 && share < 1 && !box.compact && e.role !== 'chip') {
    parts.push(el('rect', { x: box.x + 2, y: box.y + box.h - 5, width: Math.round((box.w - 4) * share), height: 3, rx: 1.5, fill: REACHED }));
  }

  if (style.leafH !== null && e.children.length === 0) parts.push(...leafContent(box, pal));
  else parts.push(...headerContent(box, pal, container));
  return el('g', { 'data-el': e.id, class: `box ${e.role}${share > 0 ? ' reached' : ''}${broken ? ' broken' : ''}` }, [...parts, ...children]);
}

function tooltip(box: Box, failed: ReadonlySet<string>): string {
  const { el: e, p } = box;
  const lines = [p.title, ...(detailLine(p) === null ? [] : [detailLine(p)!])];
  if (p.reach !== null) lines.push(p.reach.reached === 0 ? 'not reached' : `reached ${p.reach.reached} of ${p.reach.total}`);
  const broken = e.walls.filter((w) => failed.has(w));
  if (broken.length > 0) lines.push(`failed: ${broken.join(', ')}`);
  return lines.join('\n');
}

/** Title line (with tag and failed-wall pills) and detail line of a container, VM or user box. */
function headerContent(box: Box, pal: Palette, container: boolean): SvgNode[] {
  const { p, style, el: e } = box;
  const out: SvgNode[] = [];
  const inset = stripeInset(e);
  const x = box.x + style.pad + inset;
  const avail = box.w - 2 * style.pad - inset;
  const baseline = box.y + style.pad + Math.round(style.label.size * 0.85);
  const pills = pillsOf(p);
  const pillsW = pills.reduce((w, pill) => w + 5 + pillWidth(pill.text), 0);
  const title = truncate(p.title, Math.max(24, avail - pillsW), style.label);
  out.push(text(x, baseline, title, style.label, { fill: container ? titleInk(e.organization, pal) : INK }));
  let px = x + Math.ceil(textWidth(title, style.label)) + 5;
  for (const pill of pills) {
    out.push(...drawPill(px, baseline - PILL_H + 3, pill.text, pillColor(pill, e.role === 'card' ? pal.org(e.organization) : MUTED)));
    px += pillWidth(pill.text) + 5;
  }
  const detail = detailLine(p);
  if (detail !== null) {
    out.push(text(x, baseline + 4 + Math.ceil(style.detail.size), truncate(detail, avail, style.detail), style.detail, { fill: p.note !== null ? REACHED : MUTED }));
  }
  return out;
}

function pillColor(pill: Pill, tagColor: string): string {
  return pill.kind === 'failed' ? FAILED : pill.kind === 'foothold' ? FOOTHOLD : tagColor;
}

function titleInk(org: string | null, pal: Palette): string {
  return org === null ? INK : pal.org(org) === '#edc949' ? INK : pal.org(org);
}

function drawPill(x: number, y: number, label: string, color: string): SvgNode[] {
  const w = pillWidth(label);
  return [
    el('rect', { x, y, width: w, height: PILL_H, rx: 7, fill: color }),
    text(x + w / 2, y + PILL_H - 3.5, label, PILL, { fill: '#ffffff', 'text-anchor': 'middle' }),
  ];
}

/** Chips, networks, data stores and extra nodes: icon, label, pills and note on one or two lines. */
function leafContent(box: Box, pal: Palette): SvgNode[] {
  const { p, style, el: e } = box;
  const out: SvgNode[] = [];
  let x = box.x + style.pad;
  const avail = box.w - 2 * style.pad;
  if (e.role === 'data' && !box.compact) {
    out.push(...cylinder(x, box.y + (box.h - 16) / 2, e.classification ?? 'confidential'));
    x += DATA_ICON + 8;
    const w = avail - DATA_ICON - 8;
    out.push(text(x, box.y + 18, truncate(p.title, w, style.label), style.label));
    const detail = detailLine(p);
    if (detail !== null) {
      out.push(text(x, box.y + 33, truncate(detail, w, style.detail), style.detail, { fill: p.note !== null ? REACHED : CLASSIFICATION_COLOR[e.classification ?? 'confidential'] }));
    }
    return out;
  }
  if (e.role === 'extra') {
    out.push(text(x, box.y + 16, truncate(p.title, avail, style.label), style.label));
    if (p.detail !== null) out.push(text(x, box.y + 31, truncate(p.detail, avail, style.detail), style.detail, { fill: MUTED }));
    return out;
  }
  if (e.role === 'summary') {
    const inset = stripeInset(e);
    out.push(text(x + inset, box.y + 19, truncate(p.title, avail - inset, style.label), style.label, { fill: titleInk(e.organization, pal) }));
    const reached = (p.reach?.reached ?? 0) > 0;
    if (p.detail !== null) out.push(text(x + inset, box.y + 35, truncate(p.detail, avail - inset, style.detail), style.detail, { fill: reached ? REACHED : MUTED }));
    return out;
  }
  const baseline = box.y + Math.round(box.h / 2 + style.label.size * 0.35);
  if (box.compact) {
    out.push(...cylinder(x - 2, box.y + 4, e.classification ?? 'confidential', 0.8));
    x += DATA_ICON - 2;
  }
  const pills = pillsOf(p);
  const pillsW = pills.reduce((w, pill) => w + 5 + pillWidth(pill.text), 0);
  const noteFont: Font = { size: 9.5 };
  const noteW = p.note === null ? 0 : 6 + Math.ceil(textWidth(p.note, noteFont));
  const label = truncate(p.title, Math.max(20, box.x + box.w - style.pad - x - pillsW - noteW), style.label);
  out.push(text(x, baseline, label, style.label, { fill: e.role === 'data' ? CLASSIFICATION_COLOR[e.classification ?? 'confidential'] : INK }));
  x += Math.ceil(textWidth(label, style.label)) + 5;
  for (const pill of pills) {
    out.push(...drawPill(x, box.y + (box.h - PILL_H) / 2, pill.text, pillColor(pill, MUTED)));
    x += pillWidth(pill.text) + 5;
  }
  if (p.note !== null) out.push(text(x + 1, baseline - 0.5, p.note, noteFont, { fill: REACHED }));
  void pal;
  return out;
}

function cylinder(x: number, y: number, classification: string, scale = 1): SvgNode[] {
  const color = CLASSIFICATION_COLOR[classification] ?? MUTED;
  const w = 14 * scale;
  const h = 16 * scale;
  const ry = 2.5 * scale;
  return [
    el('g', { class: 'icon' }, [
      el('path', {
        d: `M${x} ${y + ry}v${h - 2 * ry}a${w / 2} ${ry} 0 0 0 ${w} 0v${-(h - 2 * ry)}`,
        fill: '#ffffff',
        stroke: color,
        'stroke-width': 1.3,
      }),
      el('ellipse', { cx: x + w / 2, cy: y + ry, rx: w / 2, ry, fill: color }),
    ]),
  ];
}

function footholdMark(laid: Laid, id: string): SvgNode[] {
  const box = laid.byId.get(id);
  if (box === undefined) return [];
  return [el('rect', { x: box.x - 3, y: box.y - 3, width: box.w + 6, height: box.h + 6, rx: 7, fill: 'none', stroke: FOOTHOLD, 'stroke-width': 3 })];
}

function sidePanel(structure: DiagramStructure, state: DiagramState, pal: Palette): { nodes: SvgNode[]; height: number } {
  const nodes: SvgNode[] = [];
  const W = PANEL_W;
  let y = 0;
  const heading = (label: string) => {
    nodes.push(text(0, y + 12, label.toUpperCase(), { size: 10.5, bold: true }, { fill: MUTED, 'letter-spacing': 0.8 }));
    nodes.push(el('line', { x1: 0, y1: y + 18, x2: W, y2: y + 18, stroke: '#d9e2ec', 'stroke-width': 1 }));
    y += 30;
  };

  heading('Reach by organization');
  for (const org of state.organizations) {
    const exposed = !org.attacker && org.dataReached > 0;
    nodes.push(el('rect', { x: 0, y: y - 10, width: 12, height: 12, rx: 2, fill: pal.org(org.id) }));
    const count = `${org.dataReached}/${org.dataTotal} data`;
    const countFont: Font = { size: 12.5, bold: true };
    nodes.push(text(W, y, count, countFont, { fill: exposed ? REACHED : org.dataReached > 0 ? INK : MUTED, 'text-anchor': 'end' }));
    const nameW = W - 22 - Math.ceil(textWidth(count, countFont)) - 10;
    nodes.push(text(20, y, truncate(org.name, nameW, { size: 12.5, bold: true }), { size: 12.5, bold: true }));
    y += 15;
    const role = org.attacker ? 'attacker’s organization' : exposed ? 'EXPOSED to another organization' : org.dataReached > 0 ? 'reached' : 'not reached';
    nodes.push(text(20, y, `${org.id} · ${role}`, { size: 11 }, { fill: exposed ? REACHED : MUTED }));
    y += 22;
  }
  y += 8;

  heading('Attack path');
  const target = state.path.target;
  if (target === null) {
    nodes.push(text(0, y, 'No data store is reached.', { size: 12 }, { fill: MUTED }));
    y += 22;
  } else {
    const orgName = structure.organizations.find((o) => o.id === target.organization)?.name ?? target.organization;
    for (const line of wrap(`to ${target.label} — ${target.classification} data of ${orgName}`, W, { size: 12.5, bold: true }, 3)) {
      nodes.push(text(0, y, line, { size: 12.5, bold: true }));
      y += 17;
    }
    y += 8;
    for (const step of state.path.steps) {
      const failedStep = step.instance !== null;
      nodes.push(el('rect', { x: 0, y: y - 12, width: 22, height: 18, rx: 9, fill: failedStep ? FAILED : PATH }));
      nodes.push(text(11, y + 1, `${step.step}`, { size: 10.5, bold: true }, { fill: '#ffffff', 'text-anchor': 'middle' }));
      const label = step.step === 0 ? `${step.label} (foothold)` : step.label;
      for (const line of wrap(label, W - 32, { size: 12 }, 2)) {
        nodes.push(text(30, y, line, { size: 12 }));
        y += 15;
      }
      if (failedStep) {
        nodes.push(text(30, y, truncate(`✗ ${step.instance} fails`, W - 32, { size: 11.5, bold: true }), { size: 11.5, bold: true }, { fill: FAILED }));
        y += 15;
      }
      if (step.rule !== null) {
        nodes.push(text(30, y, `rule ${step.rule}`, { size: 10 }, { fill: FAINT }));
        y += 13;
      }
      y += 6;
    }
  }
  y += 8;

  heading('Legend');
  const legendRow = (sample: SvgNode[], label: string) => {
    nodes.push(...sample);
    nodes.push(text(44, y + 4, label, { size: 11.5 }, { fill: INK }));
    y += 24;
  };
  const swatch = (fill: string, stroke: string, extra: Record<string, string | number> = {}) =>
    el('rect', { x: 0, y: y - 8, width: 34, height: 16, rx: 3, fill, stroke, 'stroke-width': 1.5, ...extra });
  legendRow([swatch(REACHED_FILL, '#52606d')], 'reached: the attacker controls it');
  legendRow([swatch(REACHED_FILL_PARTIAL, '#52606d'), el('rect', { x: 1, y: y + 4, width: 18, height: 3, fill: REACHED })], 'partly reached group (share shown by the bar)');
  legendRow([swatch(ACCESSED_FILL, '#52606d')], 'read/tamper/deny access without control');
  legendRow([swatch('#ffffff', FAILED, { 'stroke-dasharray': '9 5', 'stroke-width': 2.5 })], 'failed boundary: a broken wall');
  legendRow([swatch('#ffffff', FOOTHOLD, { 'stroke-width': 3 })], 'the attacker’s foothold');
  legendRow(
    [
      el('rect', { x: 0, y: y - 9, width: 16, height: 18, rx: 9, fill: PATH }),
      el('rect', { x: 18, y: y - 9, width: 16, height: 18, rx: 9, fill: FAILED }),
    ],
    'path step; red: crosses a failed boundary',
  );
  const classes = ['restricted', 'confidential', 'internal', 'public'];
  let cx = 0;
  for (const c of classes) {
    nodes.push(...cylinder(cx, y - 8, c));
    nodes.push(text(cx + 18, y + 4, c, { size: 11 }, { fill: CLASSIFICATION_COLOR[c] }));
    cx += 22 + Math.ceil(textWidth(c, { size: 11 })) + 12;
  }
  y += 18;
  return { nodes, height: y };
}
