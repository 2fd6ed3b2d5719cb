// What the interactive viewer embeds for one model: the engine's node and edge records (columnar, so
// large models stay compact), labels and organizations, the foothold choices resolved exactly as the
// CLI resolves them, and the diagram structure. The browser rebuilds the records and runs the same
// compile → reach → depth code as the CLI on them.

import { BOUNDARY_TYPES, type BoundaryType } from '../domain/boundary.js';
import { CONTROL_NAMES, type ControlName } from '../domain/controls.js';
import type { NodeKind } from '../domain/kinds.js';
import type { CompiledGraph, EdgeRecord, GraphRecords, NodeRecord } from '../compile/compile.js';
import type { Deployment } from '../compile/deployment.js';
import type { PreparedModel } from '../analyze/prepared.js';
import { INTERNET, WEB } from '../compile/ids.js';
import { resolveFootholds } from '../analyze/footholds.js';
import { ACCESS_MODES, type Access, type Classification, type Model } from '../model/types.js';
import { buildDiagramStructure } from './diagram-structure.js';
import type { DiagramStructure } from './diagram-types.js';

export interface ViewerFoothold {
  /** What the user picks: a user entry, an organization, `internet`. */
  readonly name: string;
  readonly label: string;
  readonly nodes: readonly string[];
}

export interface ViewerModel {
  readonly name: string;
  readonly description: string;
  readonly nodes: {
    readonly ids: readonly string[];
    readonly kinds: readonly NodeKind[];
    readonly organizations: readonly (string | null)[];
    readonly labels: readonly string[];
  };
  /** Per edge (compiled order): endpoints, instance, access mode, blocking control and rule as indices; -1 for none. */
  readonly edges: {
    readonly source: readonly number[];
    readonly target: readonly number[];
    readonly instance: readonly number[];
    readonly access: readonly number[];
    readonly blockedBy: readonly number[];
    readonly rule: readonly number[];
  };
  readonly instances: { readonly ids: readonly string[]; readonly types: readonly BoundaryType[]; readonly groups: readonly (readonly string[])[] };
  readonly rules: readonly string[];
  readonly classification: Readonly<Record<string, Classification>>;
  /** The model's data stores with their nodes (a profile store has one per user). */
  readonly dataStores: readonly { readonly id: string; readonly organization: string; readonly classification: Classification; readonly location: string; readonly nodes: readonly string[] }[];
  readonly controls: Readonly<Record<ControlName, boolean>>;
  readonly footholds: readonly ViewerFoothold[];
  readonly structure: DiagramStructure;
}

export interface ViewerPayload {
  readonly models: readonly ViewerModel[];
  /** What the page opens on: a foothold (null: the viewer's default), failures, and control toggles over the models' own. */
  readonly initial: { readonly from: string | null; readonly fail: readonly string[]; readonly controls?: Partial<Record<ControlName, boolean>> };
}

export function viewerModel(prepared: Pick<PreparedModel, 'model' | 'deployment' | 'compiled' | 'nodes'>): ViewerModel {
  const { model, deployment, compiled, nodes } = prepared;
  const classification: Record<string, Classification> = {};
  nodes.forEach((a, v) => {
    if (a.kind === 'data') classification[compiled.nodeIds[v]!] = a.classification ?? 'confidential';
  });
  const groups = compiled.instanceIds.map((_, i) => {
    const out: string[] = [];
    for (let g = compiled.groupOffsets[i]!; g < compiled.groupOffsets[i + 1]!; g++) out.push(compiled.groupIds[compiled.groupMembers[g]!]!);
    return out;
  });
  const edges = { source: [] as number[], target: [] as number[], instance: [] as number[], access: [] as number[], blockedBy: [] as number[], rule: [] as number[] };
  // Compiled (CSR) order: recompiling these records in the browser reproduces the same arrays.
  for (let e = 0; e < compiled.edgeCount; e++) {
    edges.source.push(compiled.sources[e]!);
    edges.target.push(compiled.targets[e]!);
    edges.instance.push(compiled.instance[e]!);
    edges.access.push(compiled.access[e]!);
    const bits = compiled.blockedBy[e]!;
    edges.blockedBy.push(bits === 0 ? -1 : CONTROL_NAMES.findIndex((_, bit) => (bits & (1 << bit)) !== 0));
    edges.rule.push(compiled.edgeRule[e]!);
  }
  return {
    name: model.name,
    description: model.description,
    nodes: {
      ids: [...compiled.nodeIds],
      kinds: nodes.map((a) => a.kind),
      organizations: nodes.map((a) => a.organization),
      labels: nodes.map((a) => a.label),
    },
    edges,
    instances: { ids: [...compiled.instanceIds], types: [...compiled.instanceType].map((t) => BOUNDARY_TYPES[t]!), groups },
    rules: [...compiled.ruleIds],
    classification,
    dataStores: model.data.map((d) => ({
      id: d.id,
      organization: d.organization,
      classification: d.classification,
      location: d.location,
      nodes: (deployment.dataNodes.get(d.id) ?? []).map((n) => n.node),
    })),
    controls: { ...model.controls },
    footholds: footholdChoices(model, deployment, compiled),
    structure: buildDiagramStructure(model, deployment, compiled),
  };
}

/** User entries, then organizations (any standard user of it), then the outside world. */
function footholdChoices(model: Model, deployment: Deployment, compiled: CompiledGraph): ViewerFoothold[] {
  const out: ViewerFoothold[] = [];
  const add = (name: string, label: string) => {
    const resolved = resolveFootholds(compiled, deployment, [name]);
    if (resolved.ok && resolved.nodes.length > 0) out.push({ name, label, nodes: resolved.nodes });
  };
  for (const user of model.users) add(user.id, user.count > 1 ? `${user.id} (${user.count} users of ${user.organization})` : `${user.id} (${user.organization}${user.privilege === 'standard' ? '' : `, ${user.privilege}`})`);
  for (const org of model.organizations) add(org.id, `any standard user of ${org.name}`);
  add(INTERNET, 'the internet');
  add(WEB, 'a malicious website');
  return out;
}

/** The engine's records back from the columnar form. */
export function recordsOf(m: ViewerModel): GraphRecords {
  const nodes: NodeRecord[] = m.nodes.ids.map((id, i) => ({ id, kind: m.nodes.kinds[i]!, organization: m.nodes.organizations[i] ?? null }));
  const edges: EdgeRecord[] = m.edges.source.map((s, e) => {
    const instance = m.edges.instance[e]!;
    const blocked = m.edges.blockedBy[e]!;
    return {
      source: m.nodes.ids[s]!,
      target: m.nodes.ids[m.edges.target[e]!]!,
      boundary: instance < 0 ? null : m.instances.types[instance]!,
      instance: instance < 0 ? null : m.instances.ids[instance]!,
      groups: instance < 0 ? [] : m.instances.groups[instance]!,
      access: ACCESS_MODES[m.edges.access[e]!] as Access,
      blockedBy: blocked < 0 ? null : CONTROL_NAMES[blocked]!,
      rule: m.rules[m.edges.rule[e]!] ?? '',
    };
  });
  return { nodes, edges };
}
