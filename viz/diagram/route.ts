// Orthogonal routing of the attack path around text: a grid over the drawing, cells near a label
// (or another badge) blocked, and a shortest path that pays for every bend (Dijkstra over cell ×
// heading), so arrows run in the gutters between boxes instead of striking through labels. Pure and
// deterministic: ties break by insertion order, never by chance.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Grid pitch in px; obstacles block every cell within half of it, so no segment between free cells enters one. */
const STEP = 5;
const BEND = 14;
/** Extra cost of a cell another route already runs through, so parallel routes keep apart. */
const SHARED = 4;
const DIRS: readonly (readonly [number, number])[] = [
  [1, 0],
  [0, 1],
  [-1, 0],
  [0, -1],
];

export interface Router {
  /** A polyline from `from` to `to` (both included) avoiding the obstacles, or null when walled in. */
  route(from: Point, to: Point, extra: readonly Rect[]): Point[] | null;
}

/**
 * A router over `bounds` with `obstacles` (inflated by whatever clearance the caller wants kept). Cells of
 * later routes pay extra where an earlier route runs, so arrows do not share a track.
 */
export function createRouter(bounds: Rect, obstacles: readonly Rect[]): Router {
  const cols = Math.max(2, Math.ceil(bounds.w / STEP) + 1);
  const rows = Math.max(2, Math.ceil(bounds.h / STEP) + 1);
  const blocked = new Uint8Array(cols * rows);
  const used = new Uint8Array(cols * rows);
  const mark = (grid: Uint8Array, r: Rect, value: number) => {
    const c0 = Math.max(0, Math.ceil((r.x - bounds.x) / STEP));
    const c1 = Math.min(cols - 1, Math.floor((r.x + r.w - bounds.x) / STEP));
    const r0 = Math.max(0, Math.ceil((r.y - bounds.y) / STEP));
    const r1 = Math.min(rows - 1, Math.floor((r.y + r.h - bounds.y) / STEP));
    for (let row = r0; row <= r1; row++) for (let col = c0; col <= c1; col++) grid[row * cols + col] = value;
  };
  for (const o of obstacles) mark(blocked, inflate(o, STEP / 2), 1);
  const cellOf = (p: Point) => {
    const col = Math.min(cols - 1, Math.max(0, Math.round((p.x - bounds.x) / STEP)));
    const row = Math.min(rows - 1, Math.max(0, Math.round((p.y - bounds.y) / STEP)));
    return row * cols + col;
  };
  const at = (cell: number): Point => ({ x: bounds.x + (cell % cols) * STEP, y: bounds.y + Math.floor(cell / cols) * STEP });

  return {
    route(from, to, extra) {
      const local = blocked.slice();
      for (const r of extra) mark(local, inflate(r, STEP / 2), 1);
      const start = cellOf(from);
      const goal = cellOf(to);
      // The two endpoints sit inside their own badges: free them and their immediate surroundings.
      for (const cell of [start, goal]) local[cell] = 0;
      const path = search(local, used, cols, rows, start, goal);
      if (path === null) return null;
      for (const cell of path) used[cell] = 1;
      return polyline(path.map(at), from, to);
    },
  };
}

/** Dijkstra with an admissible Manhattan heuristic (A*) over (cell, heading); bends cost BEND. */
function search(blocked: Uint8Array, used: Uint8Array, cols: number, rows: number, start: number, goal: number): number[] | null {
  if (start === goal) return [start];
  const n = cols * rows * 4;
  const dist = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const heap = new Heap();
  const gc = goal % cols;
  const gr = Math.floor(goal / cols);
  const h = (cell: number) => Math.abs((cell % cols) - gc) + Math.abs(Math.floor(cell / cols) - gr);
  for (let d = 0; d < 4; d++) {
    dist[start * 4 + d] = 0;
    heap.push(start * 4 + d, h(start));
  }
  let found = -1;
  while (heap.size > 0) {
    const [state, f] = heap.pop();
    const cell = state >> 2;
    const dir = state & 3;
    const g = dist[state]!;
    if (f > g + h(cell) + 1e-9) continue;
    if (cell === goal) {
      found = state;
      break;
    }
    const col = cell % cols;
    const row = (cell - col) / cols;
    for (let nd = 0; nd < 4; nd++) {
      if (nd === (dir ^ 2)) continue;
      const [dx, dy] = DIRS[nd]!;
      const nc = col + dx;
      const nr = row + dy;
      if (nc < 0 || nr < 0 || nc >= cols || nr >= rows) continue;
      const next = nr * cols + nc;
      if (blocked[next] === 1 && next !== goal) continue;
      const cost = g + 1 + (nd === dir ? 0 : BEND) + (used[next] === 1 ? SHARED : 0);
      const ns = next * 4 + nd;
      if (cost < dist[ns]!) {
        dist[ns] = cost;
        prev[ns] = state;
        heap.push(ns, cost + h(next));
      }
    }
  }
  if (found < 0) return null;
  const cells: number[] = [];
  for (let s = found; s >= 0; s = prev[s]!) cells.push(s >> 2);
  return cells.reverse();
}

/** Grid cells → corner points, with the ends snapped onto the exact badge centres. */
function polyline(points: Point[], from: Point, to: Point): Point[] {
  const corners: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const a = points[i - 1];
    const b = points[i + 1];
    if (a === undefined || b === undefined || (a.x === p.x) !== (p.x === b.x)) corners.push(p);
  }
  // Both ends in one cell, or one straight run of cells: a straight line or one L, never a diagonal.
  if (corners.length <= 2) return from.x === to.x || from.y === to.y ? [from, to] : [from, { x: to.x, y: from.y }, to];
  // Move the first and last segments onto the exact endpoints (off by less than half a cell).
  const snap = (end: Point, i: number, j: number) => {
    const p = corners[i]!;
    const q = corners[j]!;
    const horizontal = p.y === q.y;
    corners[i] = end;
    corners[j] = horizontal ? { x: q.x, y: end.y } : { x: end.x, y: q.y };
  };
  snap(from, 0, 1);
  snap(to, corners.length - 1, corners.length - 2);
  return corners;
}

/** A binary min-heap of (state, priority); equal priorities pop in insertion order. */
class Heap {
  private readonly states: number[] = [];
  private readonly keys: number[] = [];
  private readonly order: number[] = [];
  private counter = 0;
  get size(): number {
    return this.states.length;
  }
  push(state: number, key: number): void {
    this.states.push(state);
    this.keys.push(key);
    this.order.push(this.counter++);
    let i = this.states.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  pop(): [number, number] {
    const top: [number, number] = [this.states[0]!, this.keys[0]!];
    const last = this.states.length - 1;
    this.swap(0, last);
    this.states.pop();
    this.keys.pop();
    this.order.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.states.length && this.less(l, m)) m = l;
      if (r < this.states.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }
  private less(a: number, b: number): boolean {
    return this.keys[a]! < this.keys[b]! || (this.keys[a] === this.keys[b] && this.order[a]! < this.order[b]!);
  }
  private swap(a: number, b: number): void {
    [this.states[a], this.states[b]] = [this.states[b]!, this.states[a]!];
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
    [this.order[a], this.order[b]] = [this.order[b]!, this.order[a]!];
  }
}
