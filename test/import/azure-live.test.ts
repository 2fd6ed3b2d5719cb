// Live Azure import, on recorded Resource Graph responses replayed through the real Azure SDK
// client (an injected HTTP client and a static token): the same rows as the hand-made Resource
// Graph export, so the model must come out the same.

import { readFileSync } from 'node:fs';
import { HttpHeaders, type WebResourceLike } from '@azure/ms-rest-js';
import { describe, expect, it } from 'vitest';
import { importInventory } from '../../src/import/import.js';
import { GRAPH_QUERIES, readAzure, sdkResourceGraph } from '../../src/import/read/azure-live.js';
import { FIXTURES, importFixture, loadImported } from './support.js';

type Page = Record<string, unknown>;
const RECORDED = JSON.parse(readFileSync(`${FIXTURES}handmade/resource-graph-recorded.json`, 'utf8')) as Record<string, Page[]>;

/** Replays the recorded page for the request's table and skip token; remembers what was asked. */
function replay() {
  const requests: { url: string; body: { query: string; subscriptions: string[]; options?: { $skipToken?: string } }; auth: string | undefined }[] = [];
  const httpClient = {
    async sendRequest(request: WebResourceLike) {
      const body = JSON.parse(String(request.body)) as (typeof requests)[number]['body'];
      requests.push({ url: request.url, body, auth: request.headers.get('authorization') });
      const table = body.query.split(' ')[0] as string;
      const pages = RECORDED[table] ?? [];
      const page = body.options?.$skipToken === 'page2' ? pages[1] : pages[0];
      return { request, status: 200, headers: new HttpHeaders({ 'content-type': 'application/json' }), bodyAsText: JSON.stringify(page ?? { totalRecords: 0, count: 0, resultTruncated: 'false', data: [] }) };
    },
  };
  return { requests, httpClient };
}

const credential = { getToken: async () => ({ token: 'recorded-token', expiresOnTimestamp: Date.now() + 3_600_000 }) };

describe('indepth import azure (recorded)', () => {
  it('runs the documented queries with paging through the SDK and maps the rows like an az graph export', async () => {
    const { requests, httpClient } = replay();
    const graph = await sdkResourceGraph(credential, { httpClient });
    const inventory = await readAzure(graph, ['11111111-1111-1111-1111-111111111111']);
    expect(inventory.issues).toEqual([]);
    // Three queries, the first over two pages; each to the Resource Graph endpoint with the token.
    expect(requests.map((r) => [r.body.query, r.body.options?.$skipToken ?? null])).toEqual([
      [GRAPH_QUERIES[0]?.query, null],
      [GRAPH_QUERIES[0]?.query, 'page2'],
      [GRAPH_QUERIES[1]?.query, null],
      [GRAPH_QUERIES[2]?.query, null],
    ]);
    expect(requests.every((r) => r.url.startsWith('https://management.azure.com/providers/Microsoft.ResourceGraph/resources') && r.auth === 'Bearer recorded-token')).toBe(true);
    expect(requests[0]?.body.subscriptions).toEqual(['11111111-1111-1111-1111-111111111111']);

    const result = importInventory(inventory, ['azure'], { orgBy: { kind: 'tag', tag: 'customer' }, groupSize: 50, name: 'imported' });
    const live = loadImported(result);
    const exported = loadImported(await importFixture([`${FIXTURES}handmade/resource-graph.json`], { orgBy: { kind: 'tag', tag: 'customer' } }));
    // File shares are not Resource Graph rows (the export adds `az storage share-rm list` output):
    // live, the storage account has no share, and the importer says so instead of inventing one.
    expect(live.data).toEqual([]);
    expect(result.assumptions.some((a) => a.message.includes('file shares are not in Resource Graph'))).toBe(true);
    // Without a profile share to hold them, the group's 50 unknown members stay the group's `count`;
    // the export lists them as a users entry its FSLogix share holds.
    expect(live.groups.map((g) => [g.id, g.count, g.members])).toEqual([['group-22222222', 50, []]]);
    expect(exported.groups.map((g) => [g.id, g.count, g.members])).toEqual([['group-22222222', 0, ['group-22222222-members']]]);
    // Without shares the storage account holds no data store and is not a storageAccounts entry.
    expect(live.storageAccounts ?? []).toEqual([]);
    // Everything else is the same model (the export also holds virtual network vnet1, which the
    // recording does not: the description's count, the networks and the sources subnets admit).
    const rest = (m: typeof live) => ({ ...m, description: '', data: [], storageAccounts: [], groups: [], users: m.users.filter((u) => u.id !== 'group-22222222-members'), networks: [], subnets: [] });
    expect(rest(live)).toEqual(rest(exported));
  });

  it('a failing query is a problem in the output, not a crash', async () => {
    const graph = { query: async () => Promise.reject(new Error('AuthorizationFailed: no access to subscription')) };
    const inventory = await readAzure(graph, ['x']);
    expect(inventory.issues.map((i) => `${i.location.file}: ${i.message}`)).toEqual(GRAPH_QUERIES.map((q) => `azure:${q.name}: Resource Graph query failed: AuthorizationFailed: no access to subscription`));
  });
});
