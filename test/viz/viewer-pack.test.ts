// The viewer page's packed columns: what the browser unpacks is exactly what the CLI holds — the
// engine records (`recordsOf`), the recompiled arrays, labels, footholds, data stores and the diagram
// structure — on every bundled model and on generated ones; and the byte codec loses nothing.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFromArrays, type CompiledGraph } from '../../src/compile/compile.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { loadModel } from '../../src/cli/load.js';
import { ByteReader, ByteWriter, deltas, frontCode, frontDecode, undeltas } from '../../src/report/diagram-viewer-bytes.js';
import { footholdChoices, recordsOf } from '../../src/report/diagram-viewer-data.js';
import { packViewerModel } from '../../src/report/diagram-viewer-pack.js';
import { unpackedRecords, unpackGraph, unpackViewerModel } from '../../src/report/diagram-viewer-unpack.js';
import { buildDiagramStructure } from '../../src/report/diagram-structure.js';
import { generatedModel } from '../support/generated.js';
import { ROOT } from './support.js';

const BUNDLED = ['cross-org-shared', 'cross-org-separated', 'single-org-pooled', 'admins-personal', 'hybrid-onprem', 'msp-hosting'];

function engineArrays(c: CompiledGraph) {
  return {
    nodeIds: c.nodeIds,
    nodeKind: [...c.nodeKind],
    nodeOrganization: [...c.nodeOrganization].map((o) => (o < 0 ? null : c.organizationIds[o])),
    offsets: [...c.offsets],
    targets: [...c.targets],
    sources: [...c.sources],
    boundary: [...c.boundary],
    instance: [...c.instance],
    access: [...c.access],
    blockedBy: [...c.blockedBy],
    rules: [...c.edgeRule].map((r) => c.ruleIds[r]),
    instanceIds: c.instanceIds,
    instanceType: [...c.instanceType],
    groups: c.instanceIds.map((_, i) => [...c.groupMembers.subarray(c.groupOffsets[i]!, c.groupOffsets[i + 1]!)].map((g) => c.groupIds[g])),
  };
}

/** Everything the page shows, unpacked, against what the CLI computes from the same prepared model. */
async function expectRoundTrip(prepared: PreparedModel): Promise<void> {
  const packed = packViewerModel(prepared);
  // Through JSON, as the page carries it.
  const carried = JSON.parse(JSON.stringify(packed)) as typeof packed;
  const records = recordsOf(prepared);
  expect(unpackedRecords(carried, await unpackGraph(carried))).toEqual(records);
  const model = await unpackViewerModel(carried);
  const { compiled } = prepared;
  expect(engineArrays(model.compiled)).toEqual(engineArrays(compileFromArrays(records)));
  expect(engineArrays(model.compiled)).toEqual(engineArrays(compiled));
  expect(model.labels).toEqual(prepared.nodes.map((a) => a.label));
  expect(model.structure).toEqual(buildDiagramStructure(prepared.model, prepared.deployment, compiled));
  expect(model.footholds).toEqual(footholdChoices(prepared.model, prepared.deployment, compiled));
  expect(model.dataStores.map((s) => [s.id, s.nodes])).toEqual(prepared.model.data.map((d) => [d.id, (prepared.deployment.dataNodes.get(d.id) ?? []).map((n) => n.node)]));
  const data = compiled.nodeIds.flatMap((id, v) => (prepared.nodes[v]!.kind === 'data' ? [[id, prepared.nodes[v]!.classification ?? 'confidential']] : []));
  expect([...model.classification].sort()).toEqual(data.sort());
  expect(model.controls).toEqual(prepared.model.controls);
}

describe('the packed viewer model unpacks to what the CLI holds', () => {
  it.each(BUNDLED)('%s', async (name) => {
    await expectRoundTrip(loadModel(`${ROOT}models/${name}.yaml`).prepared);
  });

  it('generated deployments (shared or separate tenants and hosts, any seed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), organizations: fc.integer({ min: 1, max: 5 }), users: fc.integer({ min: 1, max: 80 }), sharedHosts: fc.boolean(), sharedTenant: fc.boolean() }),
        async ({ seed, ...options }) => expectRoundTrip(generatedModel(seed, options)),
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});

describe('the packed page', () => {
  const { prepared } = loadModel(`${ROOT}models/cross-org-shared.yaml`);

  it('is deterministic: the same model packs to the same bytes', () => {
    expect(JSON.stringify(packViewerModel(prepared))).toBe(JSON.stringify(packViewerModel(loadModel(`${ROOT}models/cross-org-shared.yaml`).prepared)));
  });

  it('a damaged page is refused with a RangeError, never unpacked into a wrong graph', async () => {
    const packed = packViewerModel(prepared);
    // One node more than the columns hold, or an edge column from a different model.
    await expect(unpackViewerModel({ ...packed, counts: { ...packed.counts, nodes: packed.counts.nodes + 1 } })).rejects.toThrow(RangeError);
    await expect(unpackViewerModel({ ...packed, counts: { ...packed.counts, edges: packed.counts.edges - 1 } })).rejects.toThrow(RangeError);
    const other = packViewerModel(loadModel(`${ROOT}models/single-org-pooled.yaml`).prepared);
    await expect(unpackViewerModel({ ...packed, columns: { ...packed.columns, degrees: other.columns.degrees } })).rejects.toThrow(RangeError);
  });
});

describe('the byte codec', () => {
  // Any UTF-16 code units, lone surrogates included: ids are data and must come back exactly.
  const codeUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 12 }).map((units) => String.fromCharCode(...units));

  it('front-coded strings decode to the same strings, sorted or not', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(codeUnits, fc.string()), { maxLength: 60 }), fc.boolean(), (strings, sort) => {
        const input = sort ? [...strings].sort() : strings;
        const coded = frontCode(input);
        expect(frontDecode({ lengths: coded.lengths, tails: new TextDecoder().decode(coded.tails) }, input.length)).toEqual(input);
      }),
    );
  });

  it('a column with fewer or more strings than stated is refused', () => {
    const packed = frontCode(['a', 'ab', 'abc']);
    const coded = { lengths: packed.lengths, tails: new TextDecoder().decode(packed.tails) };
    expect(() => frontDecode(coded, 4)).toThrow(RangeError);
    expect(() => frontDecode(coded, 2)).toThrow(RangeError);
  });

  it('varints (below 2^53) and zigzag varints (-2^52 … 2^52 - 1) read back what was written', () => {
    const value = fc.oneof(
      fc.record({ signed: fc.constant(false), v: fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })) }),
      fc.record({ signed: fc.constant(true), v: fc.oneof(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -(2 ** 52), max: 2 ** 52 - 1 })) }),
    );
    fc.assert(
      fc.property(fc.array(value), (values) => {
        const w = new ByteWriter();
        for (const { signed, v } of values) signed ? w.int(v) : w.uint(v);
        const r = new ByteReader(w.view());
        for (const { signed, v } of values) expect(signed ? r.int() : r.uint()).toBe(v);
        expect(r.done).toBe(true);
        expect(() => r.uint()).toThrow(RangeError);
      }),
    );
  });

  it('deltas and undeltas are inverses', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (values) => {
        expect(undeltas(deltas(values))).toEqual(values);
      }),
    );
  });
});
