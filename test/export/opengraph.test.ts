// The OpenGraph export validates against BloodHound CE's own generic-ingest schemas (ajv; carried as
// fixtures under test/fixtures/interop, with their source and licence), marks what a scenario
// reaches and which boundaries failed, and splits into several valid uploads past a size.

import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formatOpenGraph, openGraphFiles, SOURCE_KIND } from '../../src/export/opengraph.js';
import { partName } from '../../src/cli/commands/export.js';
import { cli } from '../support/cli.js';
import { ROOT, BUNDLED_MODELS } from '../support/model.js';
import { exportOf, HOSTILE_MODEL } from './helpers.js';

const schema = (name: string) => JSON.parse(readFileSync(`${ROOT}test/fixtures/interop/bloodhound-opengraph/${name}.schema.json`, 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validNode = ajv.compile(schema('node'));
const validEdge = ajv.compile(schema('edge'));
const validMetadata = ajv.compile(schema('metadata'));

interface Upload {
  metadata: { source_kind: string };
  graph: {
    nodes: { id: string; kinds: string[]; properties: Record<string, unknown> }[];
    edges: { kind: string; start: { value: string }; end: { value: string }; properties: Record<string, unknown> }[];
  };
}

/** Every check BloodHound's ingest makes that the schemas alone do not: kinds ≤ 3, ids resolve, no duplicates. */
function validate(json: string): Upload {
  const upload = JSON.parse(json) as Upload;
  expect(Object.keys(upload)).toEqual(['metadata', 'graph']);
  expect(Object.keys(upload.graph)).toEqual(['nodes', 'edges']);
  expect(validMetadata(upload.metadata), JSON.stringify(validMetadata.errors)).toBe(true);
  const ids = new Set<string>();
  for (const node of upload.graph.nodes) {
    expect(validNode(node), JSON.stringify(validNode.errors)).toBe(true);
    expect(node.kinds.length).toBeGreaterThanOrEqual(1);
    expect(node.kinds.length).toBeLessThanOrEqual(3);
    expect(ids.has(node.id), node.id).toBe(false);
    ids.add(node.id);
  }
  const keys = new Set<string>();
  for (const edge of upload.graph.edges) {
    expect(validEdge(edge), JSON.stringify(validEdge.errors)).toBe(true);
    expect(ids.has(edge.start.value), edge.start.value).toBe(true);
    expect(ids.has(edge.end.value), edge.end.value).toBe(true);
    const key = `${edge.start.value} ${edge.end.value} ${edge.kind}`;
    expect(keys.has(key), key).toBe(false);
    keys.add(key);
  }
  return upload;
}

describe('OpenGraph export', () => {
  it('the validators reject what BloodHound would (so passing means something)', () => {
    expect(validNode({ id: 'x' })).toBe(false);
    expect(validNode({ id: 'x', kinds: ['A'], properties: { nested: { a: 1 } } })).toBe(false);
    expect(validEdge({ kind: 'Has Space', start: { value: 'a' }, end: { value: 'b' }, properties: {} })).toBe(false);
    expect(validEdge({ kind: 'Ok', start: { match_by: 'id' }, end: { value: 'b' }, properties: {} })).toBe(false);
    expect(validMetadata({ source_kind: 'x', extra: 1 })).toBe(false);
    // BloodHound reserves `objectid` (it maps `id` to it) and takes at most 3 kinds.
    expect(validNode({ id: 'x', kinds: ['A'], properties: { objectid: 'x' } })).toBe(false);
    expect(validNode({ id: 'x', kinds: ['A', 'B', 'C', 'D'], properties: {} })).toBe(false);
    expect(validNode({ id: 'x', kinds: ['A', 'B', 'C'], properties: { name: 'x' } })).toBe(true);
  });

  it('splits past a size into several uploads, each valid alone, nodes before edges, together the whole graph', () => {
    const graph = exportOf('cross-org-shared', { from: ['mallory'], fail: ['kernel'] });
    const whole = validate(formatOpenGraph(graph));
    const files = [...openGraphFiles(graph, 20_000)].map((chunks) => [...chunks].join(''));
    expect(files.length).toBeGreaterThan(2);
    const uploads = files.map((text) => {
      // 20 000 bytes, give or take one node's or edge's estimate of its indentation.
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000);
      const upload = JSON.parse(text) as Upload;
      expect(upload.metadata).toEqual({ source_kind: SOURCE_KIND });
      for (const node of upload.graph.nodes) expect(validNode(node), JSON.stringify(validNode.errors)).toBe(true);
      for (const edge of upload.graph.edges) expect(validEdge(edge), JSON.stringify(validEdge.errors)).toBe(true);
      return upload;
    });
    expect(uploads.flatMap((u) => u.graph.nodes)).toEqual(whole.graph.nodes);
    expect(uploads.flatMap((u) => u.graph.edges)).toEqual(whole.graph.edges);
    const firstEdgeFile = uploads.findIndex((u) => u.graph.edges.length > 0);
    expect(uploads.slice(firstEdgeFile + 1).every((u) => u.graph.nodes.length === 0)).toBe(true);
    // Under the default limit it is one file, the same bytes as the unsplit export.
    expect([...openGraphFiles(graph)].map((chunks) => [...chunks].join(''))).toEqual([formatOpenGraph(graph)]);
  });

  it('export -o with --split-size writes shared.json, shared.2.json, … and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'indepth-split-'));
    const out = join(dir, 'shared.json');
    const run = await cli(['export', 'models/cross-org-shared.yaml', '--format', 'opengraph', '--split-size', '20KB', '-o', out]);
    expect(run.code, run.err).toBe(0);
    const names = readdirSync(dir);
    expect(names.length).toBeGreaterThan(2);
    expect(names.sort()).toEqual(['shared.json', ...names.slice(1).map((_, i) => `shared.${i + 2}.json`)].sort());
    expect(run.err).toContain(`wrote ${names.length} files of at most 20KB each (upload them together): ${out}, ${partName(out, 2)}`);
    // Each file is a valid upload; together (in name order: shared.json first) they are the whole export.
    const parts = ['shared.json', ...names.filter((n) => n !== 'shared.json').sort((a, b) => parseInt(a.split('.')[1]!) - parseInt(b.split('.')[1]!))];
    const uploads = parts.map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as Upload);
    const whole = JSON.parse((await cli(['export', 'models/cross-org-shared.yaml', '--format', 'opengraph'])).out) as Upload;
    expect(uploads.flatMap((u) => u.graph.nodes)).toEqual(whole.graph.nodes);
    expect(uploads.flatMap((u) => u.graph.edges)).toEqual(whole.graph.edges);
    expect(partName('a/b.json', 3)).toBe('a/b.3.json');
    expect(partName('a.d/b', 2)).toBe('a.d/b.2');
  });

  it.each(BUNDLED_MODELS)('%s: the plain graph validates', (model) => {
    const upload = validate(formatOpenGraph(exportOf(model)));
    expect(upload.metadata).toEqual({ source_kind: SOURCE_KIND });
    expect(upload.graph.nodes.length).toBeGreaterThan(10);
    // Without a scenario nothing is marked.
    expect(upload.graph.nodes.every((n) => !('reached' in n.properties))).toBe(true);
    expect(upload.graph.edges.every((e) => e.properties['failed'] === false)).toBe(true);
  });

  it('kernel 0-day on the shared model: contoso\u2019s data reached, kernel boundaries failed, foothold marked', () => {
    const upload = validate(formatOpenGraph(exportOf('cross-org-shared', { from: ['mallory'], fail: ['kernel'] })));
    const node = (id: string) => upload.graph.nodes.find((n) => n.id === `indepth:cross-org-shared:${id}`)!;
    expect(upload.graph.nodes.every((n) => !('objectid' in n.properties))).toBe(true);
    expect(node('mallory').properties).toMatchObject({ foothold: true, reached: true, controlled: true });
    expect(node('contoso-finance').properties).toMatchObject({
      reached: true,
      controlled: true,
      organization: 'contoso',
      classification: 'restricted',
      sourcefile: 'models/cross-org-shared.yaml',
      sourceline: 64,
    });
    expect(node('contoso-finance').kinds).toEqual(['IndepthData', SOURCE_KIND]);
    const kernel = upload.graph.edges.filter((e) => e.kind === 'IndepthCrossesKernel');
    expect(kernel.length).toBe(4);
    for (const edge of kernel) expect(edge.properties).toMatchObject({ boundary: 'kernel', failed: true, traversable: true });
    const session = upload.graph.edges.filter((e) => e.kind === 'IndepthCrossesSession');
    for (const edge of session) expect(edge.properties).toMatchObject({ failed: false, traversable: false, attack: false });
  });

  it('the separated model under the same scenario keeps contoso unreached', () => {
    const upload = validate(formatOpenGraph(exportOf('cross-org-separated', { from: ['mallory'], fail: ['kernel'] })));
    const contoso = upload.graph.nodes.filter((n) => n.properties['organization'] === 'contoso');
    expect(contoso.length).toBeGreaterThan(0);
    expect(contoso.every((n) => n.properties['reached'] === false)).toBe(true);
  });

  it('hostile names and labels stay valid JSON strings; same input gives byte-identical output', () => {
    const text = formatOpenGraph(exportOf({ text: HOSTILE_MODEL }, { from: ['subgraph'], fail: ['kernel'] }));
    const upload = validate(text);
    expect(upload.graph.nodes.find((n) => n.properties['nodeid'] === 'odd')!.properties['name']).toContain('"two"');
    expect(formatOpenGraph(exportOf({ text: HOSTILE_MODEL }, { from: ['subgraph'], fail: ['kernel'] }))).toBe(text);
  });

  it('edges a control removes are not exported: Reverse Connect on means no internet listener edge', () => {
    const on = exportOf('cross-org-shared');
    expect(on.edges.some((e) => e.boundary === 'network' && e.from === 'internet')).toBe(false);
    const off = exportOf('cross-org-shared', { from: ['internet'], controls: { reverseConnect: false } });
    expect(off.edges.some((e) => e.boundary === 'network' && e.from === 'internet')).toBe(true);
  });
});
