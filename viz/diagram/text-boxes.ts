// Where the labels of a drawn SVG tree sit: the rectangle each <text> covers, estimated from the same
// font metrics the layout sizes boxes with (ascent and descent of Liberation Sans/Arial, anchors,
// letter-spacing), and of the data-store icons. Badges and arrows are placed and routed around these rectangles.

import type { SvgElement, SvgNode } from '../svg/tree.js';
import { isText } from '../svg/tree.js';
import { textWidth } from '../svg/text.js';
import type { Rect } from './route.js';

/** Ascent and descent of Liberation Sans as a share of the font size (what a browser's bbox spans). */
const ASCENT = 0.91;
const DESCENT = 0.22;
/** Slack for the difference between our advance table and the browser's shaping. */
const WIDTH_SLACK = 1.04;

export function textBoxes(node: SvgNode, out: Rect[] = []): Rect[] {
  if (isText(node)) return out;
  if (node.tag === 'title') return out;
  if (node.tag === 'text') {
    const box = textBox(node);
    if (box !== null) out.push(box);
    return out;
  }
  if (node.tag === 'g' && node.attrs.some(([k, v]) => k === 'class' && v === 'icon')) {
    const ellipse = node.children.find((c): c is SvgElement => !isText(c) && c.tag === 'ellipse');
    if (ellipse !== undefined) out.push(iconBox(ellipse));
    return out;
  }
  for (const child of node.children) textBoxes(child, out);
  return out;
}

/** A data-store cylinder, from its top ellipse: 14 × 16 at scale 1 (see render.ts `cylinder`). */
function iconBox(ellipse: SvgElement): Rect {
  const attrs = new Map(ellipse.attrs);
  const rx = Number(attrs.get('rx'));
  const top = Number(attrs.get('cy')) - Number(attrs.get('ry'));
  return { x: Number(attrs.get('cx')) - rx, y: top, w: 2 * rx, h: (2 * rx * 16) / 14 + 1 };
}

function textBox(node: SvgElement): Rect | null {
  const attrs = new Map(node.attrs);
  const content = node.children.map((c) => (isText(c) ? c.text : '')).join('');
  if (content === '') return null;
  const size = Number(attrs.get('font-size') ?? 12);
  const bold = attrs.get('font-weight') === 'bold';
  const spacing = Number(attrs.get('letter-spacing') ?? 0);
  const w = textWidth(content, { size, bold }) * WIDTH_SLACK + spacing * [...content].length;
  const x = Number(attrs.get('x') ?? 0);
  const y = Number(attrs.get('y') ?? 0);
  const anchor = attrs.get('text-anchor');
  const left = anchor === 'middle' ? x - w / 2 : anchor === 'end' ? x - w : x;
  return { x: left, y: y - ASCENT * size, w, h: (ASCENT + DESCENT) * size };
}
