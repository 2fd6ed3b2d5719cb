// Authorization is per access kind (src/analyze/authorization.ts): a reader may read, not tamper or
// deny. Hand-checked on read-only-reader-co-resident.yaml (the reasoning is in its header): every
// command that counts authorized data reads the same per-access answer.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_ACCESS, authorizationOf, READ_ACCESS } from '../../src/analyze/authorization.js';
import { analyzeDepth, DEFAULT_MAX_SETS } from '../../src/analyze/depth.js';
import { leakageInput, leakageMatrix, leakageTasks } from '../../src/analyze/leakage.js';
import { sweep } from '../../src/analyze/sweep.js';
import { propagationGraph, beyondReadRow, reachedRow } from '../../src/engine/propagation-graph.js';
import { controlMask } from '../../src/engine/scenario.js';
import { cli } from '../support/cli.js';
import { prepareText } from '../support/model.js';

const FILE = 'test/fixtures/models/hand/read-only-reader-co-resident.yaml';
const prepared = prepareText(readFileSync(new URL(`../../${FILE}`, import.meta.url), 'utf8'), FILE);
const ONE_FAILURE = [['kernel'], ['process'], ['session'], ['user']];

describe('a reader co-resident with the share\u2019s user (read-only-reader-co-resident.yaml)', () => {
  it('authorizes readers for read, users and SMB Share Contributor for read, tamper and deny', () => {
    const authorization = authorizationOf(prepared.deployment);
    const access = (id: string) => authorization.accessFor(prepared.model.data.find((d) => d.id === id)!, prepared.deployment.dataNodes.get(id)![0]!);
    expect([...access('alpha-share')]).toEqual([['alpha', ALL_ACCESS], ['beta', READ_ACCESS]]);
    expect([...access('alpha-team')]).toEqual([['alpha', ALL_ACCESS], ['beta', ALL_ACCESS]]);
    expect([...access('beta-db')]).toEqual([['beta', ALL_ACCESS]]);
  });

  it('matrix: beta reaches alpha-share beyond read with one failure; alpha-team stays authorized', async () => {
    const orgs = prepared.model.organizations.map((o) => o.id);
    const matrix = leakageMatrix(prepared, leakageTasks(prepared, orgs), leakageInput(prepared, {}));
    const beta = matrix.attackers.find((a) => a.attacker === 'beta')!.victims[0]!;
    expect(beta).toEqual({
      victim: 'alpha',
      depth: 1,
      minimalSets: ONE_FAILURE,
      dataAtDepth: 1,
      unauthorizedData: 1,
      authorized: ['alpha-share', 'alpha-team'],
      authorizedAccess: [
        { store: 'alpha-share', access: ['read'], beyond: ['tamper', 'deny'], beyondDepth: 1 },
        { store: 'alpha-team', access: ['read', 'tamper', 'deny'], beyond: [], beyondDepth: null },
      ],
      trusted: null,
    });
    const run = await cli(['matrix', FILE, '--quiet', '--jobs', '1']);
    expect(run.out).toContain(
      'beta \u2192 alpha: depth 1 via {kernel} or {process} or {session} or {user}; authorized: 2 stores (alpha-share: read only \u2014 tamper, deny at depth 1, alpha-team)',
    );
    // The worker-thread runner gives the same rows.
    const pooled = JSON.parse((await cli(['matrix', FILE, '--quiet', '--json', '--jobs', '2'])).out);
    expect(pooled.attackers.find((a: { attacker: string }) => a.attacker === 'beta').victims[0]).toEqual(beta);
  });

  it('depth and sweep from b say the same', () => {
    const depth = analyzeDepth(prepared, { from: ['b'], by: 'type', order: 2, controls: {}, maxSets: DEFAULT_MAX_SETS });
    expect(depth.ok).toBe(true);
    if (!depth.ok) return;
    const alpha = depth.result.organizations.find((o) => o.id === 'alpha')!;
    expect(alpha).toMatchObject({ depth: 1, minimalSets: ONE_FAILURE, dataTotal: 1, authorized: ['alpha-share', 'alpha-team'] });
    // The share's own entry: read at depth 0, control (tamper, deny) at depth 1.
    expect(depth.result.data.find((d) => d.store === 'alpha-share')).toMatchObject({ depth: 0, beyondRead: { depth: 1, minimalSets: ONE_FAILURE } });
    // By instance too: the one VM's kernel, session, process and user boundaries.
    const byInstance = analyzeDepth(prepared, { from: ['b'], by: 'instance', order: 1, controls: {}, maxSets: DEFAULT_MAX_SETS });
    expect(byInstance.ok && byInstance.result.organizations.find((o) => o.id === 'alpha')!.depth).toBe(1);

    const swept = sweep(prepared, { from: ['b'], by: 'type', order: 1, controls: {} });
    expect(swept.ok).toBe(true);
    if (!swept.ok) return;
    const row = (failed: string[]) => swept.result.rows.find((r) => r.failed.join() === failed.join())!;
    // No failure: both alpha shares reached within their authorization; kernel: alpha-share beyond it.
    expect(row([])).toMatchObject({ reached: [0, 1], authorized: [2, 0] });
    expect(row(['kernel'])).toMatchObject({ reached: [1, 1], authorized: [1, 0] });
  });

  it('check: cross-org-depth reports beta\u2019s reach of alpha-share beyond read', async () => {
    const run = await cli(['check', FILE, '--format', 'json']);
    const findings = JSON.parse(run.out).findings as { policy: string; asset: string }[];
    expect(findings.some((f) => f.policy === 'cross-org-depth' && f.asset === 'alpha-share')).toBe(true);
    expect(findings.some((f) => f.policy === 'cross-org-depth' && f.asset === 'alpha-team')).toBe(false);
  });

  it('the propagation graph gives a node with a tamper edge its own beyond-read twin', () => {
    // Only read edges lead to alpha-share: its beyond-read row is the node itself (control).
    const graph = propagationGraph(prepared.compiled, controlMask(prepared.model.controls));
    const share = prepared.compiled.nodeIndex.get(prepared.deployment.dataNodes.get('alpha-share')![0]!.node)!;
    expect(reachedRow(graph, share)).not.toBe(share);
    expect(beyondReadRow(graph, share)).toBe(share);
  });
});
