// Readable exports: the members of a user entry become one node per role. On every bundled model,
// with and without a scenario: no member number is left, every edge of the full graph has its image,
// a group is reached exactly when one of its members is, and the collapse is idempotent. Hand-checked
// on cross-org-shared (models/cross-org-shared.yaml): the 12 contoso-workers fold into one node per role.

import { describe, expect, it } from 'vitest';
import { collapseGroups } from '../../src/export/collapse-groups.js';
import { formatDot } from '../../src/export/dot.js';
import type { ExportGraph } from '../../src/export/export-graph.js';
import { BUNDLED_MODELS } from '../support/model.js';
import { exportOf } from './helpers.js';

const MEMBER = /#\d+/g;

function check(full: ExportGraph): ExportGraph {
  const small = collapseGroups(full);
  const ids = new Set(small.nodes.map((n) => n.id));
  expect(small.nodes.some((n) => /#\d/.test(n.id))).toBe(false);
  for (const e of small.edges) {
    expect(ids.has(e.from), e.from).toBe(true);
    expect(ids.has(e.to), e.to).toBe(true);
  }
  const image = (id: string) => (/#\d/.test(id) ? `${id.replace(MEMBER, '')}#*` : id);
  const edgeKeys = new Set(small.edges.map((e) => `${e.from}\u0000${e.to}\u0000${e.boundary}\u0000${e.access}`));
  for (const e of full.edges) {
    if (image(e.from) === image(e.to)) continue;
    expect(edgeKeys.has(`${image(e.from)}\u0000${image(e.to)}\u0000${e.boundary}\u0000${e.access}`), `${e.from} -> ${e.to}`).toBe(true);
  }
  for (const n of small.nodes) {
    const members = full.nodes.filter((m) => image(m.id) === n.id);
    expect(members.length).toBeGreaterThan(0);
    expect(n.marking?.reached ?? null).toEqual(full.nodes[0]!.marking === null ? null : members.some((m) => m.marking!.reached));
  }
  expect(collapseGroups(small)).toEqual(small);
  return small;
}

describe('collapseGroups', () => {
  it.each(BUNDLED_MODELS)('%s: plain graph', (model) => {
    check(exportOf(model));
  });

  it('cross-org-shared under a kernel 0-day: one node per role of each group, far fewer edges', () => {
    const full = exportOf('cross-org-shared', { from: ['mallory'], fail: ['kernel'] });
    const small = check(full);
    // contoso-workers ×12: one principal node, one session node, labelled with the count.
    const workers = small.nodes.find((n) => n.id === 'contoso-workers#*')!;
    expect(workers.label).toBe('contoso-workers ×12');
    expect(workers.marking?.reached).toBe(true);
    expect(small.nodes.find((n) => n.id === 'contoso-workers/session#*')?.label).toBe('session of contoso-workers ×12');
    expect(small.nodes.length).toBeLessThan(full.nodes.length / 2);
    expect(small.edges.length).toBeLessThan(full.edges.length / 2);
    // Failed kernel edges survive the merge.
    expect(small.edges.some((e) => e.failed && e.boundary === 'kernel')).toBe(true);
    expect(formatDot(small)).not.toMatch(/[A-Za-z]#\d/);
  });
});
