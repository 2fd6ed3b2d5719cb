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

/** Where rules write. Implemented by a graphology graph builder; a direct-to-arrays builder can skip graphology. */
export interface GraphSink {
  /** Adds a node; false (and nothing added) when a node with this id exists already. */
  addNode(id: string, attributes: NodeAttributes): boolean;
  addEdge(from: string, to: string, attributes: EdgeAttributes): void;
}
