// What the interactive viewer embeds for one model: the engine's node and edge records (columnar, so
// large models stay compact), labels and organizations, the foothold choices resolved exactly as the
// CLI resolves them, and the diagram structure. The browser rebuilds the records and runs the same
// compile → reach → depth code as the CLI on them.

import type { BoundaryType } from '../domain/boundary.js';
import { CONTROL_NAMES, type ControlName } from '../domain/controls.js';
import type { NodeKind } from '../domain/kinds.js';
import type { EdgeRecord, GraphRecords, NodeRecord } from '../compile/compile.js';
import type { Deployment } from '../compile/deployment.js';
import type { DeploymentGraph } from '../compile/graph-types.js';
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
  /** Per edge (input order): endpoints and instance as indices; -1 for none. */
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
  readonly initial: { readonly from: string | null; readonly fail: readonly string[] };
}

export function viewerModel(model: Model, deployment: Deployment, graph: DeploymentGraph): ViewerModel {
  const ids: string[] = [];
  const kinds: NodeKind[] = [];
  const organizations: (string | null)[] = [];
  const labels: string[] = [];
  const index = new Map<string, number>();
  const classification: Record<string, Classification> = {};
  graph.forEachNode((id, a) => {
    index.set(id, ids.length);
    ids.push(id);
    kinds.push(a.kind);
    organizations.push(a.organization);
    labels.push(a.label);
    if (a.kind === 'data') classification[id] = a.classification ?? 'confidential';
  });
  const instanceIndex = new Map<string, number>();
  const instances = { ids: [] as string[], types: [] as BoundaryType[], groups: [] as string[][] };
  const rules: string[] = [];
  const ruleIndex = new Map<string, number>();
  const edges = { source: [] as number[], target: [] as number[], instance: [] as number[], access: [] as number[], blockedBy: [] as number[], rule: [] as number[] };
  graph.forEachEdge((_key, a, source, target) => {
    let instance = -1;
    if (a.instance !== null && a.boundary !== null) {
      instance = instanceIndex.get(a.instance) ?? -1;
      if (instance < 0) {
        instance = instances.ids.length;
        instanceIndex.set(a.instance, instance);
        instances.ids.push(a.instance);
        instances.types.push(a.boundary);
        instances.groups.push([]);
      }
      const groups = instances.groups[instance]!;
      for (const g of a.groups) if (!groups.includes(g)) groups.push(g);
    }
    if (!ruleIndex.has(a.rule)) {
      ruleIndex.set(a.rule, rules.length);
      rules.push(a.rule);
    }
    edges.source.push(index.get(source)!);
    edges.target.push(index.get(target)!);
    edges.instance.push(instance);
    edges.access.push(ACCESS_MODES.indexOf(a.access));
    edges.blockedBy.push(a.blockedBy === null ? -1 : CONTROL_NAMES.indexOf(a.blockedBy));
    edges.rule.push(ruleIndex.get(a.rule)!);
  });
  return {
    name: model.name,
    description: model.description,
    nodes: { ids, kinds, organizations, labels },
    edges,
    instances,
    rules,
    classification,
    dataStores: model.data.map((d) => ({
      id: d.id,
      organization: d.organization,
      classification: d.classification,
      location: d.location,
      nodes: (deployment.dataNodes.get(d.id) ?? []).map((n) => n.node),
    })),
    controls: { ...model.controls },
    footholds: footholdChoices(model, deployment, graph),
    structure: buildDiagramStructure(model, deployment, graph),
  };
}

/** User entries, then organizations (any standard user of it), then the outside world. */
function footholdChoices(model: Model, deployment: Deployment, graph: DeploymentGraph): ViewerFoothold[] {
  const out: ViewerFoothold[] = [];
  const add = (name: string, label: string) => {
    const resolved = resolveFootholds(graph, deployment, [name]);
    if (resolved.ok && resolved.nodes.length > 0) out.push({ name, label, nodes: resolved.nodes });
  };
  for (const user of model.users) add(user.id, user.count > 1 ? `${user.id} (${user.count} users of ${user.organization})` : `${user.id} (${user.organization}${user.privilege === 'standard' ? '' : `, ${user.privilege}`})`);
  for (const org of model.organizations) add(org.id, `any standard user of ${org.name}`);
  add(INTERNET, 'the internet');
  add(WEB, 'a malicious website');
  return out;
}

/** The engine's records back from the columnar form (edge keys `#i` name the input position). */
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
      key: `#${e}`,
    };
  });
  return { nodes, edges };
}
