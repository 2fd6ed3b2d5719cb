// The viewer's zoom arithmetic (viz/viewer/zoom.ts): what a reader relies on when zooming a panel —
// the view never leaves the drawing, never distorts it, never zooms past the limits, and the point
// under the pointer stays put wherever the drawing's edge does not force a shift.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampInto, formatViewBox, MAX_ZOOM, panBy, parseViewBox, zoomAt, zoomOf, type ViewBox } from '../../viz/viewer/zoom.js';

const base: ViewBox = { x: 0, y: 0, w: 1200, h: 800 };
const close = (a: number, b: number) => Math.abs(a - b) < 1e-6;
const inside = (v: ViewBox, b: ViewBox) => v.x >= b.x - 1e-9 && v.y >= b.y - 1e-9 && v.x + v.w <= b.x + b.w + 1e-9 && v.y + v.h <= b.y + b.h + 1e-9;

const frac = fc.double({ min: 0, max: 1, noNaN: true });
const factor = fc.double({ min: 0.1, max: 10, noNaN: true });
const steps = fc.array(fc.tuple(factor, frac, frac), { maxLength: 12 });

describe('zoom arithmetic', () => {
  it('by hand: 2× about the centre of the fitted 1200 × 800 drawing shows its middle 600 × 400', () => {
    expect(zoomAt(base, base, 2)).toEqual({ x: 300, y: 200, w: 600, h: 400 });
    // 2× about the top-left corner keeps the corner: the top-left quarter.
    expect(zoomAt(base, base, 2, 0, 0)).toEqual({ x: 0, y: 0, w: 600, h: 400 });
    // Zooming out of the fitted drawing stays fitted; panning it moves nothing.
    expect(zoomAt(base, base, 0.5)).toEqual(base);
    expect(panBy(base, base, 50, -20)).toEqual(base);
  });

  it('always inside the drawing, never distorted, zoom within [1, MAX_ZOOM]', () => {
    fc.assert(
      fc.property(steps, fc.double({ min: -2000, max: 2000, noNaN: true }), fc.double({ min: -2000, max: 2000, noNaN: true }), (zooms, dx, dy) => {
        let view = base;
        for (const [f, fx, fy] of zooms) view = zoomAt(view, base, f, fx, fy);
        view = panBy(view, base, dx, dy);
        const zoom = zoomOf(view, base);
        return inside(view, base) && close(view.w / view.h, base.w / base.h) && zoom >= 1 - 1e-9 && zoom <= MAX_ZOOM + 1e-9;
      }),
      { numRuns: 300 },
    );
  });

  it('the point under the pointer stays under it unless the drawing edge forces a shift', () => {
    fc.assert(
      fc.property(steps, factor, frac, frac, (zooms, f, fx, fy) => {
        let view = base;
        for (const [g, gx, gy] of zooms) view = zoomAt(view, base, g, gx, gy);
        const next = zoomAt(view, base, f, fx, fy);
        const before = { x: view.x + fx * view.w, y: view.y + fy * view.h };
        const after = { x: next.x + fx * next.w, y: next.y + fy * next.h };
        const unclamped = { x: before.x - fx * next.w, y: before.y - fy * next.h, w: next.w, h: next.h };
        const forced = !inside(unclamped, base);
        return forced || (close(before.x, after.x) && close(before.y, after.y));
      }),
      { numRuns: 300 },
    );
  });

  it('clamps and parses', () => {
    expect(clampInto({ x: -50, y: 900, w: 600, h: 400 }, base)).toEqual({ x: 0, y: 400, w: 600, h: 400 });
    expect(parseViewBox('0 0 1200 800')).toEqual(base);
    expect(parseViewBox(formatViewBox({ x: 1.234, y: 5, w: 10, h: 20 }))).toEqual({ x: 1.23, y: 5, w: 10, h: 20 });
    for (const bad of [null, '', '0 0 10', '0 0 0 10', '0 0 a 10', '0 0 10 -1']) expect(parseViewBox(bad)).toBeNull();
  });
});
