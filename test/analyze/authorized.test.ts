// Authorized access is not leakage (domain.md): hand-checked models where another organization's
// data is reached legitimately (a reader grant, a data role through a group, declared trust) and
// ones where reach without authorization must stay leakage (a local admin on a pooled host).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authorizationOf } from '../../src/analyze/authorization.js';
import { analyzeDepth, DEFAULT_MAX_SETS } from '../../src/analyze/depth.js';
import { formatDepthResult } from '../../src/report/depth-text.js';
import { leakageInput, leakageMatrix, leakageTasks, type LeakageMatrix } from '../../src/analyze/leakage.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { analyzeRisk, DEFAULT_RISK_QUESTION } from '../../src/risk/analyze.js';
import { sweep } from '../../src/analyze/sweep.js';
import { diagramOf } from '../../src/cli/commands/diagram.js';
import { loadModel } from '../../src/cli/load.js';
import { cli } from '../support/cli.js';
import { ask, prepareText, reachedDataIds } from '../support/model.js';
import { issuesOf, withBase } from '../model/helpers.js';

const HAND = new URL('../fixtures/models/hand/', import.meta.url);
const hand = (name: string) => prepareText(readFileSync(new URL(`${name}.yaml`, HAND), 'utf8'), `test/fixtures/models/hand/${name}.yaml`);

function matrixOf(prepared: PreparedModel): LeakageMatrix {
  const orgs = prepared.model.organizations.map((o) => o.id);
  return leakageMatrix(prepared, leakageTasks(prepared, orgs), leakageInput(prepared, {}));
}

function cell(matrix: LeakageMatrix, attacker: string, victim: string) {
  return matrix.attackers.find((a) => a.attacker === attacker)!.victims.find((v) => v.victim === victim)!;
}

