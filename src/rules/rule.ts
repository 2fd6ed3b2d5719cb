// A rule turns one of the guide's sentences into edges. Each rule is one file carrying its own id,
// a one-line description and the sentence it implements; the registry (./registry.ts) lists them all.

import type { BoundaryType } from '../domain/boundary.js';
import type { ControlName } from '../domain/controls.js';
import type { Deployment } from '../compile/deployment.js';
import type { NodeRef } from '../compile/graph-types.js';
import type { Access } from '../model/types.js';

export interface EdgeOptions {
  /** The boundary crossed; omit for legitimate access. */
  readonly boundary?: BoundaryType;
  /** Where the boundary instance sits (a VM, a physical host, an app); the instance id is `boundary@place`. */
  readonly place?: string;
  /** Failure groups of the instance (`build:…`, `pool:…`). */
  readonly groups?: readonly string[];
  readonly access?: Access;
  readonly blockedBy?: ControlName;
}

/**
 * Emits an edge between two nodes, named by id or by handle (graph-types.ts): rules that emit an edge
 * per member pass the handles emitNodes wrote on the deployment's members, seats and data nodes.
 */
export type EmitEdge = (from: NodeRef, to: NodeRef, options?: EdgeOptions) => void;

/** Where Microsoft Learn documents what a rule relies on. */
export interface LearnSource {
  readonly page: string;
  /**
   * For a rule about what Azure, Entra ID or AD DS grants: the documented actions or data actions
   * (`Microsoft.Compute/virtualMachines/runCommand/action`), or role names, it relies on. Such a
   * rule's `guide` summarizes this page instead of quoting the security guide.
   */
  readonly permissions?: readonly string[];
}

export interface Rule {
  /** Stable id, used in edge attributes, explanations and finding ids. */
  readonly id: string;
  readonly description: string;
  /**
   * The sentence of the security guide (or domain.md) that the rule implements, quoted; for a rule
   * about what Azure grants (with `learn.permissions`), what that Microsoft Learn page documents, in brief.
   */
  readonly guide: string;
  /**
   * The Microsoft Learn page documenting the behaviour, where the guide names it without detail;
   * with `permissions` for rules about what Azure, Entra ID or AD DS grants.
   */
  readonly learn?: LearnSource;
  /**
   * How long control gained over this rule's edges lasts. `whileSignedIn`: only while a user's logon
   * session lives (a session acting as its user), so a principal reached only through such edges is
   * reported `whileSignedIn`; omitted: for as long as the attacker likes (`persistent`). Data, not a
   * node-kind switch: the persistence pass (src/engine/persistence.ts) reads it per edge.
   */
  readonly persistence?: 'whileSignedIn';
  apply(deployment: Deployment, edge: EmitEdge): void;
}

/** Failure groups of every boundary that sits on a session host: its OS build and its pool. */
export function hostGroups(osBuild: string, pool: string): readonly string[] {
  return [`build:${osBuild}`, `pool:${pool}`];
}
