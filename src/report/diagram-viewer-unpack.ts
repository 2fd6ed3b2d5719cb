// Unpacks a model of the viewer page (diagram-viewer-pack.ts) in the browser, or in Node for tests:
// inflates each column (the platform's DecompressionStream), decodes the engine records, streams them
// into the compiler (no array of edge objects is kept) and restores the diagram detail's node ids.

import { BOUNDARY_TYPES } from '../domain/boundary.js';
import { CONTROL_NAMES } from '../domain/controls.js';
import { NODE_KINDS } from '../domain/kinds.js';
import { CompiledGraphBuilder, type CompiledGraph, type EdgeRecord, type GraphRecords, type NodeRecord } from '../compile/compile.js';
import { ACCESS_MODES, type Access, type Classification } from '../model/types.js';
import { ByteReader, frontDecode, undeltas } from './diagram-viewer-bytes.js';
import type { DiagramElement, DiagramStructure } from './diagram-types.js';
import type { PackedColumns, PackedDetail, PackedElement, PackedViewerModel, ViewerModel } from './diagram-viewer-data.js';

/** The packed graph decoded into plain columns (compiled order). */
export interface UnpackedGraph {
  readonly ids: readonly string[];
  readonly labels: readonly string[];
  readonly kinds: Uint8Array;
  /** Per node: index into the packed model's organizations, or -1. */
  readonly organizations: Int32Array;
  /** Per edge: source, target and instance as node / instance indices (-1: none). */
  readonly sources: Int32Array;
  readonly targets: Int32Array;
  readonly instances: Int32Array;
  readonly access: Uint8Array;
  readonly blockedBy: Uint8Array;
  readonly rules: Int32Array;
  readonly instanceIds: readonly string[];
  readonly instanceTypes: Uint8Array;
  readonly instanceGroups: readonly (readonly string[])[];
  readonly nodeElement: Int32Array;
  readonly detail: PackedDetail;
}

/** Every column of a packed model, decoded. Throws (RangeError, TypeError) on a damaged page. */
export async function unpackGraph(packed: PackedViewerModel): Promise<UnpackedGraph> {
  const { nodes: n, edges: m, instances: k } = packed.counts;
  const c = packed.columns;
  const bytes = async (name: keyof PackedColumns, length?: number) => {
    const out = await inflate(c[name]);
    if (length !== undefined && out.length !== length) throw new RangeError(`viewer column ${name}: ${out.length} bytes, expected ${length}`);
    return out;
  };
  const text = async (name: keyof PackedColumns) => new TextDecoder().decode(await inflate(c[name]));
  const ids = frontDecode({ lengths: await bytes('nodeIdLengths'), tails: await text('nodeIdTails') }, n);
  const labels = frontDecode({ lengths: await bytes('labelLengths'), tails: await text('labelTails') }, n);
  const kinds = await bytes('kinds', n);
  const organizations = readAll(await bytes('organizations'), n, (r) => r.uint() - 1);

  const degrees = new ByteReader(await bytes('degrees'));
  const targetDeltas = new ByteReader(await bytes('targets'));
  const sources = new Int32Array(m);
  const targets = new Int32Array(m);
  let e = 0;
  for (let v = 0; v < n; v++) {
    let previous = v;
    for (let d = degrees.uint(); d > 0; d--) {
      if (e >= m) throw new RangeError('viewer column degrees: more edges than the model has');
      sources[e] = v;
      targets[e] = previous += targetDeltas.int();
      e++;
    }
  }
  if (e !== m || !degrees.done || !targetDeltas.done) throw new RangeError(`viewer edge columns: ${e} edges decoded, expected ${m}`);
  let instance = -1;
  const instances = readAll(await bytes('instances'), m, (r) => (instance += r.int()));
  const rules = readAll(await bytes('rules'), m, (r) => r.uint());

  const instanceIds = frontDecode({ lengths: await bytes('instanceIdLengths'), tails: await text('instanceIdTails') }, k);
  const groupReader = new ByteReader(await bytes('instanceGroups'));
  const instanceGroups = instanceIds.map(() => {
    const out: string[] = [];
    let g = 0;
    for (let count = groupReader.uint(); count > 0; count--) out.push(packed.groups[(g += groupReader.uint())]!);
    return out;
  });
  return {
    ids,
    labels,
    kinds,
    organizations,
    sources,
    targets,
    instances,
    access: await bytes('access', m),
    blockedBy: await bytes('blockedBy', m),
    rules,
    instanceIds,
    instanceTypes: await bytes('instanceTypes', k),
    instanceGroups,
    nodeElement: readAll(await bytes('nodeElement'), n, (r) => r.uint() - 1),
    detail: JSON.parse(await text('detail')) as PackedDetail,
  };
}

