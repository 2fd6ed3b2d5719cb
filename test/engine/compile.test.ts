// Compiling a deployment graph to CSR arrays: index order, edge order, instance and group tables,
// the graphology adapter agreeing with the array path, and contract violations.

import { describe, expect, it } from 'vitest';
import { compile, compileFromArrays, CompileError, recordingSink } from '../../src/compile/compile.js';
import type { CompiledGraph, EdgeRecord, GraphRecords } from '../../src/compile/compile.js';
import { buildGraph, edgeAttributes } from './build.js';

const edges = [
  { from: 'b', to: 'c', instance: 'kernel@vm1', groups: ['build:x'] },
  { from: 'a', to: 'c', instance: null, access: 'read' as const },
  { from: 'a', to: 'b', instance: 'session@vm1', blockedBy: 'credentialGuard' as const },
  { from: 'c', to: 'a', instance: 'kernel@vm1', groups: ['build:y'] },
];

function outEdges(c: CompiledGraph, id: string): string[] {
  const u = c.nodeIndex.get(id)!;
  const out: string[] = [];
  for (let e = c.offsets[u]!; e < c.offsets[u + 1]!; e++) out.push(c.nodeIds[c.targets[e]!]!);
  return out;
}

describe('compile', () => {
  const c = compile(buildGraph(edges));

  it('numbers nodes, instances and groups in sorted id order', () => {
    expect(c.nodeIds).toEqual(['a', 'b', 'c']);
    expect(c.instanceIds).toEqual(['kernel@vm1', 'session@vm1']);
    expect(c.groupIds).toEqual(['build:x', 'build:y']);
  });

  it('groups edges by source, ordered by target', () => {
    expect(outEdges(c, 'a')).toEqual(['b', 'c']);
    expect(outEdges(c, 'b')).toEqual(['c']);
    expect([...c.sources]).toEqual([0, 0, 1, 2]);
    expect([...c.boundary]).toEqual([6, 0, 2, 2]);
    expect([...c.instance]).toEqual([1, -1, 0, 0]);
    expect([...c.access]).toEqual([0, 1, 0, 0]);
    expect([...c.blockedBy]).toEqual([0b10, 0, 0, 0]);
  });

  it('gives an instance the union of the groups on its edges', () => {
    expect([...c.instanceType]).toEqual([1, 5]);
    expect([...c.groupMembers.subarray(c.groupOffsets[0], c.groupOffsets[1])]).toEqual([0, 1]);
    expect(c.groupOffsets[2]).toBe(c.groupOffsets[1]);
  });

  it('compiles the same arrays from records as from graphology', () => {
    const sink = recordingSink();
    for (const id of ['c', 'a', 'b']) sink.addNode(id, { kind: 'process', organization: null, label: id, entity: null });
    for (const edge of edges) sink.addEdge(edge.from, edge.to, edgeAttributes(edge));
    const fromArrays = compileFromArrays(sink.records());
    expect(fromArrays).toEqual(c);
  });

  it('rejects graphs that break the attribute contract', () => {
    const base: GraphRecords = { nodes: [{ id: 'a', kind: 'vm', organization: null }], edges: [] };
    const edge = (overrides: Partial<EdgeRecord>): EdgeRecord => ({
      source: 'a',
      target: 'a',
      boundary: null,
      instance: null,
      groups: [],
      access: 'control',
      blockedBy: null,
      ...overrides,
    });
    const kindOf = (records: GraphRecords): string => {
      try {
        compileFromArrays(records);
        return 'none';
      } catch (error) {
        return error instanceof CompileError ? error.kind : 'other';
      }
    };
    expect(kindOf({ ...base, nodes: [...base.nodes, ...base.nodes] })).toBe('duplicateNode');
    expect(kindOf({ ...base, edges: [edge({ target: 'zz' })] })).toBe('unknownEndpoint');
    expect(kindOf({ ...base, edges: [edge({ boundary: 'kernel' })] })).toBe('boundaryWithoutInstance');
    expect(kindOf({ ...base, edges: [edge({ instance: 'kernel@a' })] })).toBe('instanceWithoutBoundary');
    expect(kindOf({ ...base, edges: [edge({ boundary: 'kernel', instance: 'x' }), edge({ boundary: 'vm', instance: 'x' })] })).toBe(
      'instanceTypeConflict',
    );
  });
});
