// What risk is measured on: every data store (one or more graph nodes: a profile store has one
// container per user), every organization (any of its stores) and the top event that importance
// and "harden these first" rank against (any data of the victim organizations).

import { NODE_KINDS } from '../domain/kinds.js';
import type { PreparedModel } from '../analyze/prepared.js';
import type { PropagationGraph } from '../engine/propagation-graph.js';
import { reachedRow } from '../engine/propagation-graph.js';

export interface StoreTarget {
  /** The model's data store id (or the node id of a hand-declared data node). */
  readonly id: string;
  readonly organization: string;
  readonly classification: string;
  /** Compiled node indices of the store. */
  readonly nodes: readonly number[];
}

export interface OrganizationTarget {
  readonly id: string;
  /** The footholds belong to it. */
  readonly attacker: boolean;
  /** Indices into `stores`. */
  readonly stores: readonly number[];
}

export interface RiskTargets {
  readonly stores: readonly StoreTarget[];
  readonly organizations: readonly OrganizationTarget[];
  /** The victims of the top event (importance ranks against "any of their data exposed"). */
  readonly victims: readonly string[];
  /** Indices into `stores` of the victims' data. */
  readonly topStores: readonly number[];
}

const DATA_KIND = NODE_KINDS.indexOf('data');

/**
 * Stores in model order, then hand-declared data nodes; organizations in model order. `victims`
 * empty means every organization the footholds do not belong to (every one, for an outsider).
 */
export function riskTargets(prepared: PreparedModel, footholds: readonly number[], victims: readonly string[] = []): RiskTargets {
  const { compiled, model, deployment } = prepared;
  const stores: StoreTarget[] = [];
  const covered = new Set<number>();
  for (const store of model.data) {
    const nodes = (deployment.dataNodes.get(store.id) ?? []).flatMap((d) => compiled.nodeIndex.get(d.node) ?? []);
    nodes.forEach((v) => covered.add(v));
    stores.push({ id: store.id, organization: store.organization, classification: store.classification, nodes });
  }
  for (let v = 0; v < compiled.nodeCount; v++) {
    if (compiled.nodeKind[v] !== DATA_KIND || covered.has(v)) continue;
    const attributes = prepared.nodes[v]!;
    stores.push({ id: compiled.nodeIds[v]!, organization: attributes.organization ?? '', classification: attributes.classification ?? 'confidential', nodes: [v] });
  }
  const attackerOrgs = new Set(footholds.flatMap((v) => prepared.nodes[v]!.organization ?? []));
  const organizations = model.organizations.map((o) => ({
    id: o.id,
    attacker: attackerOrgs.has(o.id),
    stores: stores.flatMap((s, i) => (s.organization === o.id ? [i] : [])),
  }));
  const chosen = victims.length > 0 ? victims : organizations.filter((o) => !o.attacker).map((o) => o.id);
  const victimSet = new Set(chosen);
  return {
    stores,
    organizations,
    victims: chosen,
    topStores: stores.flatMap((s, i) => (victimSet.has(s.organization) ? [i] : [])),
  };
}

/** The rows whose label means "reached" for a store's nodes. */
export function storeRows(graph: PropagationGraph, store: StoreTarget): number[] {
  return store.nodes.map((v) => reachedRow(graph, v));
}
