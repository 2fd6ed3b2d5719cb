// Live Azure: the same Resource Graph queries the README documents, run through the Azure SDK for
// JavaScript (@azure/identity, @azure/arm-resourcegraph), their rows read by the ARM JSON reader.
// The client is injected, so tests replay recorded responses through the real SDK code.

import type { Inventory } from '../inventory.js';
import { emptyInventory, mergeInventory } from '../inventory.js';
import { readArmJson } from './arm-json.js';

/** One Resource Graph page: rows as objects, and the token of the next page. */
export interface GraphPage {
  readonly data: readonly unknown[];
  readonly skipToken?: string | undefined;
}

/** What the importer asks of Resource Graph; `sdkResourceGraph` implements it with the Azure SDK. */
export interface ResourceGraph {
  query(query: string, subscriptions: readonly string[], skipToken: string | undefined): Promise<GraphPage>;
}

/** The queries import needs (also in the README, for `az graph query`). */
export const GRAPH_QUERIES: readonly { readonly name: string; readonly query: string }[] = [
  {
    name: 'resources',
    query:
      "resources | where type in~ ('microsoft.desktopvirtualization/hostpools', 'microsoft.desktopvirtualization/applicationgroups', 'microsoft.compute/virtualmachines', 'microsoft.compute/virtualmachines/extensions', 'microsoft.storage/storageaccounts', 'microsoft.network/networkinterfaces', 'microsoft.network/networksecuritygroups', 'microsoft.network/virtualnetworks', 'microsoft.network/virtualnetworkgateways', 'microsoft.network/connections', 'microsoft.network/localnetworkgateways', 'microsoft.network/loadbalancers', 'microsoft.network/publicipaddresses')",
  },
  { name: 'session hosts', query: "desktopvirtualizationresources | where type =~ 'microsoft.desktopvirtualization/hostpools/sessionhosts'" },
  { name: 'role assignments', query: "authorizationresources | where type =~ 'microsoft.authorization/roleassignments'" },
];

const MAX_PAGES = 1000;

/** Runs every query over the subscriptions, all pages; a failed query is a listed problem, not a crash. */
export async function readAzure(graph: ResourceGraph, subscriptions: readonly string[]): Promise<Inventory> {
  const inventory = emptyInventory();
  for (const { name, query } of GRAPH_QUERIES) {
    const file = `azure:${name}`;
    let skipToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      let result: GraphPage;
      try {
        result = await graph.query(query, subscriptions, skipToken);
      } catch (error) {
        inventory.issues.push({ location: { file, line: 1, column: 1 }, message: `Resource Graph query failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
        break;
      }
      const rows = [...result.data];
      mergeInventory(inventory, readArmJson({ value: rows, at: (path) => ({ file, line: page + 1, column: typeof path[0] === 'number' ? path[0] + 1 : 1 }) }, file));
      skipToken = result.skipToken ?? undefined;
      if (skipToken === undefined || skipToken === '') break;
    }
  }
  if (inventory.resources.some((r) => r.type === 'microsoft.storage/storageaccounts')) {
    inventory.assumptions.push({ subject: null, message: 'file shares are not in Resource Graph: give `az storage share-rm list --storage-account NAME -o json` output as another source to import FSLogix and file shares' });
  }
  return inventory;
}

/** A ResourceGraph backed by the Azure SDK; `options` reach the SDK client (tests pass an `httpClient`). */
export async function sdkResourceGraph(credential?: unknown, options?: Record<string, unknown>): Promise<ResourceGraph> {
  const { ResourceGraphClient } = await import('@azure/arm-resourcegraph');
  let cred = credential;
  if (cred === undefined) {
    const { DefaultAzureCredential } = await import('@azure/identity');
    cred = new DefaultAzureCredential();
  }
  const client = new ResourceGraphClient(cred as ConstructorParameters<typeof ResourceGraphClient>[0], options);
  return {
    async query(query, subscriptions, skipToken) {
      const response = await client.resources({ query, subscriptions: [...subscriptions], options: { resultFormat: 'objectArray', ...(skipToken === undefined ? {} : { skipToken }) } });
      return { data: Array.isArray(response.data) ? (response.data as unknown[]) : [], skipToken: response.skipToken };
    },
  };
}
