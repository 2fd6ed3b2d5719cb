// `graph MODEL --json` for every bundled model: byte-identical across runs, nodes sorted by id and
// edges by (from, to, rule, instance, access), and the same nodes and edges as the built graph.

import { describe, expect, it } from 'vitest';
import type { GraphDump } from '../../src/report/graph-dump.js';
import { cli } from '../support/cli.js';
import { BUNDLED_MODELS, buildBundled } from '../support/model.js';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('graph --json', () => {
  it.each(BUNDLED_MODELS)('%s is deterministic, sorted and complete', async (model) => {
    const first = await cli(['graph', `models/${model}.yaml`, '--json']);
    const second = await cli(['graph', `models/${model}.yaml`, '--json']);
    expect(first.code).toBe(0);
    expect(first.err).toBe('');
    expect(second.out).toBe(first.out);

    const dump = JSON.parse(first.out) as GraphDump;
    expect(dump.model).toBe(model);
    const ids = dump.nodes.map((n) => n.id);
    expect(ids).toEqual([...ids].sort(cmp));
    const key = (e: GraphDump['edges'][number]) => [e.from, e.to, e.rule, e.instance ?? '', e.access];
    for (let i = 1; i < dump.edges.length; i++) {
      const [a, b] = [key(dump.edges[i - 1]!), key(dump.edges[i]!)];
      const order = a.map((x, j) => cmp(x, b[j]!)).find((c) => c !== 0) ?? 0;
      expect(order, `edge ${i} is in order`).toBeLessThanOrEqual(0);
    }

    const { graph } = buildBundled(model);
    expect(dump.nodes).toHaveLength(graph.order);
    expect(dump.edges).toHaveLength(graph.size);
  });
});
