// Node kinds of the deployment graph. The engine never switches on a kind; reports and diagrams do.

export const NODE_KINDS = [
  'organization',
  'tenant',
  'principal',
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
