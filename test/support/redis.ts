// The Redis that queue tests use: named by INDEPTH_TEST_REDIS (a redis:// URL; .ci/run starts one
// on the loopback and sets it). Without it the queue tests skip with a message, so `npm test` on a
// machine without Redis still passes; under CI a named but unreachable Redis is a failure.

import { Redis } from 'ioredis';

export type TestRedis = { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

/** The test Redis with database `db` selected and emptied (each test file owns one database). */
export async function testRedis(db: number): Promise<TestRedis> {
  const base = process.env['INDEPTH_TEST_REDIS'];
  if (base === undefined || base === '') {
    return { ok: false, reason: 'queue tests skipped: set INDEPTH_TEST_REDIS=redis://HOST:PORT to a Redis server (.ci/run starts one)' };
  }
  const url = `${base.replace(/\/(\d+)?$/, '')}/${db}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.flushdb();
    return { ok: true, url };
  } catch (error) {
    const reason = `queue tests: no Redis reachable at ${url} (${error instanceof Error ? error.message : String(error)})`;
    if (process.env['CI'] === 'true') throw new Error(reason);
    return { ok: false, reason: `${reason}; skipped` };
  } finally {
    client.disconnect();
  }
}
