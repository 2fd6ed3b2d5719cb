// Node handles in the compiler: edges named by handle compile exactly as edges named by id, ids
// added `byHandle` are still found by id, and an id added twice is reported once the nodes are sealed.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompiledGraphBuilder, CompileError } from '../../src/compile/compile.js';
import type { NodeLookupHint } from '../../src/compile/graph-types.js';
import { NodeIdIndex, SEARCHES_BEFORE_FULL_MAP } from '../../src/compile/node-id-index.js';

const node = { kind: 'process', organization: null } as const;
const edge = { boundary: null, instance: null, groups: [], access: 'control', blockedBy: null } as const;

describe('NodeIdIndex', () => {
  it('finds every id, named or not, and no other, before and after it builds its full map', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 20 }),
        (added, named, strangers) => {
          const sorted = [...added].sort();
          const remap = Int32Array.from(added, (id) => sorted.indexOf(id));
          const index = new NodeIdIndex(sorted, new Map(added.flatMap((id, p) => (named[p] ? [[id, p] as const] : []))), remap);
          const expected = (id: string) => (sorted.includes(id) ? sorted.indexOf(id) : undefined);
          // Enough rounds that the later ones go through the full map.
          const rounds = Math.ceil(SEARCHES_BEFORE_FULL_MAP / (added.length + strangers.length)) + 1;
          for (let round = 0; round < rounds; round += rounds - 1 || 1) {
            for (const id of [...added, ...strangers]) expect(index.get(id)).toBe(expected(id));
          }
          for (let i = 0; i < SEARCHES_BEFORE_FULL_MAP; i++) index.get(strangers[0] ?? '\u0000');
          for (const id of [...added, ...strangers]) expect(index.get(id)).toBe(expected(id));
          expect([...index.keys()]).toEqual(sorted);
          expect(index.size).toBe(sorted.length);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('CompiledGraphBuilder with handles', () => {
  it('compiles edges named by handle as the same edges named by id', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean())),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (ids, pairs, byHandle) => {
          const byId = new CompiledGraphBuilder();
          const mixed = new CompiledGraphBuilder();
          const handles = ids.map((id, p) => {
            byId.addNode(id, node);
            const lookup: NodeLookupHint = byHandle[p] ? 'byHandle' : 'byId';
            return mixed.addNode(id, node, lookup);
          });
          expect(handles).toEqual(ids.map((_, p) => p));
          expect(mixed.sealNodes()).toEqual([]);
          for (const [s, t, sourceByHandle, targetByHandle] of pairs) {
            const u = s % ids.length;
            const v = t % ids.length;
            byId.addEdge(ids[u]!, ids[v]!, edge);
            mixed.addEdge(sourceByHandle ? handles[u]! : ids[u]!, targetByHandle ? handles[v]! : ids[v]!, edge);
          }
          expect(mixed.build()).toEqual(byId.build());
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reports an id added twice, in added order, whichever way it was added; the first one stays', () => {
    const builder = new CompiledGraphBuilder<{ kind: 'process'; organization: null; name: string }>();
    builder.addNode('b', { ...node, name: 'first b' });
    builder.addNode('a', { ...node, name: 'first a' }, 'byHandle');
    builder.addNode('b', { ...node, name: 'second b' }, 'byHandle');
    builder.addNode('c', { ...node, name: 'c' });
    builder.addNode('a', { ...node, name: 'second a' });
    expect(builder.sealNodes().map(({ id, attributes }) => [id, attributes.name])).toEqual([
      ['b', 'second b'],
      ['a', 'second a'],
    ]);
    expect(() => builder.addEdge('a', 'b', edge)).toThrow(CompileError);
  });

  it('rejects a handle no node has', () => {
    const builder = new CompiledGraphBuilder();
    const a = builder.addNode('a', node, 'byHandle');
    builder.addEdge(a, a, edge);
    for (const bad of [1, -1, 0.5]) {
      let kind = 'none';
      try {
        builder.addEdge(a, bad, edge);
      } catch (error) {
        kind = error instanceof CompileError ? error.kind : 'other';
      }
      expect(kind).toBe('unknownEndpoint');
    }
  });
});
