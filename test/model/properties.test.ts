// Properties of the loader: it never throws, every failure comes with sorted, positioned issues,
// it is deterministic, and every model that is valid by construction loads and reads back.

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { sortIssues } from '../../src/model/issues.js';
import { parseModel, type ParseResult } from '../../src/model/load-model.js';
import { parseScenario } from '../../src/model/load-scenario.js';

const FIXTURE = readFileSync(new URL('../fixtures/models/cross-org-shared.yaml', import.meta.url), 'utf8');

/** A result's issues are non-empty when it fails, sorted, and each points inside the file. */
function wellFormed(result: ParseResult | ReturnType<typeof parseScenario>, text: string): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  expect(result.issues).toEqual(sortIssues(result.issues));
  const lineCount = text.split('\n').length;
  for (const { location, message } of result.issues) {
    expect(location.line).toBeGreaterThanOrEqual(1);
    expect(location.line).toBeLessThanOrEqual(lineCount);
    expect(location.column).toBeGreaterThanOrEqual(1);
    expect(message).not.toBe('');
  }
}

/** The fixture with one random edit: a cut, an insertion, or a cut replaced by random text. */
const editedFixture = fc
  .record({
    at: fc.nat({ max: FIXTURE.length }),
    cut: fc.nat({ max: 40 }),
    insert: fc.oneof(fc.string(), fc.constantFrom(': ', '- ', '\n  ', '&a ', '*a', '<<: ', '[', '{', '"', '__proto__: 1\n')),
  })
  .map(({ at, cut, insert }) => FIXTURE.slice(0, at) + insert + FIXTURE.slice(at + cut));

describe('for any input', () => {
  it('parseModel and parseScenario never throw and report well-formed issues', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'grapheme-ascii' }),
          fc.jsonValue().map((value) => stringify(value)),
          fc.jsonValue().map((value) => JSON.stringify(value)),
          editedFixture,
        ),
        (text) => {
          wellFormed(parseModel(text, 'm.yaml'), text);
          wellFormed(parseScenario(text, 's.yaml'), text);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives the same answer twice', () => {
    fc.assert(
      fc.property(editedFixture, (text) => {
        expect(parseModel(text, 'm.yaml')).toEqual(parseModel(text, 'm.yaml'));
      }),
      { numRuns: 100 },
    );
  });
});

/** Ids of one collection: valid, unique, and prefixed so collections never clash. */
const ids = (prefix: string, minLength: number, maxLength: number) =>
  fc
    .uniqueArray(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,6}$/), { minLength, maxLength })
    .map((names) => names.map((name) => `${prefix}${name}`));

/**
 * A model that is valid by construction: organizations partitioned into tenants, one subscription
 * per tenant, pools in those subscriptions, users in pools their organization may use.
 */
const validModel = fc
  .record({
    organizations: ids('o-', 1, 6),
    tenantCount: fc.integer({ min: 1, max: 3 }),
    pools: ids('p-', 0, 4),
    users: ids('u-', 0, 8),
    seed: fc.array(fc.nat(), { minLength: 32, maxLength: 32 }),
  })
  .map(({ organizations, tenantCount, pools, users, seed }) => {
    const pick = (index: number, modulo: number) => (seed[index % seed.length] ?? 0) % modulo;
    const tenants = Array.from({ length: Math.min(tenantCount, organizations.length) }, (_, t) => ({
      id: `t-${t}`,
      organizations: organizations.filter((_, o) => o % Math.min(tenantCount, organizations.length) === t),
    }));
    const subscriptions = tenants.map((tenant) => ({ id: `s-${tenant.id}`, tenant: tenant.id, organizations: tenant.organizations }));
    const hostPools = pools.map((id, p) => {
      const subscription = subscriptions[pick(p, subscriptions.length)];
      return { id, subscription: subscription?.id, type: pick(p + 7, 2) === 0 ? 'pooled' : 'personal', vms: 1 + pick(p + 3, 4) };
    });
    const userEntries = users.map((id, u) => {
      const organization = organizations[pick(u, organizations.length)] ?? '';
      const usable = hostPools.filter((pool) =>
        subscriptions.find((subscription) => subscription.id === pool.subscription)?.organizations.includes(organization),
      );
      const pool = usable.length > 0 && pick(u + 11, 3) > 0 ? usable[pick(u + 5, usable.length)] : undefined;
      return {
        id,
        organization,
        count: 1 + pick(u + 13, 50),
        ...(pool === undefined ? {} : { hostPool: pool.id }),
        ...(pool?.type === 'pooled' && pick(u + 17, 2) === 0 ? { vm: 1 + pick(u + 19, pool.vms) } : {}),
      };
    });
    return { name: 'generated', organizations: organizations.map((id) => ({ id })), tenants, subscriptions, hostPools, users: userEntries };
  });

describe('a model that is valid by construction', () => {
  it('loads with no issue, as YAML and as JSON, and reads back what was written', () => {
    fc.assert(
      fc.property(validModel, fc.boolean(), (input, asJson) => {
        const text = asJson ? JSON.stringify(input) : stringify(input, { aliasDuplicateObjects: false });
        const result = parseModel(text, asJson ? 'g.json' : 'g.yaml');
        if (!result.ok) expect.fail(result.issues.map((issue) => issue.message).join('\n'));
        expect(result.model.users.map((user) => [user.id, user.organization, user.hostPool, user.vm])).toEqual(
          input.users.map((user) => [user.id, user.organization, user.hostPool ?? null, user.vm ?? null]),
        );
        expect(result.locations.size).toBe(
          1 + input.organizations.length + input.tenants.length + input.subscriptions.length + input.hostPools.length + input.users.length,
        );
      }),
      { numRuns: 200 },
    );
  });
});
