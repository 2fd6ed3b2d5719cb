// Node kinds of the deployment graph. The engine never switches on a kind; reports and diagrams do.

export const NODE_KINDS = [
  'organization',
  'tenant',
  'principal',
  /** An Entra ID group: what its members may do. */
  'group',
  /** A managed identity: what a workload holding its tokens may do. */
  'managedIdentity',
  /** An Azure scope above resources (management group, resource group), or what a role grants at a scope. */
  'scope',
  /** An AD DS domain: control of its accounts and joined computers. */
  'domain',
  'credential',
  'device',
  'network',
  'subscription',
  'hostPool',
  'vm',
  'physicalHost',
  'session',
  'process',
  'secretStore',
  'data',
  'placement',
  'managementPlane',
  'server',
  'storageAccount',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

const KIND_SET: ReadonlySet<string> = new Set(NODE_KINDS);

export function isNodeKind(value: string): value is NodeKind {
  return KIND_SET.has(value);
}
