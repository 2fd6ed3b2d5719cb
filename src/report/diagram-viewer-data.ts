// What the interactive viewer embeds for one model, and what it unpacks to in the browser: the
// engine's node and edge records (packed as compact columns, diagram-viewer-pack.ts), labels, the
// foothold choices resolved exactly as the CLI resolves them, and the diagram structure. The browser
// recompiles the records and runs the same compile → reach → depth code as the CLI on them.

import { CONTROL_NAMES, type ControlName } from '../domain/controls.js';
import type { CompiledGraph, EdgeRecord, GraphRecords, NodeRecord } from '../compile/compile.js';
import type { Deployment } from '../compile/deployment.js';
import type { PreparedModel } from '../analyze/prepared.js';
import { INTERNET, WEB } from '../compile/ids.js';
import { resolveFootholds } from '../analyze/footholds.js';
import { BOUNDARY_TYPES } from '../domain/boundary.js';
import { ACCESS_MODES, type Access, type Classification, type DataLocation, type Model } from '../model/types.js';
import type { DiagramElement, DiagramOrganization, DiagramStructure } from './diagram-types.js';

export interface ViewerFoothold {
  /** What the user picks: a user entry, an organization, `internet`. */
  readonly name: string;
  readonly label: string;
  readonly nodes: readonly string[];
}

export interface ViewerDataStore {
  readonly id: string;
  readonly organization: string;
  readonly classification: Classification;
  readonly location: DataLocation;
  /** The store's data nodes (a profile store has one per user). */
  readonly nodes: readonly string[];
}

/** One model as the page's script holds it once unpacked. */
export interface ViewerModel {
  readonly name: string;
  readonly description: string;
  /** The engine arrays, recompiled from the packed records (equal to the CLI's). */
  readonly compiled: CompiledGraph;
  /** Per compiled node: its label. */
  readonly labels: readonly string[];
  /** Data node id → classification. */
  readonly classification: ReadonlyMap<string, Classification>;
  readonly dataStores: readonly ViewerDataStore[];
  readonly controls: Readonly<Record<ControlName, boolean>>;
  readonly footholds: readonly ViewerFoothold[];
  readonly structure: DiagramStructure;
}

/** The columns of a packed model, each raw-deflated then base64-encoded (layouts in diagram-viewer-pack.ts). */
export interface PackedColumns {
  readonly nodeIdLengths: string;
  readonly nodeIdTails: string;
  readonly labelLengths: string;
  readonly labelTails: string;
  readonly kinds: string;
  readonly organizations: string;
  readonly degrees: string;
  readonly targets: string;
  readonly instances: string;
  readonly access: string;
  readonly blockedBy: string;
  readonly rules: string;
  readonly instanceIdLengths: string;
  readonly instanceIdTails: string;
  readonly instanceTypes: string;
  readonly instanceGroups: string;
  readonly nodeElement: string;
  /** PackedDetail as JSON. */
  readonly detail: string;
}

/** A model as the page embeds it. */
export interface PackedViewerModel {
  readonly name: string;
  readonly description: string;
  readonly counts: { readonly nodes: number; readonly edges: number; readonly instances: number };
  /** Small tables the columns index: organization, rule and group ids (compiled order). */
  readonly organizations: readonly string[];
  readonly rules: readonly string[];
  readonly groups: readonly string[];
  readonly controls: Readonly<Record<ControlName, boolean>>;
  readonly columns: PackedColumns;
}

/** Node lists as delta-coded node indices (`deltas` in diagram-viewer-bytes.ts). */
type Indexed<T, K extends keyof T> = Omit<T, K> & { readonly [P in K]: readonly number[] };

export type PackedElement = Omit<Indexed<DiagramElement, 'nodes'>, 'children'> & { readonly children: readonly PackedElement[] };

export interface PackedDetail {
  readonly classification: readonly { readonly classification: Classification; readonly nodes: readonly number[] }[];
  readonly dataStores: readonly Indexed<ViewerDataStore, 'nodes'>[];
  readonly footholds: readonly Indexed<ViewerFoothold, 'nodes'>[];
  readonly structure: Omit<DiagramStructure, 'organizations' | 'root' | 'nodeElement'> & {
    readonly organizations: readonly Indexed<DiagramOrganization, 'dataNodes' | 'authorizedData' | 'readOnlyData'>[];
    readonly root: PackedElement;
    /** The boxes the `nodeElement` column numbers (1-based there; 0: drawn nowhere). */
    readonly elementIds: readonly string[];
  };
}

export interface ViewerPayload {
  readonly models: readonly PackedViewerModel[];
  /** What the page opens on: a foothold (null: the viewer's default), failures, and control toggles over the models' own. */
  readonly initial: { readonly from: string | null; readonly fail: readonly string[]; readonly controls?: Partial<Record<ControlName, boolean>> };
}

/** User entries, then organizations (any standard user of it), then the outside world. */
export function footholdChoices(model: Model, deployment: Deployment, compiled: CompiledGraph): ViewerFoothold[] {
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

/**
 * The engine records the page stands for: every node (id, kind, organization) and every edge in
 * compiled (CSR) order, so recompiling them reproduces the CLI's arrays. The packed page must unpack
 * to exactly these (test/viz/viewer-pack.test.ts).
 */
export function recordsOf({ compiled, nodes }: Pick<PreparedModel, 'compiled' | 'nodes'>): GraphRecords {
  const records: NodeRecord[] = compiled.nodeIds.map((id, v) => ({ id, kind: nodes[v]!.kind, organization: nodes[v]!.organization ?? null }));
  const edges: EdgeRecord[] = [];
  for (let e = 0; e < compiled.edgeCount; e++) {
    const i = compiled.instance[e]!;
    const bits = compiled.blockedBy[e]!;
    const groups: string[] = [];
    if (i >= 0) for (let g = compiled.groupOffsets[i]!; g < compiled.groupOffsets[i + 1]!; g++) groups.push(compiled.groupIds[compiled.groupMembers[g]!]!);
    edges.push({
      source: compiled.nodeIds[compiled.sources[e]!]!,
      target: compiled.nodeIds[compiled.targets[e]!]!,
      boundary: i < 0 ? null : BOUNDARY_TYPES[compiled.instanceType[i]!]!,
      instance: i < 0 ? null : compiled.instanceIds[i]!,
      groups,
      access: ACCESS_MODES[compiled.access[e]!] as Access,
      blockedBy: bits === 0 ? null : CONTROL_NAMES[CONTROL_NAMES.findIndex((_, bit) => (bits & (1 << bit)) !== 0)]!,
      rule: compiled.ruleIds[compiled.edgeRule[e]!] ?? '',
    });
  }
  return { nodes: records, edges };
}

/** Whether the page offers `name` as a foothold of this model (one of `footholdChoices`). */
export function hasFoothold({ model, deployment, compiled }: Pick<PreparedModel, 'model' | 'deployment' | 'compiled'>, name: string): boolean {
  const offered = name === INTERNET || name === WEB || model.users.some((u) => u.id === name) || model.organizations.some((o) => o.id === name);
  if (!offered) return false;
  const resolved = resolveFootholds(compiled, deployment, [name]);
  return resolved.ok && resolved.nodes.length > 0;
}
