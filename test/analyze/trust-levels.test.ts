// Trust levels (src/analyze/trust.ts), hand-checked on trust-levels.yaml (the reasoning is in its
// header): `data` trust authorizes shared data stores only — profile containers stay leakage and a
// shared multi-session pool stays a finding; `full` trust is as one organization. A policy file's
// `trusted` group is `full`, as it has always excused a shared pool.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leakageInput, leakageMatrix, leakageTasks, type LeakageMatrix } from '../../src/analyze/leakage.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { modelTrust, trustOf } from '../../src/analyze/trust.js';
import fc from 'fast-check';
import { cli } from '../support/cli.js';
import { prepareText } from '../support/model.js';
import { issuesOf, withBase } from '../model/helpers.js';

const FILE = 'test/fixtures/models/hand/trust-levels.yaml';
const TEXT = readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8');
const REASON = 'sister companies under one data-sharing agreement';
const ONE_FAILURE = [['kernel'], ['process'], ['session'], ['user']];

function cell(prepared: PreparedModel, attacker: string, victim: string) {
  const orgs = prepared.model.organizations.map((o) => o.id);
  const matrix: LeakageMatrix = leakageMatrix(prepared, leakageTasks(prepared, orgs), leakageInput(prepared, {}));
  return matrix.attackers.find((a) => a.attacker === attacker)!.victims.find((v) => v.victim === victim)!;
}

describe('a data-level trust group (trust-levels.yaml as written)', () => {
  const prepared = prepareText(TEXT, FILE);

  it('authorizes the databases, not the profile containers', () => {
    // alpha's a reaches b's container (on alpha's own share) with one failure of the shared host.
    expect(cell(prepared, 'alpha', 'beta')).toMatchObject({ depth: 1, minimalSets: ONE_FAILURE, unauthorizedData: 1, authorized: ['beta-db'], trusted: REASON });
    expect(cell(prepared, 'beta', 'alpha')).toMatchObject({ depth: 1, minimalSets: ONE_FAILURE, unauthorizedData: 1, authorized: ['alpha-db'], trusted: REASON });
  });

  it('prints the reason beside what trust excuses, and keeps the shared pool a finding', async () => {
    const matrix = await cli(['matrix', FILE, '--quiet', '--jobs', '1']);
    expect(matrix.out).toContain(`alpha \u2192 beta: depth 1 via {kernel} or {process} or {session} or {user}; authorized: 1 store (beta-db, trusted: ${REASON})`);
    const depth = await cli(['depth', FILE, '--from', 'alpha']);
    expect(depth.out).toContain(`authorized: 1 store (beta-db, trusted: ${REASON})`);
    // simulate with a kernel failure: beta's database reached within trust, b's container beyond it.
    const simulate = await cli(['simulate', FILE, '--from', 'a', '--fail', 'kernel']);
    expect(simulate.out).toContain(`EXPOSED: beta \u2014 1 of its 2 data stores reachable (1 more authorized, trusted: ${REASON}; each profile container counts as one)`);
    const check = await cli(['check', FILE, '--format', 'json']);
    const findings = JSON.parse(check.out).findings as { policy: string; asset: string }[];
    expect(findings.some((f) => f.policy === 'no-shared-multi-session-pool' && f.asset === 'pool')).toBe(true);
    expect(findings.some((f) => f.policy === 'cross-org-depth' && f.asset === 'profiles:beta')).toBe(true);
    expect(findings.some((f) => f.policy === 'cross-org-depth' && f.asset.endsWith('-db'))).toBe(false);
  });
});

describe('a full trust group (the same model with `level: full`)', () => {
  const text = TEXT.replace('level: data', 'level: full');
  const prepared = prepareText(text, 'full.yaml');

  it('authorizes everything between the two, containers included', () => {
    expect(cell(prepared, 'alpha', 'beta')).toMatchObject({ depth: null, unauthorizedData: 0, authorized: ['beta-db', 'profiles'], trusted: REASON });
  });

  it('a policy file\u2019s `trusted` group is full trust too', () => {
    const data = prepareText(TEXT, FILE);
    const trust = modelTrust(data.model, [['alpha', 'beta']]);
    expect(trust.within(['alpha', 'beta'], 'full')).toBe(true);
    expect(modelTrust(data.model).within(['alpha', 'beta'], 'full')).toBe(false);
    expect(modelTrust(data.model).within(['alpha', 'beta'], 'data')).toBe(true);
  });
});

describe('the trust schema', () => {
  it('refuses an unknown level at its position, with a suggestion', () => {
    expect(issuesOf(withBase('trust:', '  - organizations: [contoso, fabrikam]', '    level: ful'))).toEqual([
      'm.yaml:27:12: `level` of `trust[0]` must be one of `data`, `full`, got `ful` (did you mean `full`?)',
    ]);
  });

  it('trustersOf(b, level) is exactly the organizations a ≠ b with trusts(a, b, level), for any groups', () => {
    // Authorization asks trustersOf instead of asking trusts() of every organization per data node.
    const orgs = ['a', 'b', 'c', 'd', 'e'];
    const group = fc.record({ organizations: fc.subarray(orgs, { minLength: 1 }), level: fc.constantFrom('data' as const, 'full' as const), reason: fc.constant('') });
    fc.assert(
      fc.property(fc.array(group, { maxLength: 4 }), fc.constantFrom(...orgs), fc.constantFrom('data' as const, 'full' as const), (groups, b, level) => {
        const trust = trustOf(groups);
        const expected = orgs.filter((a) => a !== b && trust.trusts(a, b, level));
        expect([...trust.trustersOf(b, level)].sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
