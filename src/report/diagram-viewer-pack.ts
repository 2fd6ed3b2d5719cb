// Packs one model for the viewer page: the compiled graph as compact columns (front-coded sorted ids,
// varint deltas in CSR order, small-integer kinds and organizations) and the diagram detail with node
// ids replaced by node indices, each column raw-deflated and base64-encoded. Read straight from the
// CompiledGraph's typed arrays, one column at a time: no second copy of the graph is ever held.

import { deflateRawSync } from 'node:zlib';
import type { PreparedModel } from '../analyze/prepared.js';
import { ByteWriter, deltas, frontCode } from './diagram-viewer-bytes.js';
import { diagramStructureParts } from './diagram-structure.js';
import { footholdChoices, type PackedColumns, type PackedDetail, type PackedElement, type PackedViewerModel } from './diagram-viewer-data.js';
import type { DiagramElement } from './diagram-types.js';
import type { Classification } from '../model/types.js';

type Prepared = Pick<PreparedModel, 'model' | 'deployment' | 'compiled' | 'nodes'>;

/** One model of the page, packed. Throws only on a broken compiled graph (a bug, not input). */
export function packViewerModel(prepared: Prepared): PackedViewerModel {
  const { model, compiled } = prepared;
  const columns: Partial<Record<keyof PackedColumns, string>> = {};
  const put = (name: keyof PackedColumns, bytes: Uint8Array | string) => {
    columns[name] = deflateRawSync(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, { level: 9 }).toString('base64');
  };
  packNodes(prepared, put);
  packEdges(prepared, put);
  packInstances(prepared, put);
  packDetail(prepared, put);
  return {
    name: model.name,
    description: model.description,
    counts: { nodes: compiled.nodeCount, edges: compiled.edgeCount, instances: compiled.instanceCount },
    organizations: [...compiled.organizationIds],
    rules: [...compiled.ruleIds],
    groups: [...compiled.groupIds],
    controls: { ...model.controls },
    columns: columns as PackedColumns,
  };
}

type Put = (name: keyof PackedColumns, bytes: Uint8Array | string) => void;

function packNodes({ compiled, nodes }: Prepared, put: Put): void {
  const ids = frontCode(compiled.nodeIds);
  put('nodeIdLengths', ids.lengths);
  put('nodeIdTails', ids.tails);
  const labels = frontCode(labelsOf(nodes));
  put('labelLengths', labels.lengths);
  put('labelTails', labels.tails);
  put('kinds', compiled.nodeKind);
  const orgs = new ByteWriter();
  for (let v = 0; v < compiled.nodeCount; v++) orgs.uint(compiled.nodeOrganization[v]! + 1);
  put('organizations', orgs.view());
}

function* labelsOf(nodes: Prepared['nodes']): Generator<string> {
  for (const a of nodes) yield a.label;
}

/** CSR order: out-degree per node, then per edge its target as a delta (from the source, then from the previous target). */
function packEdges({ compiled }: Prepared, put: Put): void {
  const degrees = new ByteWriter();
  for (let v = 0; v < compiled.nodeCount; v++) degrees.uint(compiled.offsets[v + 1]! - compiled.offsets[v]!);
  put('degrees', degrees.view());
  const targets = new ByteWriter();
  for (let v = 0; v < compiled.nodeCount; v++) {
    let previous = v;
    for (let e = compiled.offsets[v]!; e < compiled.offsets[v + 1]!; e++) {
      targets.int(compiled.targets[e]! - previous);
      previous = compiled.targets[e]!;
    }
  }
  put('targets', targets.view());
  const instances = new ByteWriter();
  let previous = -1;
  for (let e = 0; e < compiled.edgeCount; e++) {
    instances.int(compiled.instance[e]! - previous);
    previous = compiled.instance[e]!;
  }
  put('instances', instances.view());
  put('access', compiled.access);
  put('blockedBy', compiled.blockedBy);
  const rules = new ByteWriter();
  for (let e = 0; e < compiled.edgeCount; e++) rules.uint(compiled.edgeRule[e]!);
  put('rules', rules.view());
}

function packInstances({ compiled }: Prepared, put: Put): void {
  const ids = frontCode(compiled.instanceIds);
  put('instanceIdLengths', ids.lengths);
  put('instanceIdTails', ids.tails);
  put('instanceTypes', compiled.instanceType);
  const groups = new ByteWriter();
  for (let i = 0; i < compiled.instanceCount; i++) {
    groups.uint(compiled.groupOffsets[i + 1]! - compiled.groupOffsets[i]!);
    let previous = 0;
    for (let g = compiled.groupOffsets[i]!; g < compiled.groupOffsets[i + 1]!; g++) {
      groups.uint(compiled.groupMembers[g]! - previous);
      previous = compiled.groupMembers[g]!;
    }
  }
  put('instanceGroups', groups.view());
}

/** The structure, footholds, data stores and classifications, node ids as delta-coded node indices (JSON), and which box draws each node (a column). */
function packDetail(prepared: Prepared, put: Put): void {
  const { model, deployment, compiled } = prepared;
  const index = (id: string): number => {
    const v = compiled.nodeIndex.get(id);
    if (v === undefined) throw new Error(`viewer: node '${id}' of the diagram is not in the compiled graph`);
    return v;
  };
  const indices = (ids: readonly string[]) => deltas(ids.map(index));
  const { structure, drawnBy, elementIds } = diagramStructureParts(model, deployment, compiled);
  const column = new ByteWriter();
  for (let v = 0; v < compiled.nodeCount; v++) column.uint(drawnBy[v]! + 1);
  put('nodeElement', column.view());
  const packElement = (e: DiagramElement): PackedElement => ({ ...e, nodes: indices(e.nodes), children: e.children.map(packElement) });
  const detail: PackedDetail = {
    classification: classifications(prepared),
    dataStores: model.data.map((d) => ({
      id: d.id,
      organization: d.organization,
      classification: d.classification,
      location: d.location,
      nodes: indices((deployment.dataNodes.get(d.id) ?? []).map((n) => n.node)),
    })),
    footholds: footholdChoices(model, deployment, compiled).map((f) => ({ ...f, nodes: indices(f.nodes) })),
    structure: {
      model: structure.model,
      description: structure.description,
      organizations: structure.organizations.map((o) => ({
        ...o,
        dataNodes: indices(o.dataNodes),
        authorizedData: indices(o.authorizedData),
        readOnlyData: indices(o.readOnlyData),
      })),
      root: packElement(structure.root),
      elementIds,
    },
  };
  put('detail', JSON.stringify(detail));
}

/** The data nodes by classification (unset: confidential, the worst case), node indices delta-coded. */
function classifications({ nodes }: Prepared): PackedDetail['classification'] {
  const by = new Map<Classification, number[]>();
  nodes.forEach((a, v) => {
    if (a.kind !== 'data') return;
    const c = a.classification ?? 'confidential';
    const list = by.get(c) ?? [];
    list.push(v);
    by.set(c, list);
  });
  return [...by].map(([classification, list]) => ({ classification, nodes: deltas(list) }));
}
