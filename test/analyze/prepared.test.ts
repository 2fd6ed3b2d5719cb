// The two ways to prepare a model must agree: rules writing straight into the columnar compiler
// (what the CLI does), and rules building a graphology graph that is then compiled.

import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/analyze/prepared.js';
import { BUNDLED_MODELS, buildBundled, prepareBundled } from '../support/model.js';

describe('prepare', () => {
  for (const name of BUNDLED_MODELS) {
    it(`${name}: the columnar path compiles exactly what the graphology path compiles`, () => {
      const { model, locations } = buildBundled(name);
      const direct = prepare(model, locations);
      if (!direct.ok) throw new Error('does not build');
      const viaGraph = prepareBundled(name);
      const { edgeInput: _a, ...columnar } = direct.prepared.compiled;
      const { edgeInput: _b, ...graphology } = viaGraph.compiled;
      expect(columnar).toEqual(graphology);
      expect(direct.prepared.nodes).toEqual(viaGraph.nodes);
    });
  }

  it('builds the graphology graph only when asked, with the same nodes and edges', () => {
    const { model, graph } = buildBundled('cross-org-shared');
    const direct = prepare(model);
    if (!direct.ok) throw new Error('does not build');
    const lazy = direct.prepared.graph;
    expect(lazy.order).toBe(graph.order);
    expect(lazy.size).toBe(graph.size);
    graph.forEachEdge((key, attributes) => expect(lazy.getEdgeAttributes(key)).toEqual(attributes));
  });
});
