// The answer to one what-if: what an attacker at the footholds reaches when the named boundaries
// fail, rolled up per organization, with each reached data store's impact and explanation path.

import type { BoundaryType } from '../domain/boundary.js';
import type { ControlName } from '../domain/controls.js';
import type { Persistence } from '../engine/persistence.js';
import type { Classification, DataLocation } from '../model/types.js';

export type { Persistence };

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

/**
 * A reached principal or credential and how long the attacker holds it: `persistent` (a stolen
 * reusable credential, control of the principal itself, a directory's control over it) or
 * `whileSignedIn` (acting through the user's live logon session only; Credential Guard can turn
 * theft into this, it never removes the reach). See src/engine/persistence.ts.
 */
export interface ReachedIdentity {
  readonly id: string;
  readonly kind: 'principal' | 'credential';
  readonly organization: string;
  readonly persistence: Persistence;
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
    /**
     * Its data nodes reached with some access the attackers' organizations are not authorized for
     * (all of them for the attackers' own organization); what EXPOSED counts.
     */
    readonly data: number;
    /**
     * Its data nodes reached only within what every attacker organization is authorized for (a share
     * that lists it, read by a reader; src/analyze/authorization.ts): legitimate access, counted apart.
     */
    readonly authorized: number;
    /** Reached principals held persistently, and only while their user is signed in (they sum to `principals`). */
    readonly principalsPersistent: number;
    readonly principalsWhileSignedIn: number;
  };
  readonly dataTotal: number;
  /** When an attacker's organization trusts this one (a `trust` group): the group's reason ('' when none); absent otherwise. */
  readonly trusted?: string;
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
  /** Worst-case assumptions made where the model is silent (e.g. no `physicalHosts`), in words. */
  readonly assumptions: readonly string[];
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
  /** Every reached principal and credential with its persistence, in node id order. */
  readonly identities: readonly ReachedIdentity[];
  readonly availability: readonly DeniedVm[];
}
