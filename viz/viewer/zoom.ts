// Zoom and pan of one diagram panel, as viewBox arithmetic: pure functions over rectangles in the
// drawing's own coordinates, so a re-render (every toggle, every hover) keeps the reader's view, and
// the arithmetic is tested without a browser. The pointer and keyboard wiring is pan-zoom.ts.

/** A rectangle in drawing coordinates (px of the rendered SVG before scaling): the visible part. */
export interface ViewBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Largest magnification: 8× the fitted drawing (labels of 12 px read as 96 px; enough for any slide). */
export const MAX_ZOOM = 8;
/** One step of the +/− buttons, the keyboard and a wheel notch. */
export const ZOOM_STEP = 1.25;

/** The magnification of `view` relative to the whole drawing `base` (1 = fitted). */
export function zoomOf(view: ViewBox, base: ViewBox): number {
  return base.w / view.w;
}

/**
 * `view` magnified by `factor` (> 1 zooms in) about the point at fractions (`fx`, `fy`) ∈ [0, 1] of the
 * visible area, which stays under the pointer; the result keeps `base`'s aspect ratio, a zoom within
 * [1, MAX_ZOOM], and lies inside `base`.
 */
export function zoomAt(view: ViewBox, base: ViewBox, factor: number, fx = 0.5, fy = 0.5): ViewBox {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, zoomOf(view, base) * factor));
  const w = base.w / zoom;
  const h = base.h / zoom;
  const px = view.x + fx * view.w;
  const py = view.y + fy * view.h;
  return clampInto({ x: px - fx * w, y: py - fy * h, w, h }, base);
}

/** `view` moved by (`dx`, `dy`) drawing units, kept inside `base`. */
export function panBy(view: ViewBox, base: ViewBox, dx: number, dy: number): ViewBox {
  return clampInto({ ...view, x: view.x + dx, y: view.y + dy }, base);
}

/** `view` moved (not resized) so that it lies inside `base`; a view as large as `base` becomes `base`. */
export function clampInto(view: ViewBox, base: ViewBox): ViewBox {
  const w = Math.min(view.w, base.w);
  const h = Math.min(view.h, base.h);
  const x = Math.min(Math.max(view.x, base.x), base.x + base.w - w);
  const y = Math.min(Math.max(view.y, base.y), base.y + base.h - h);
  return { x, y, w, h };
}

/** A viewBox attribute (`"x y w h"`) as a rectangle; null when it is not four finite numbers. */
export function parseViewBox(text: string | null): ViewBox | null {
  const parts = (text ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts[2]! <= 0 || parts[3]! <= 0) return null;
  return { x: parts[0]!, y: parts[1]!, w: parts[2]!, h: parts[3]! };
}

export function formatViewBox(view: ViewBox): string {
  const r = (n: number) => String(Math.round(n * 100) / 100);
  return `${r(view.x)} ${r(view.y)} ${r(view.w)} ${r(view.h)}`;
}