describe('a share of alpha that lists beta\u2019s user as a reader (shared-reader-share.yaml)', () => {
  const prepared = hand('shared-reader-share');

  it('is reached by beta with no failure: reach, which is not leakage', () => {
    // `b` reads alpha-share through its own session (user-data, read access): depth 0 by reach.
    expect(reachedDataIds(ask(prepared, { name: 'b', from: ['b'], fail: [], controls: {} }))).toContain('alpha-share');
  });

  it('shows no beta \u2192 alpha leakage at depth 0 and lists the share as authorized to read only', () => {
    const matrix = matrixOf(prepared);
    // What beta is not authorized for is alpha-db, and tamper and deny of alpha-share (b may only read
    // it): both by b's kernel (kernel), the shared physical host (vm: no physicalHosts, the
    // public-cloud worst case), alpha's VM and a's session (a is in both stores' `users`: control).
    // Before authorization was per access kind the share was authorized whole: unauthorizedData 1.
    expect(cell(matrix, 'beta', 'alpha')).toEqual({
      victim: 'alpha',
      depth: 2,
      minimalSets: [['kernel', 'vm']],
      dataAtDepth: 2,
      unauthorizedData: 2,
      authorized: ['alpha-share'],
      authorizedAccess: [{ store: 'alpha-share', access: ['read'], beyond: ['tamper', 'deny'], beyondDepth: 2 }],
      trusted: null,
    });
    // The other way nothing is shared: beta-db by the same road, nothing authorized.
    expect(cell(matrix, 'alpha', 'beta')).toMatchObject({ depth: 2, minimalSets: [['kernel', 'vm']], authorized: [] });
  });

  it('says so in the matrix text, apart from the depths', async () => {
    const run = await cli(['matrix', 'test/fixtures/models/hand/shared-reader-share.yaml', '--quiet', '--jobs', '1']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('beta \u2192 alpha: depth 2 via {kernel, vm}; authorized: 1 store (alpha-share: read only \u2014 tamper, deny at depth 2)');
    expect(run.out).toMatch(/authorized cross-organization access[^\n]*\n {2}beta \u2192 alpha: authorized: 1 store \(alpha-share: read only \u2014 tamper, deny at depth 2\)\n/);
    const json = JSON.parse((await cli(['matrix', 'test/fixtures/models/hand/shared-reader-share.yaml', '--quiet', '--json'])).out) as LeakageMatrix;
    expect(cell(json, 'beta', 'alpha').authorized).toEqual(['alpha-share']);
  });

  it('counts the share in compare neither as a depth nor in the blast radius', async () => {
    const run = await cli(['compare', 'test/fixtures/models/hand/shared-reader-share.yaml', 'test/fixtures/models/hand/shared-reader-share.yaml', '--quiet', '--json']);
    expect(run.code).toBe(0);
    const side = JSON.parse(run.out).sides[0];
    const betaAlpha = side.cells.find((c: { attacker: string; victim: string }) => c.attacker === 'beta' && c.victim === 'alpha');
    expect(betaAlpha).toMatchObject({ depth: 2, authorized: ['alpha-share'] });
    // With no failure beta reaches no alpha data it is not authorized for (it reads alpha-share); with
    // kernel and vm, alpha-db and control of alpha-share (tamper, deny: beyond its read authorization).
    expect(side.blastRadius.find((r: { attacker: string }) => r.attacker === 'beta').byOrder.slice(0, 3)).toEqual([0, 0, 2]);
  });
});

describe('trust declared in the model (trust-in-model.yaml)', () => {
  const prepared = hand('trust-in-model');

  it('makes the trusted organizations\u2019 data authorized, and nothing else', () => {
    const matrix = matrixOf(prepared);
    expect(cell(matrix, 'alpha', 'beta')).toEqual({
      victim: 'beta',
      depth: null,
      minimalSets: [],
      dataAtDepth: 0,
      unauthorizedData: 0,
      authorized: ['beta-db'],
      authorizedAccess: [{ store: 'beta-db', access: ['read', 'tamper', 'deny'], beyond: [], beyondDepth: null }],
      // The trust group's reason, printed beside the authorized store.
      trusted: 'joint venture agreement',
    });
    expect(cell(matrix, 'beta', 'alpha')).toMatchObject({ depth: null, unauthorizedData: 0, authorized: ['alpha-db'] });
    // gamma trusts nobody: one failure of the shared pool (session, user, kernel or process).
    const sets = [['kernel'], ['process'], ['session'], ['user']];
    expect(cell(matrix, 'gamma', 'alpha')).toMatchObject({ depth: 1, minimalSets: sets, authorized: [] });
    expect(cell(matrix, 'alpha', 'gamma')).toMatchObject({ depth: 1, minimalSets: sets, authorized: [] });
  });

  it('combines with a policy file\u2019s trusted groups, pair by pair (not transitively)', () => {
    const authorization = authorizationOf(prepared.deployment, [['beta', 'gamma']]);
    const store = (id: string) => prepared.model.data.find((d) => d.id === id)!;
    const node = (id: string) => prepared.deployment.dataNodes.get(id)![0]!;
    expect(authorization.organizationsFor(store('beta-db'), node('beta-db'))).toEqual(['alpha', 'beta', 'gamma']);
    // alpha trusts beta, beta trusts gamma: alpha and gamma have agreed nothing.
    expect(authorization.organizationsFor(store('alpha-db'), node('alpha-db'))).toEqual(['alpha', 'beta']);
    expect(authorization.organizationsFor(store('gamma-db'), node('gamma-db'))).toEqual(['beta', 'gamma']);
  });

  it('is checked like the rest of the model: positions, did-you-mean, one group per organization', () => {
    expect(issuesOf(withBase('trust:', '  - organizations: [contoso, fabrikm]'))).toEqual([
      'm.yaml:26:30: `trust[0]` references unknown organization `fabrikm` (did you mean `fabrikam`?)',
    ]);
    expect(issuesOf(withBase('trust:', '  - organizations: [contoso]', '  - organizations: [fabrikam, fabrikam]'))).toEqual([
      'm.yaml:26:20: `organizations` of `trust[0]` must list at least 2 items',
      'm.yaml:27:31: `organizations` of `trust[1]` lists `fabrikam` more than once',
    ]);
    expect(issuesOf(withBase('trust:', '  - organizations: [contoso, fabrikam]', '    reason: sister companies', '  - organizations: [fabrikam, contoso]'))).toEqual([
      'm.yaml:28:21: organization `fabrikam` is in trust group 2 and already in trust group 1 (at 26:30); an organization is in one group only: merge the groups if all of them trust each other',
      'm.yaml:28:31: organization `contoso` is in trust group 2 and already in trust group 1 (at 26:21); an organization is in one group only: merge the groups if all of them trust each other',
    ]);
  });
});

describe('who is authorized, and who merely reaches', () => {
  it('counts a data role held through nested groups on an enclosing scope (data-role-through-groups.yaml)', () => {
    const matrix = matrixOf(hand('data-role-through-groups'));
    // SMB Share Reader grants read only: the share's control (tamper, deny) by kernel and vm counts too.
    expect(cell(matrix, 'beta', 'alpha')).toMatchObject({ depth: 2, minimalSets: [['kernel', 'vm']], unauthorizedData: 2, authorized: ['alpha-share'] });
  });

  it('keeps a local admin\u2019s depth-0 reach of co-residents as leakage (admin-reach-is-leakage.yaml)', async () => {
    const matrix = matrixOf(hand('admin-reach-is-leakage'));
    const row = matrix.attackers.find((a) => a.attacker === 'beta')!;
    expect(row.foothold).toBe('every user (it has no standard users)');
    expect(row.victims.find((v) => v.victim === 'alpha')).toMatchObject({ depth: 0, authorized: [] });
    const run = await cli(['matrix', 'test/fixtures/models/hand/admin-reach-is-leakage.yaml', '--quiet']);
    expect(run.out).toContain('beta attacks from every user (it has no standard users)');
    // simulate starts from the same foothold rather than refusing the organization.
    const simulated = await cli(['simulate', 'test/fixtures/models/hand/admin-reach-is-leakage.yaml', '--from', 'beta']);
    expect(simulated.code).toBe(0);
    expect(simulated.out).toContain('beta (x)');
  });

  it('attributes each FSLogix container of a provider\u2019s share to its user\u2019s organization (provider-profile-containers.yaml)', () => {
    const prepared = hand('provider-profile-containers');
    const matrix = matrixOf(prepared);
    const sets = [['user'], ['kernel', 'vm']];
    expect(cell(matrix, 'beta', 'alpha')).toMatchObject({ depth: 1, minimalSets: sets, unauthorizedData: 1, authorized: [] });
    expect(cell(matrix, 'alpha', 'beta')).toMatchObject({ depth: 1, minimalSets: sets, unauthorizedData: 1, authorized: [] });
    expect(cell(matrix, 'alpha', 'msp')).toMatchObject({ depth: null, unauthorizedData: 0, authorized: [] });
    const store = prepared.model.data[0]!;
    const owners = prepared.deployment.dataNodes.get('profiles')!.map((n) => authorizationOf(prepared.deployment).ownerOf(store, n));
    expect(owners).toEqual(['alpha', 'beta']);
  });
});

describe('sweep, risk and the diagrams count only unauthorized data (shared-reader-share.yaml)', () => {
  const prepared = hand('shared-reader-share');

  it('sweep: alpha-share sits apart from the counts in every row', () => {
    const outcome = sweep(prepared, { from: ['beta'], by: 'type', order: 2, controls: {} });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { result } = outcome;
    const alpha = result.organizations.indexOf('alpha');
    expect(result.authorized[alpha]).toEqual(['alpha-share']);
    const row = (failed: string[]) => result.rows.find((r) => r.failed.join() === failed.join())!;
    // No failure: b reads alpha-share (authorized) and its own beta-db, nothing of alpha's it may not.
    expect(row([])).toMatchObject({ reached: [0, 1], authorized: [1, 0] });
    // kernel and vm: alpha-db too (b's kernel, the shared host, alpha's VM, a's session), and control of
    // alpha-share through a's session: beyond its read authorization, so reached, no longer authorized.
    expect(row(['kernel', 'vm'])).toMatchObject({ reached: [2, 1], authorized: [0, 0] });
  });

  it('risk: alpha\u2019s exposure counts the share only beyond read, and says so', async () => {
    const outcome = analyzeRisk(prepared, { ...DEFAULT_RISK_QUESTION, from: ['beta'] });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const alpha = outcome.result.organizations.find((o) => o.id === 'alpha')!;
    expect(alpha).toMatchObject({ depth: 2, authorized: [], readOnly: ['alpha-share'] });
    expect(alpha.probability).toBeLessThan(1);
    // Its reach beyond read (control through a's session) needs kernel and vm, as alpha-db does.
    const share = outcome.result.data.find((d) => d.id === 'alpha-share')!;
    expect(share).toMatchObject({ depth: 2, authorized: false, readOnly: true });
    expect(share.probability).toBeLessThan(1);
    const run = await cli(['risk', 'test/fixtures/models/hand/shared-reader-share.yaml', '--from', 'beta']);
    expect(run.out).toContain('    alpha: 1 store (alpha-share)');
    expect(run.out).toContain('alpha-share (read only)');
  });

  it('diagram state: beta reaching alpha-share with no failure exposes nothing of alpha\u2019s', () => {
    const drawn = diagramOf(loadModel(new URL('shared-reader-share.yaml', HAND).pathname), { name: 'b', from: ['beta'], fail: [], controls: {} });
    expect(drawn.ok).toBe(true);
    if (!drawn.ok) return;
    const { state } = drawn;
    expect(state.organizations.find((o) => o.id === 'alpha')).toMatchObject({ dataReached: 0, dataTotal: 2, authorizedReached: 1 });
    expect(state.headline).not.toMatch(/reaches 1 alpha/);
  });
});

// `depth` reads the same authorization as `matrix` (a fresh user saw `depth --from custb` say depth 0 where
// `matrix` said 1 with the share listed as authorized), and gives a provider's FSLogix containers to
// their users' organizations, as the matrix does.
describe('depth agrees with the matrix on authorized data and container owners', () => {
  it('shared-reader-share from beta: alpha at depth 2 via {kernel, vm}, alpha-share authorized and apart', () => {
    const outcome = analyzeDepth(hand('shared-reader-share'), { from: ['beta'], by: 'type', order: 2, controls: {}, maxSets: DEFAULT_MAX_SETS });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const alpha = outcome.result.organizations.find((o) => o.id === 'alpha')!;
    // Same answer as the matrix cell above: alpha-db via b's kernel, the shared host and alpha's VM.
    expect(alpha).toMatchObject({ depth: 2, minimalSets: [['kernel', 'vm']], authorized: ['alpha-share'], dataTotal: 2 });
    expect(formatDepthResult(outcome.result)).toContain('beta \u2192 alpha: depth 2 via {kernel, vm}; authorized: 1 store (alpha-share: read only \u2014 tamper, deny at depth 2)');
  });

  it('provider-profile-containers from beta: alpha\u2019s container at depth 1, msp holds no data of its own', () => {
    const outcome = analyzeDepth(hand('provider-profile-containers'), { from: ['beta'], by: 'type', order: 2, controls: {}, maxSets: DEFAULT_MAX_SETS });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const org = (id: string) => outcome.result.organizations.find((o) => o.id === id)!;
    expect(org('alpha')).toMatchObject({ depth: 1, minimalSets: [['user'], ['kernel', 'vm']], dataTotal: 1, authorized: [] });
    expect(org('msp')).toMatchObject({ depth: null, dataTotal: 0 });
    // b's own container is beta's data, reached with no failure.
    expect(org('beta')).toMatchObject({ attacker: true, depth: 0, dataTotal: 1 });
  });
});
