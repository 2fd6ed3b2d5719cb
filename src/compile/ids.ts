// Node ids of the derived graph. Model ids cannot contain `/`, `#` or `:`, so derived ids that use
// them never collide with a model id; VM ids (`pool1-vm3`) are checked for collisions when built.

export const INTERNET = 'internet';
export const WEB = 'web';
/** Hub: control of some identity directory, the side a tenant boundary is crossed from. */
export const ANY_TENANT = 'any-tenant';
/** Hub: control of some subscription's control plane, the side a subscription boundary is crossed from. */
export const ANY_SUBSCRIPTION = 'any-subscription';

/** The principal of one user: the entry id for a single user, `entry#i` for members of a group. */
export function memberId(entry: string, index: number, count: number): string {
  return count === 1 ? entry : `${entry}#${index}`;
}

export const nodeId = {
  session: (member: string) => `${member}/session`,
  process: (member: string, app: string) => `${member}/app/${app}`,
  credential: (member: string) => `${member}/credential`,
  /** A member's session on a pool other than their own `hostPool` (an application group's). */
  poolSession: (member: string, pool: string) => `${member}/${pool}/session`,
  poolProcess: (member: string, pool: string, app: string) => `${member}/${pool}/app/${app}`,
  device: (member: string) => `${member}/device`,
  /** A per-user data store (an FSLogix profile container) of a store with several users. */
  userData: (store: string, member: string) => `${store}/${member}`,
  pooledVm: (pool: string, index: number) => `${pool}-vm${index}`,
  /** The physical hosts of a `dedicatedHost` pool that no declared host places. */
  dedicatedHost: (pool: string) => `${pool}:dedicated-host`,
  /** SMB access to an FSLogix store's share; the key of the account implied by its `access: storageKey`. */
  shareAccess: (store: string) => `${store}:share`,
  shareKey: (store: string) => `${store}:key`,
  personalVm: (pool: string, member: string) => `${pool}-${member}`,
  /** Unprivileged code running in some session on this VM. */
  vmUnprivileged: (vm: string) => `${vm}/unprivileged`,
  /** Every session that may run on this VM. */
  vmSessions: (vm: string) => `${vm}/sessions`,
  /** Every profile container that may be mounted on this VM. */
  vmProfiles: (vm: string) => `${vm}/profiles`,
  /** The VM's credential memory (LSASS): every signed-in user's credentials. */
  vmCredentials: (vm: string) => `${vm}/credentials`,
  /** Unprivileged code on whichever VM of the pool the load balancer chose. */
  poolUnprivileged: (pool: string) => `${pool}/any-host`,
  /** AppContainer-sandboxed code on whichever VM of the pool the load balancer chose. */
  poolSandboxed: (pool: string) => `${pool}/any-host-sandboxed`,
  /** Administrator code on whichever VM of the pool the load balancer chose. */
  poolAdmin: (pool: string) => `${pool}/any-host-admin`,
  /** Sessions, profiles and credentials of the pool's unpinned users: on any of its VMs. */
  poolSessions: (pool: string) => `${pool}/floating-sessions`,
  poolProfiles: (pool: string) => `${pool}/floating-profiles`,
  poolCredentials: (pool: string) => `${pool}/floating-credentials`,
  /** Hub: connections that reach port `port` of the listeners in a subnet (one per subnet and port, not per pair of machines). */
  subnetPort: (subnet: string, port: number) => `${subnet}/port/${port}`,
} as const;
