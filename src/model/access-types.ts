// Identity and access as Azure grants it: Entra groups and AVD application groups (who may sign in
// to which host pool). Part of the Model (types.ts); the rules in src/rules derive what they grant.

export const APPLICATION_GROUP_TYPES = ['desktop', 'remoteApp'] as const;
/** `desktop`: the pool's full desktop (every app installed on it); `remoteApp`: only the published apps. */
export type ApplicationGroupType = (typeof APPLICATION_GROUP_TYPES)[number];

/** An Entra ID security group: its members act with every right the group holds. */
export interface Group {
  readonly id: string;
  readonly organization: string;
  /** Member users and nested member groups. */
  readonly members: readonly string[];
  /** Further members not listed by name (unknown users of the group's organization, standard privilege). */
  readonly count: number;
}

/**
 * An Azure Virtual Desktop application group of one host pool. Users and groups in `assignments`
 * hold "Desktop Virtualization User" on it, so they may sign in to the pool.
 */
export interface ApplicationGroup {
  readonly id: string;
  readonly hostPool: string;
  readonly type: ApplicationGroupType;
  /** A RemoteApp group's published apps (each installed on the pool); empty for a desktop group. */
  readonly apps: readonly string[];
  /** Users and groups assigned to the application group. */
  readonly assignments: readonly string[];
}