/** The engine records, nodes then edges, built one at a time. */
export function* recordsOfUnpacked(packed: PackedViewerModel, g: UnpackedGraph): Generator<NodeRecord | EdgeRecord> {
  for (let v = 0; v < g.ids.length; v++) {
    const org = g.organizations[v]!;
    yield { id: g.ids[v]!, kind: NODE_KINDS[g.kinds[v]!]!, organization: org < 0 ? null : packed.organizations[org]! };
  }
  for (let e = 0; e < g.sources.length; e++) {
    const i = g.instances[e]!;
    const bits = g.blockedBy[e]!;
    yield {
      source: g.ids[g.sources[e]!]!,
      target: g.ids[g.targets[e]!]!,
      boundary: i < 0 ? null : BOUNDARY_TYPES[g.instanceTypes[i]!]!,
      instance: i < 0 ? null : g.instanceIds[i]!,
      groups: i < 0 ? [] : g.instanceGroups[i]!,
      access: ACCESS_MODES[g.access[e]!] as Access,
      blockedBy: bits === 0 ? null : CONTROL_NAMES[CONTROL_NAMES.findIndex((_, bit) => (bits & (1 << bit)) !== 0)]!,
      rule: packed.rules[g.rules[e]!] ?? '',
    };
  }
}

/** The records as arrays (tests; the page streams them into the compiler instead). */
export function unpackedRecords(packed: PackedViewerModel, g: UnpackedGraph): GraphRecords {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  for (const r of recordsOfUnpacked(packed, g)) 'id' in r ? nodes.push(r) : edges.push(r);
  return { nodes, edges };
}

/** One packed model → the viewer's model, its records compiled by the CLI's compiler. */
export async function unpackViewerModel(packed: PackedViewerModel): Promise<ViewerModel> {
  const g = await unpackGraph(packed);
  const builder = new CompiledGraphBuilder();
  let sealed = false;
  const seal = () => {
    sealed = true;
    const [twice] = builder.sealNodes();
    if (twice !== undefined) throw new RangeError(`viewer: node '${twice.id}' is packed twice`);
  };
  // Nodes come first, then edges.
  for (const r of recordsOfUnpacked(packed, g)) {
    if ('id' in r) builder.addNode(r.id, r);
    else {
      if (!sealed) seal();
      builder.addEdge(r.source, r.target, r);
    }
  }
  if (!sealed) seal();
  const compiled = builder.build();
  const ids = g.ids;
  const nodesOf = (list: readonly number[]) => undeltas(list).map((v) => ids[v]!);
  const d = g.detail;
  const classification = new Map<string, Classification>();
  for (const { classification: c, nodes } of d.classification) for (const v of undeltas(nodes)) classification.set(ids[v]!, c);
  const element = (e: PackedElement): DiagramElement => ({ ...e, nodes: nodesOf(e.nodes), children: e.children.map(element) });
  const nodeElement: Record<string, string> = {};
  g.nodeElement.forEach((k, v) => {
    if (k >= 0) nodeElement[ids[v]!] = d.structure.elementIds[k]!;
  });
  const structure: DiagramStructure = {
    model: d.structure.model,
    description: d.structure.description,
    organizations: d.structure.organizations.map((o) => ({ ...o, dataNodes: nodesOf(o.dataNodes), authorizedData: nodesOf(o.authorizedData), readOnlyData: nodesOf(o.readOnlyData) })),
    root: element(d.structure.root),
    nodeElement,
  };
  return {
    name: packed.name,
    description: packed.description,
    compiled,
    labels: g.labels,
    classification,
    dataStores: d.dataStores.map((s) => ({ ...s, nodes: nodesOf(s.nodes) })),
    controls: packed.controls,
    footholds: d.footholds.map((f) => ({ ...f, nodes: nodesOf(f.nodes) })),
    structure,
  };
}

function readAll(bytes: Uint8Array, count: number, next: (r: ByteReader) => number): Int32Array {
  const r = new ByteReader(bytes);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = next(r);
  if (!r.done) throw new RangeError(`viewer column: more data than ${count} values`);
  return out;
}

/** base64 → raw-deflated bytes → bytes, with the platform's DecompressionStream (Chromium, Node ≥ 20). */
async function inflate(base64: string): Promise<Uint8Array> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
