// The one intermediate form every source reader produces and the mapping consumes: Azure resources
// as ARM describes them (type, id, properties, tags, subscription), plus what the reader assumed.

import type { InputIssue } from '../model/issues.js';
import type { SourceLocation } from '../model/types.js';

/**
 * One Azure resource, whatever it was read from. `type` is the ARM resource type in lower case
 * (`microsoft.desktopvirtualization/hostpools`); Entra objects use `microsoft.graph/groups`,
 * `microsoft.graph/users` and `microsoft.graph/serviceprincipals`. `properties` follow the ARM REST
 * shape of that type (Terraform and template readers translate into it).
 */
export interface InventoryResource {
  readonly type: string;
  /** ARM resource id; readers that cannot know it (Terraform before apply) build a stable stand-in. */
  readonly id: string;
  readonly name: string;
  /** Subscription id, or null when the source does not say (a Terraform provider's default). */
  readonly subscription: string | null;
  readonly resourceGroup: string | null;
  readonly tenant: string | null;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly tags: Readonly<Record<string, string>>;
  /** Where the resource was written or returned; assumptions about it point here. */
  readonly origin: SourceLocation;
}

/** Something the importer could not read and decided instead; written as a YAML comment and on stderr. */
export interface Assumption {
  /** Model path the assumption applies to (`hostPools/pool1`, `controls`), or null for the whole model. */
  readonly subject: string | null;
  /** The field of the subject the assumption is about (`vms`), when it is one field. */
  readonly field?: string;
  readonly message: string;
  readonly origin?: SourceLocation;
  /** Read from the input rather than assumed: written as `from input:` and left out of the stderr summary. */
  readonly fact?: boolean;
  /** A doubt about the model as a whole that a reviewer must act on: written as `warning:`, and on stderr even with `--quiet`. */
  readonly warning?: boolean;
}

/** What the readers produced: resources, assumptions made while reading, and input problems. */
export interface Inventory {
  readonly resources: InventoryResource[];
  readonly assumptions: Assumption[];
  /** Positioned problems (syntax errors, unsupported functions); the rest of the input is still read. */
  readonly issues: InputIssue[];
}

export function emptyInventory(): Inventory {
  return { resources: [], assumptions: [], issues: [] };
}

/** Appends `from` to `into` (sources are read one by one into one inventory). */
export function mergeInventory(into: Inventory, from: Inventory): void {
  into.resources.push(...from.resources);
  into.assumptions.push(...from.assumptions);
  into.issues.push(...from.issues);
}

/** ARM resource types the mapping reads, lower case. */
export const ARM = {
  hostPool: 'microsoft.desktopvirtualization/hostpools',
  sessionHost: 'microsoft.desktopvirtualization/hostpools/sessionhosts',
  applicationGroup: 'microsoft.desktopvirtualization/applicationgroups',
  application: 'microsoft.desktopvirtualization/applicationgroups/applications',
  workspace: 'microsoft.desktopvirtualization/workspaces',
  virtualMachine: 'microsoft.compute/virtualmachines',
  vmExtension: 'microsoft.compute/virtualmachines/extensions',
  roleAssignment: 'microsoft.authorization/roleassignments',
  storageAccount: 'microsoft.storage/storageaccounts',
  fileShare: 'microsoft.storage/storageaccounts/fileservices/shares',
  networkInterface: 'microsoft.network/networkinterfaces',
  networkSecurityGroup: 'microsoft.network/networksecuritygroups',
  securityRule: 'microsoft.network/networksecuritygroups/securityrules',
  publicIpAddress: 'microsoft.network/publicipaddresses',
  virtualNetwork: 'microsoft.network/virtualnetworks',
  subnet: 'microsoft.network/virtualnetworks/subnets',
  peering: 'microsoft.network/virtualnetworks/virtualnetworkpeerings',
  virtualNetworkGateway: 'microsoft.network/virtualnetworkgateways',
  connection: 'microsoft.network/connections',
  localNetworkGateway: 'microsoft.network/localnetworkgateways',
  expressRouteCircuit: 'microsoft.network/expressroutecircuits',
  loadBalancer: 'microsoft.network/loadbalancers',
  subscription: 'microsoft.resources/subscriptions',
  resourceGroup: 'microsoft.resources/resourcegroups',
  group: 'microsoft.graph/groups',
  user: 'microsoft.graph/users',
  servicePrincipal: 'microsoft.graph/serviceprincipals',
} as const;
