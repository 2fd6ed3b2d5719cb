// The answer to one what-if: what an attacker at the footholds reaches when the named boundaries
// fail, rolled up per organization, with each reached data store's impact and explanation path.

import type { BoundaryType } from '../domain/boundary.js';
import type { ControlName } from '../domain/controls.js';
import type { Classification, DataLocation } from '../model/types.js';

export type Impact = 'read' | 'tamper' | 'deny';

/** One step of an attack path: controlling `from` gains `to`, crossing `boundary` if it is not null. */
export interface Hop {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly boundary: BoundaryType | null;
  readonly instance: string | null;
  readonly rule: string;
}

export interface ReachedData {
  readonly id: string;
  /** The model's data store entry (a profile store has one node per user). */
  readonly store: string;
  readonly organization: string;
  readonly classification: Classification;
  readonly location: DataLocation;
  readonly impacts: readonly Impact[];
  /** Boundary instances the explanation path crosses, in path order. */
  readonly failures: readonly string[];
  readonly path: readonly Hop[];
}

export interface OrganizationReach {
  readonly id: string;
  readonly name: string;
  /** Whether an attacker foothold belongs to this organization. */
  readonly attacker: boolean;
  readonly reached: {
    readonly principals: number;
    readonly sessions: number;
    readonly vms: number;
    readonly credentials: number;
    readonly data: number;
  };
  readonly dataTotal: number;
  /** Users of this organization served by a VM the attacker controls: shutting it down denies them service. */
  readonly deniedUsers: number;
}

export interface DeniedVm {
  readonly vm: string;
  readonly pool: string;
  /** Users who may have a session on this VM, per organization (sorted by organization). */
  readonly users: readonly { readonly organization: string; readonly count: number }[];
}

export interface WhatIfResult {
  readonly model: string;
  readonly scenario: {
    readonly name: string;
    readonly from: readonly string[];
    readonly fail: readonly string[];
    readonly controls: Readonly<Record<ControlName, boolean>>;
  };
  /** The foothold node ids the `from` names resolved to. */
  readonly footholds: readonly string[];
  readonly failedInstances: number;
  readonly summary: {
    /** Organizations with reached data that no foothold belongs to: the cross-organization leak. */
    readonly exposedOrganizations: readonly string[];
    readonly reachedNodes: number;
    readonly reachedData: number;
  };
  readonly organizations: readonly OrganizationReach[];
  readonly data: readonly ReachedData[];
  readonly availability: readonly DeniedVm[];
}
