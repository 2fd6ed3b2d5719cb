// The data a blast-radius diagram is drawn from, as plain JSON-able values: the static structure of
// a deployment (what contains what, which graph nodes and boundary walls each box stands for) and the
// state of one what-if on it (what is reached, which walls failed, the numbered explanation path).
// viz/ renders these; it never sees the engine or the model loader.

import type { Hop } from '../analyze/what-if-types.js';
import type { Access, Classification, DataLocation } from '../model/types.js';

export type ElementRole =
  | 'canvas'
  | 'outside'
  | 'organization'
  | 'tenant'
  | 'subscription'
  | 'pool'
  | 'host'
  | 'section'
  | 'vm'
  | 'card'
  | 'chip'
  | 'data'
  | 'network'
  | 'extra'
  /** A collapsed organization (focus layout): one box with its reach. */
  | 'summary';

/** How a container places its children: one under another, wrapped left to right, or in equal columns. */
export type Arrangement = 'stack' | 'flow' | 'columns';

export interface DiagramElement {
  /** Unique within the diagram; derived from model ids only (`vm:pool1-vm3`, `user:alice`). */
  readonly id: string;
  readonly role: ElementRole;
  readonly label: string;
  readonly detail: string | null;
  readonly organization: string | null;
  /** How many users (or VMs) a collapsed box stands for; 1 otherwise. */
  readonly count: number;
  /** Graph nodes whose reach this box shows: one per member of a collapsed group. */
  readonly nodes: readonly string[];
  /** Boundary instances that form this box's wall: drawn broken when one of them fails. */
  readonly walls: readonly string[];
  readonly arrange: Arrangement;
  readonly children: readonly DiagramElement[];
  readonly classification?: Classification;
  readonly location?: DataLocation;
  /** Short badges (`local admin`, `browser`). */
  readonly tags?: readonly string[];
}

export interface DiagramOrganization {
  readonly id: string;
  readonly name: string;
  /** Every data node of the organization (a profile store has one per user; a container is its user's organization's). */
  readonly dataNodes: readonly string[];
  /**
   * Other organizations' data nodes it is authorized for every access to (src/analyze/authorization.ts):
   * reaching them is not exposure.
   */
  readonly authorizedData: readonly string[];
  /** Other organizations' data nodes it may only read: reading them is not exposure, control, tamper or deny is. */
  readonly readOnlyData: readonly string[];
}

export interface DiagramStructure {
  readonly model: string;
  readonly description: string;
  readonly organizations: readonly DiagramOrganization[];
  readonly root: DiagramElement;
  /** Graph node → the id of the box that draws it (nodes drawn nowhere, such as hubs, are absent). */
  readonly nodeElement: Readonly<Record<string, string>>;
}

export interface DiagramFoothold {
  readonly id: string;
  readonly label: string;
  readonly organization: string | null;
}

/** One reached data node and the explanation path to it (hops as in a what-if result). */
export interface DiagramData {
  readonly id: string;
  readonly organization: string;
  readonly classification: Classification;
  readonly path: readonly Hop[];
}

/** What one what-if produced, in plain values: from a WhatIfResult (CLI) or from the engine (viewer). */
export interface DiagramInput {
  readonly scenario: string;
  /** Footholds as the question named them (a user, a group, `internet`). */
  readonly from: readonly string[];
  readonly fail: readonly string[];
  readonly controls: Readonly<Record<string, boolean>>;
  readonly footholds: readonly DiagramFoothold[];
  /** Failed boundary instance ids, sorted. */
  readonly failedInstances: readonly string[];
  /** Nodes the attacker controls, sorted. */
  readonly controlled: readonly string[];
  /** Nodes the attacker only has some access to (read, tamper, deny), with that access; sorted by id. */
  readonly accessed: readonly (readonly [string, readonly Access[]])[];
  readonly data: readonly DiagramData[];
}

export interface ElementReach {
  /** Nodes of the element reached (controlled or accessed). */
  readonly reached: number;
  readonly total: number;
  /** Some node of it is controlled (not merely read). */
  readonly controlled: boolean;
  /** Kinds of access held where nothing is controlled (`read` for a store the attacker may only read). */
  readonly access: readonly Access[];
}

export interface PathStep {
  /** 0 is the foothold. */
  readonly step: number;
  readonly node: string;
  readonly label: string;
  readonly element: string | null;
  /** The boundary instance this step crosses (failed, or it would not be on a path), or null. */
  readonly instance: string | null;
  readonly rule: string | null;
}

export interface OrganizationSummary {
  readonly id: string;
  readonly name: string;
  readonly attacker: boolean;
  /** Its data reached that the attacker organizations are not authorized for (all of it for the attacker's own). */
  readonly dataReached: number;
  readonly dataTotal: number;
  /** Its data reached that every attacker organization is authorized for: legitimate, not counted in `dataReached`. */
  readonly authorizedReached: number;
}

export interface DiagramState {
  readonly title: string;
  readonly headline: string;
  /** Short facts under the headline: footholds, failures, controls. */
  readonly facts: readonly string[];
  readonly footholdElements: readonly string[];
  readonly failedInstances: readonly string[];
  /** Per element id with at least one node; elements without nodes are absent. */
  readonly reach: Readonly<Record<string, ElementReach>>;
  readonly path: {
    readonly target: { readonly id: string; readonly label: string; readonly organization: string; readonly classification: Classification } | null;
    readonly steps: readonly PathStep[];
  };
  readonly organizations: readonly OrganizationSummary[];
}
