// The orthogonal router: every route it returns is axis-parallel, starts and ends at the asked points
// and keeps off every obstacle; the same input gives the same route; a wall with no gap gives null.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRouter, type Point, type Rect } from '../../viz/diagram/route.js';

const BOUNDS: Rect = { x: 0, y: 0, w: 300, h: 200 };

const rect = fc.record({ x: fc.integer({ min: 0, max: 280 }), y: fc.integer({ min: 0, max: 180 }), w: fc.integer({ min: 1, max: 80 }), h: fc.integer({ min: 1, max: 40 }) });
const point = fc.record({ x: fc.integer({ min: 0, max: 300 }), y: fc.integer({ min: 0, max: 200 }) });

function inside(p: Point, r: Rect): boolean {
  return p.x > r.x && p.x < r.x + r.w && p.y > r.y && p.y < r.y + r.h;
}

/** Points every 0.5 px along the polyline. */
function samples(route: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 1; i < route.length; i++) {
    const a = route[i - 1]!;
    const b = route[i]!;
    const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) * 2));
    for (let k = 0; k <= n; k++) out.push({ x: a.x + ((b.x - a.x) * k) / n, y: a.y + ((b.y - a.y) * k) / n });
  }
  return out;
}

describe('createRouter', () => {
  it('routes are orthogonal, end where asked and never enter an obstacle', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 12 }), point, point, (obstacles, from, to) => {
        fc.pre(!obstacles.some((o) => inside(from, o) || inside(to, o)));
        const route = createRouter(BOUNDS, obstacles).route(from, to, []);
        if (route === null) return;
        expect(route[0]).toEqual(from);
        expect(route[route.length - 1]).toEqual(to);
        for (let i = 1; i < route.length; i++) expect(route[i - 1]!.x === route[i]!.x || route[i - 1]!.y === route[i]!.y).toBe(true);
        // Only the cell next to each endpoint may graze an obstacle (the endpoint's own cell is freed).
        const far = samples(route).filter((p) => Math.hypot(p.x - from.x, p.y - from.y) > 8 && Math.hypot(p.x - to.x, p.y - to.y) > 8);
        for (const p of far) for (const o of obstacles) expect(inside(p, o), `${JSON.stringify(p)} in ${JSON.stringify(o)}`).toBe(false);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 12 }), point, point, (obstacles, from, to) => {
        expect(createRouter(BOUNDS, obstacles).route(from, to, [])).toEqual(createRouter(BOUNDS, obstacles).route(from, to, []));
      }),
    );
  });

  it('goes around a wall through its gap, and gives up on a closed wall', () => {
    // A vertical wall at x 140..160 with a gap at y 150..170: the route must pass through the gap.
    const wall = [
      { x: 140, y: 0, w: 20, h: 150 },
      { x: 140, y: 170, w: 20, h: 30 },
    ];
    const route = createRouter(BOUNDS, wall).route({ x: 20, y: 20 }, { x: 280, y: 20 }, [])!;
    expect(route).not.toBeNull();
    expect(route.some((p) => p.y >= 150 && p.y <= 170)).toBe(true);
    expect(createRouter(BOUNDS, [{ x: 140, y: -5, w: 20, h: 210 }]).route({ x: 20, y: 20 }, { x: 280, y: 20 }, [])).toBeNull();
  });
});
