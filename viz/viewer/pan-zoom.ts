// Zoom and pan in one diagram panel: the wheel zooms about the pointer, a drag pans, a double click
// fits the whole drawing, and the panel's toolbar (−, +, fit) and keys (+, −, 0, arrows) do the same.
// The view is a viewBox (zoom.ts) kept across re-renders, so toggling a boundary keeps the reader's place.

import { doc, h, type DomElement, type InputEvent } from './dom.js';
import { clampInto, formatViewBox, panBy, parseViewBox, zoomAt, zoomOf, ZOOM_STEP, type ViewBox } from './zoom.js';

export interface PanZoom {
  /** The toolbar to place above the diagram: − / + / fit and the current magnification. */
  readonly toolbar: DomElement;
  /** Re-apply the reader's view to the diagram just rendered into the container. */
  apply(): void;
}

/**
 * Wires pan and zoom to `container` (the element whose only child is the rendered <svg>); `index`
 * names the panel in test ids. The drawing's own viewBox, as rendered, is the fitted view.
 */
export function bindPanZoom(container: DomElement, index: number): PanZoom {
  let view: ViewBox | null = null;
  let drag: { x: number; y: number; from: ViewBox } | null = null;
  const level = h('span', { class: 'zoom-level', 'data-testid': `zoom-${index}` }, '100%');
  const button = (name: string, label: string, title: string, act: () => void): DomElement => {
    const b = h('button', { type: 'button', class: `zoom-${name}`, title, 'aria-label': title }, label);
    b.addEventListener('click', act);
    return b;
  };

  const svg = (): DomElement | null => container.querySelector('svg');
  const base = (): ViewBox | null => parseViewBox(svg()?.getAttribute('data-base-view-box') ?? svg()?.getAttribute('viewBox') ?? null);
  const set = (next: ViewBox | null): void => {
    const fit = base();
    view = next === null || fit === null || zoomOf(next, fit) <= 1.0001 ? null : next;
    apply();
  };
  const zoomBy = (factor: number, fx = 0.5, fy = 0.5): void => {
    const fit = base();
    if (fit !== null) set(zoomAt(view ?? fit, fit, factor, fx, fy));
  };
  const fractions = (event: InputEvent): [number, number] => {
    const rect = svg()?.getBoundingClientRect();
    if (rect === undefined || rect.width === 0 || rect.height === 0) return [0.5, 0.5];
    return [clamp01((event.clientX - rect.left) / rect.width), clamp01((event.clientY - rect.top) / rect.height)];
  };

  function apply(): void {
    const drawing = svg();
    const fit = base();
    if (drawing === null || fit === null) return;
    if (drawing.getAttribute('data-base-view-box') === null) drawing.setAttribute('data-base-view-box', formatViewBox(fit));
    if (view !== null) view = clampInto(view, fit);
    drawing.setAttribute('viewBox', formatViewBox(view ?? fit));
    level.textContent = `${Math.round(zoomOf(view ?? fit, fit) * 100)}%`;
    container.classList.toggle('zoomed', view !== null);
  }

  container.setAttribute('tabindex', '0');
  container.setAttribute('aria-label', 'diagram: wheel or + / − to zoom, drag or arrow keys to pan, 0 or double click to fit');
  container.addEventListener(
    'wheel',
    (e) => {
      const event = e as InputEvent;
      event.preventDefault();
      zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, ...fractions(event));
    },
    { passive: false },
  );
  container.addEventListener('mousedown', (e) => {
    const event = e as InputEvent;
    const fit = base();
    if (event.button !== 0 || fit === null || view === null) return;
    event.preventDefault();
    drag = { x: event.clientX, y: event.clientY, from: view };
    container.classList.add('dragging');
  });
  doc().addEventListener('mousemove', (e) => {
    const event = e as InputEvent;
    const rect = svg()?.getBoundingClientRect();
    const fit = base();
    if (drag === null || rect === undefined || rect.width === 0 || fit === null) return;
    const unit = drag.from.w / rect.width;
    set(panBy(drag.from, fit, -(event.clientX - drag.x) * unit, -(event.clientY - drag.y) * unit));
  });
  doc().addEventListener('mouseup', () => {
    drag = null;
    container.classList.remove('dragging');
  });
  container.addEventListener('dblclick', () => set(null));
  container.addEventListener('keydown', (e) => {
    const event = e as InputEvent;
    const fit = base();
    if (fit === null || event.ctrlKey || event.metaKey) return;
    const current = view ?? fit;
    const step = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] }[event.key];
    if (event.key === '+' || event.key === '=') zoomBy(ZOOM_STEP);
    else if (event.key === '-') zoomBy(1 / ZOOM_STEP);
    else if (event.key === '0') set(null);
    else if (step !== undefined && view !== null) set(panBy(current, fit, step[0]! * current.w, step[1]! * current.h));
    else return;
    event.preventDefault();
  });

  const toolbar = h(
    'div',
    { class: 'zoombar' },
    button('out', '−', 'zoom out (−)', () => zoomBy(1 / ZOOM_STEP)),
    level,
    button('in', '+', 'zoom in (+)', () => zoomBy(ZOOM_STEP)),
    button('fit', 'fit', 'fit the whole diagram (0, or double click)', () => set(null)),
    h('span', { class: 'hint' }, 'wheel to zoom · drag to pan'),
  );
  return { toolbar, apply };
}

function clamp01(n: number): number {
  return Math.min(1, Math.max(0, n));
}
