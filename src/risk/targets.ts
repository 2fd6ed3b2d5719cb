// What risk is measured on: every data store (one or more graph nodes: a profile store has one
// container per user), every organization (any of its data the attackers are not authorized for)
// and the top event that importance and "harden these first" rank against (any such data of the
// victim organizations). Authorized data is reached legitimately and is no exposure
// (src/analyze/authorization.ts): it is listed per organization, never counted.

import { ALL_ACCESS, authorizationOf, READ_ACCESS } from '../analyze/authorization.js';
import { NODE_KINDS } from '../domain/kinds.js';
import type { PreparedModel } from '../analyze/prepared.js';
import type { PropagationGraph } from '../engine/propagation-graph.js';
import { beyondReadRow, reachedRow } from '../engine/propagation-graph.js';

export interface StoreTarget {
  /** The model's data store id (or the node id of a hand-declared data node). */
  readonly id: string;
  readonly organization: string;
  readonly classification: string;
  /** Compiled node indices of the store (or of this part of it). */
  readonly nodes: readonly number[];
  /**
   * False for a part of a store: the nodes of one owner organization and one authorization, when a
   * store's nodes differ in them (a provider's profile share holding several customers'
   * containers). Parts are measured for the organizations and the top event, never shown as rows.
   */
  readonly shown: boolean;
  /** Another organization's data that every attacker organization is authorized for every access to (never for an outsider). */
  readonly authorized: boolean;
  /**
   * Every attacker organization may read it (and some only read): only reach with control, tamper or
   * deny is exposure, so its rows are beyondReadRow's (authorization.ts, per access kind).
   */
  readonly beyondRead: boolean;
}

export interface OrganizationTarget {
  readonly id: string;
  /** The footholds belong to it. */
  readonly attacker: boolean;
  /** Indices into `stores`: its data (by owner) the attackers are not authorized for. */
  readonly stores: readonly number[];
  /** Its stores the attackers are authorized for (ids, sorted): listed, not counted. */
  readonly authorized: readonly string[];
  /** Its stores the attackers may only read (ids, sorted): counted by their reach beyond read. */
  readonly readOnly: readonly string[];
}

export interface RiskTargets {
  readonly stores: readonly StoreTarget[];
  readonly organizations: readonly OrganizationTarget[];
  /** The victims of the top event (importance ranks against "any of their data exposed"). */
  readonly victims: readonly string[];
  /** Indices into `stores` of the victims' data that the attackers are not authorized for. */
  readonly topStores: readonly number[];
}

const DATA_KIND = NODE_KINDS.indexOf('data');

/**
 * Stores in model order (each followed by its parts, if any), then hand-declared data nodes;
 * organizations in model order. `victims` empty means every organization the footholds do not
 * belong to (every one, for an outsider). Data is authorized when every organization of the
 * footholds is authorized for it.
 */
export function riskTargets(prepared: PreparedModel, footholds: readonly number[], victims: readonly string[] = []): RiskTargets {
  const { compiled, model, deployment } = prepared;
  const authorization = authorizationOf(deployment);
  const attackerOrgs = new Set(footholds.flatMap((v) => prepared.nodes[v]!.organization ?? []));
  // The access kinds every attacker organization holds (AND; nothing for an outsider).
  const heldBy = (access: ReadonlyMap<string, number>) => (attackerOrgs.size === 0 ? 0 : [...attackerOrgs].reduce((mask, a) => mask & (access.get(a) ?? 0), ALL_ACCESS));
  const stores: StoreTarget[] = [];
  /** Per stores index: the owner organization whose data it counts as (parts and whole stores alike). */
  const ownerOf: string[] = [];
  const covered = new Set<number>();
  for (const store of model.data) {
    const parts = new Map<string, { owner: string; authorized: boolean; beyondRead: boolean; nodes: number[] }>();
    const nodes: number[] = [];
    for (const node of deployment.dataNodes.get(store.id) ?? []) {
      const v = compiled.nodeIndex.get(node.node);
      if (v === undefined) continue;
      nodes.push(v);
      covered.add(v);
      const owner = authorization.ownerOf(store, node);
      // Cross-organization only: the attackers' own organization's data is counted as before (within
      // an organization, authorization is per user, and risk shows the organization's own exposure).
      const held = attackerOrgs.has(owner) ? 0 : heldBy(authorization.accessFor(store, node));
      const authorized = held === ALL_ACCESS;
      const beyondRead = held === READ_ACCESS;
      const key = `${owner}\u0000${authorized}\u0000${beyondRead}`;
      const part = parts.get(key) ?? parts.set(key, { owner, authorized, beyondRead, nodes: [] }).get(key)!;
      part.nodes.push(v);
    }
    const whole = { id: store.id, organization: store.organization, classification: store.classification, nodes };
    const only = parts.size <= 1 ? [...parts.values()][0] : undefined;
    if (parts.size <= 1) {
      stores.push({ ...whole, shown: true, authorized: only?.authorized ?? false, beyondRead: only?.beyondRead ?? false });
      ownerOf.push(only?.owner ?? store.organization);
      continue;
    }
    stores.push({ ...whole, shown: true, authorized: [...parts.values()].every((p) => p.authorized), beyondRead: false });
    ownerOf.push(''); // the whole store counts for no organization: its parts do
    for (const part of parts.values()) {
      stores.push({ ...whole, nodes: part.nodes, shown: false, authorized: part.authorized, beyondRead: part.beyondRead });
      ownerOf.push(part.owner);
    }
  }
  for (let v = 0; v < compiled.nodeCount; v++) {
    if (compiled.nodeKind[v] !== DATA_KIND || covered.has(v)) continue;
    const attributes = prepared.nodes[v]!;
    const organization = attributes.organization ?? '';
    stores.push({ id: compiled.nodeIds[v]!, organization, classification: attributes.classification ?? 'confidential', nodes: [v], shown: true, authorized: false, beyondRead: false });
    ownerOf.push(organization);
  }
  const counted = (i: number, org: string) => ownerOf[i] === org && !stores[i]!.authorized;
  const organizations = model.organizations.map((o) => ({
    id: o.id,
    attacker: attackerOrgs.has(o.id),
    stores: stores.flatMap((_, i) => (counted(i, o.id) ? [i] : [])),
    authorized: [...new Set(stores.flatMap((s, i) => (ownerOf[i] === o.id && s.authorized ? [s.id] : [])))].sort(),
    readOnly: [...new Set(stores.flatMap((s, i) => (ownerOf[i] === o.id && s.beyondRead ? [s.id] : [])))].sort(),
  }));
  const chosen = victims.length > 0 ? victims : organizations.filter((o) => !o.attacker).map((o) => o.id);
  const victimSet = new Set(chosen);
  return {
    stores,
    organizations,
    victims: chosen,
    topStores: stores.flatMap((s, i) => (victimSet.has(ownerOf[i]!) && !s.authorized ? [i] : [])),
  };
}

/** The rows whose label means exposure of a store's nodes: "reached", or "reached beyond read" (StoreTarget.beyondRead). */
export function storeRows(graph: PropagationGraph, store: Pick<StoreTarget, 'nodes' | 'beyondRead'>): number[] {
  return store.nodes.map((v) => (store.beyondRead ? beyondReadRow(graph, v) : reachedRow(graph, v)));
}
