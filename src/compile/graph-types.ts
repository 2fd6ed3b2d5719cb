// The deployment graph's attribute types: nodes carry kind and organization, edges carry the
// boundary they cross (or none: legitimate access), the boundary instance, and what they grant.

import type { MultiDirectedGraph } from 'graphology';
import type { BoundaryType } from '../domain/boundary.js';
import type { ControlName } from '../domain/controls.js';
import type { NodeKind } from '../domain/kinds.js';
import type { Access, Classification, DataLocation, Privilege } from '../model/types.js';

export interface NodeAttributes {
  readonly kind: NodeKind;
  /** The organization the node belongs to; null for shared infrastructure (a shared pool's VMs, `internet`). */
  readonly organization: string | null;
  /** A short human label ("session of alice", "pool1-vm3"). */
  readonly label: string;
  /** The model entity it derives from (`users/alice`, `hostPools/pool1`), for source positions; null for built-ins. */
  readonly entity: string | null;
  /** Host pool of a VM, session or placement node. */
  readonly pool?: string;
  /** User entry of a principal, session, process, device or credential (the entry id, not the member). */
  readonly user?: string;
  readonly privilege?: Privilege;
  readonly classification?: Classification;
  readonly location?: DataLocation;
}

export interface EdgeAttributes {
  /** The boundary this edge crosses; null for legitimate access (always traversable). */
  readonly boundary: BoundaryType | null;
  /** The concrete boundary instance (`session@pool1-vm3`); null exactly when boundary is null. */
  readonly instance: string | null;
  /** Failure groups the instance belongs to (`build:win11-23h2`), so a scenario can fail a whole group. */
  readonly groups: readonly string[];
  readonly access: Access;
  /** The control that removes this edge when it is on (Reverse Connect removes inbound listeners). */
  readonly blockedBy: ControlName | null;
  /** Id of the rule that derived the edge (`extra` for edges the model declares itself). */
  readonly rule: string;
}

export interface GraphAttributes {
  readonly model: string;
}

export type DeploymentGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * A node as the sink numbered it when it was added (its position in added order): rules pass
 * handles of the nodes they emit by the million (a member's session, processes, credential …)
 * instead of ids the sink would look up in a hash map of every id.
 */
export type NodeHandle = number;

/** An edge's endpoint: a node id, or the handle the sink returned for it. */
export type NodeRef = string | NodeHandle;

/**
 * How rules find a node: `byId` (the default) by its id as well as its handle; `byHandle` only by its
 * handle, so the sink need not index its id for fast lookup (a lookup by id still finds it, slower).
 */
export type NodeLookupHint = 'byId' | 'byHandle';

/** A node added after another of the same id: not part of the graph. */
export interface DuplicateNode {
  readonly id: string;
  readonly attributes: NodeAttributes;
}

/**
 * Where rules write: every node first, then `sealNodes()`, then the edges. Implemented by a
 * graphology graph builder; a direct-to-arrays builder (compile.ts) skips graphology.
 */
export interface GraphSink {
  /** Adds a node and returns its handle. An id added twice is reported by `sealNodes()`. */
  addNode(id: string, attributes: NodeAttributes, lookup?: NodeLookupHint): NodeHandle;
  /** Ends the nodes; returns the nodes whose id an earlier node holds, in added order. */
  sealNodes(): readonly DuplicateNode[];
  /** Throws (CompileError `unknownEndpoint`) for an id or handle of no node. */
  addEdge(from: NodeRef, to: NodeRef, attributes: EdgeAttributes): void;
}
