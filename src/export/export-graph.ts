// The deployment graph as the exporters see it: every node and edge with plain attributes, sorted,
// and — when a scenario is given — what the attacker reached, which boundaries failed and which
// edges the attack can take. One neutral shape for OpenGraph, DOT and Mermaid alike.

import type { PreparedModel } from '../analyze/prepared.js';
import { resolveQuestion, type QuestionProblem, type WhatIfQuestion } from '../analyze/what-if.js';
import type { BoundaryType } from '../domain/boundary.js';
import { CONTROL_NAMES, type Controls } from '../domain/controls.js';
import type { NodeKind } from '../domain/kinds.js';
import { reach } from '../engine/reach.js';
import { controlMask } from '../engine/scenario.js';
import type { Access, Classification, DataLocation, EntityLocations, Privilege, SourceLocation } from '../model/types.js';
import { ACCESS_MODES } from '../model/types.js';
import { byString } from '../report/json.js';

export interface ExportNode {
  readonly id: string;
  readonly kind: NodeKind;
  readonly label: string;
  readonly organization: string | null;
  /** The model entity it derives from (`users/alice`) and where that is written. */
  readonly entity: string | null;
  readonly source: SourceLocation | null;
  readonly pool: string | null;
  readonly privilege: Privilege | null;
  readonly classification: Classification | null;
  readonly dataLocation: DataLocation | null;
  /** Null without a scenario. */
  readonly marking: NodeMarking | null;
}

export interface NodeMarking {
  readonly foothold: boolean;
  /** The attacker holds some access to it. */
  readonly reached: boolean;
  /** The attacker controls it (and propagates from it). */
  readonly controlled: boolean;
  /** Kinds of access held: every one when controlled. */
  readonly access: readonly Access[];
}

/** Parallel edges that differ only in the rule that derived them are one edge here. */
export interface ExportEdge {
  readonly from: string;
  readonly to: string;
  readonly boundary: BoundaryType | null;
  readonly instance: string | null;
  readonly access: Access;
  readonly rules: readonly string[];
  /** Its boundary instance fails in the scenario. */
  readonly failed: boolean;
  /** It can be crossed: legitimate access, or a failed boundary. */
  readonly traversable: boolean;
  /** Scenario only: traversable from a node the attacker controls — a step the attack can take. */
  readonly attack: boolean;
}

export interface ExportGraph {
  readonly model: string;
  readonly organizations: readonly { readonly id: string; readonly name: string }[];
  /** The question whose answer is marked; null for the plain graph. */
  readonly scenario: { readonly name: string; readonly from: readonly string[]; readonly fail: readonly string[]; readonly controls: Controls } | null;
  /** Sorted by id. */
  readonly nodes: readonly ExportNode[];
  /** Sorted by from, to, boundary, instance, access. */
  readonly edges: readonly ExportEdge[];
}

export interface ExportOptions {
  /** Keep only reached nodes and the attack edges between them (needs a scenario). */
  readonly onlyReached: boolean;
}

export type ExportOutcome =
  | { readonly ok: true; readonly graph: ExportGraph }
  | { readonly ok: false; readonly problems: readonly QuestionProblem[] };

/**
 * Edges a control removes (Reverse Connect's inbound listeners) are left out: with the control on
 * they do not exist, and a graph tool would otherwise show paths that are not there.
 */
export function exportGraph(
  prepared: PreparedModel,
  locations: EntityLocations,
  question: WhatIfQuestion | null,
  options: ExportOptions = { onlyReached: false },
): ExportOutcome {
  const { compiled, graph, model } = prepared;
  let controls: Controls = model.controls;
  let failed: Uint8Array = new Uint8Array(compiled.instanceCount);
  let marking: ((node: string) => NodeMarking) | null = null;
  let attackerControls: (node: string) => boolean = () => false;
  if (question !== null) {
    const resolution = resolveQuestion(prepared, question);
    if (!resolution.ok) return resolution;
    const { resolved } = resolution;
    controls = resolved.controls;
    failed = resolved.failed;
    const result = reach(compiled, resolved.sources, { failed, controls: controlMask(controls) });
    const footholds = new Set(resolved.footholds);
    attackerControls = (node) => result.controlled[compiled.nodeIndex.get(node)!] === 1;
    marking = (node) => {
      const bits = result.access[compiled.nodeIndex.get(node)!]!;
      const controlled = attackerControls(node);
      return {
        foothold: footholds.has(node),
        reached: bits !== 0,
        controlled,
        access: controlled ? [...ACCESS_MODES] : ACCESS_MODES.filter((_, i) => (bits & (1 << i)) !== 0),
      };
    };
  }

  const nodes: ExportNode[] = [];
  graph.forEachNode((id, a) => {
    nodes.push({
      id,
      kind: a.kind,
      label: a.label,
      organization: a.organization,
      entity: a.entity,
      source: a.entity === null ? null : (locations.get(a.entity) ?? null),
      pool: a.pool ?? null,
      privilege: a.privilege ?? null,
      classification: a.classification ?? null,
      dataLocation: a.location ?? null,
      marking: marking === null ? null : marking(id),
    });
  });

  const merged = new Map<string, { edge: Omit<ExportEdge, 'rules'>; rules: Set<string> }>();
  graph.forEachEdge((_key, a, from, to) => {
    if (a.blockedBy !== null && controls[a.blockedBy]) return;
    const instance = a.instance === null ? -1 : (compiled.instanceIndex.get(a.instance) ?? -1);
    const isFailed = instance >= 0 && failed[instance] === 1;
    const traversable = a.boundary === null || isFailed;
    const key = [from, to, a.boundary ?? '', a.instance ?? '', a.access].join('\u0000');
    const entry = merged.get(key) ?? {
      edge: { from, to, boundary: a.boundary, instance: a.instance, access: a.access, failed: isFailed, traversable, attack: traversable && attackerControls(from) },
      rules: new Set<string>(),
    };
    entry.rules.add(a.rule);
    merged.set(key, entry);
  });
  let edges: ExportEdge[] = [...merged.values()].map(({ edge, rules }) => ({ ...edge, rules: [...rules].sort(byString) }));

  nodes.sort((a, b) => byString(a.id, b.id));
  edges.sort(compareExportEdges);
  let kept = nodes;
  if (options.onlyReached && question !== null) {
    kept = nodes.filter((n) => n.marking?.reached === true);
    edges = edges.filter((e) => e.attack);
  }
  return {
    ok: true,
    graph: {
      model: model.name,
      organizations: model.organizations.map((o) => ({ id: o.id, name: o.name })),
      scenario:
        question === null
          ? null
          : {
              name: question.name,
              from: [...question.from],
              fail: [...question.fail],
              controls: Object.fromEntries(CONTROL_NAMES.map((c) => [c, controls[c]])) as Controls,
            },
      nodes: kept,
      edges,
    },
  };
}

/** The order of edges in every export: by source, target, boundary, instance, then access. */
export function compareExportEdges(a: ExportEdge, b: ExportEdge): number {
  return (
    byString(a.from, b.from) ||
    byString(a.to, b.to) ||
    byString(a.boundary ?? '', b.boundary ?? '') ||
    byString(a.instance ?? '', b.instance ?? '') ||
    byString(a.access, b.access)
  );
}
