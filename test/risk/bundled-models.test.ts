// The acceptance on the bundled models: cross-organization exposure is more likely in
// cross-org-shared than in cross-org-separated, with the cost difference beside it; `indepth risk`
// and `compare` through the CLI; the same seed gives the same numbers.

import { describe, expect, it } from 'vitest';
import { analyzeRisk, DEFAULT_RISK_QUESTION } from '../../src/risk/analyze.js';
import type { RiskResult } from '../../src/risk/types.js';
import { cli } from '../support/cli.js';
import { prepareBundled } from '../support/model.js';
import { priced } from '../support/cost.js';

function risk(name: 'cross-org-shared' | 'cross-org-separated', question: Partial<typeof DEFAULT_RISK_QUESTION> & { from: string[] }): RiskResult {
  const outcome = analyzeRisk(prepareBundled(name), { ...DEFAULT_RISK_QUESTION, ...question });
  if (!outcome.ok) throw new Error([...outcome.messages, ...outcome.problems.map((p) => p.message)].join('\n'));
  return outcome.result;
}

const probabilityOf = (r: RiskResult, org: string) => r.organizations.find((o) => o.id === org)!.probability;

describe('cross-org-shared vs cross-org-separated', () => {
  it.each([
    ['mallory', 'contoso'],
    ['alice', 'fabrikam'],
  ])('an insider (%s) exposes %s more likely when shared, exactly per type', (from, victim) => {
    const shared = risk('cross-org-shared', { from: [from] });
    const separated = risk('cross-org-separated', { from: [from] });
    expect(shared.target.method).toBe('exact');
    expect(probabilityOf(shared, victim)).toBeGreaterThan(probabilityOf(separated, victim));
    // Shared: one failure of four types suffices; separated: kernel and vm must both fail.
    expect(probabilityOf(shared, victim)).toBeGreaterThan(0.3);
    expect(probabilityOf(separated, victim)).toBeLessThan(0.01);
    expect(priced(separated.cost).totalMonthly).toBeGreaterThan(priced(shared.cost).totalMonthly);
  });

  it('holds with independent instance failures too (sampled, intervals apart)', () => {
    const shared = risk('cross-org-shared', { from: ['mallory'], failures: 'instance', seed: 5 });
    const separated = risk('cross-org-separated', { from: ['mallory'], failures: 'instance', seed: 5 });
    const a = shared.organizations.find((o) => o.id === 'contoso')!;
    const b = separated.organizations.find((o) => o.id === 'contoso')!;
    expect(a.method).toBe('monte-carlo');
    expect(b.low).toBeGreaterThan(0);
    expect(a.low).toBeGreaterThan(b.high);
  });

  it('ranks the hypervisor and the kernel first in the separated topology', () => {
    const separated = risk('cross-org-separated', { from: ['mallory'] });
    expect(separated.importance.types.slice(0, 2).map((t) => t.type).sort()).toEqual(['kernel', 'vm']);
    expect(separated.importance.types[0]!.fussellVesely).toBeCloseTo(1, 12);
    // In the shared topology the kernel, with the largest failure probability of the four single-failure types, leads.
    const shared = risk('cross-org-shared', { from: ['mallory'] });
    expect(shared.importance.types[0]!.type).toBe('kernel');
  });
});

describe('indepth risk', () => {
  it('--json has an organizations array with id and probability, data stores and boundary importance', async () => {
    const run = await cli(['risk', 'models/cross-org-separated.yaml', '--from', 'mallory', '--json']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out) as RiskResult;
    expect(json.organizations.map((o) => o.id)).toEqual(['contoso', 'fabrikam']);
    for (const o of json.organizations) expect(typeof o.probability).toBe('number');
    expect(json.organizations.find((o) => o.id === 'fabrikam')).toMatchObject({ attacker: true, probability: 1 });
    expect(json.data.map((d) => d.id)).toEqual(['contoso-profiles', 'contoso-finance', 'fabrikam-profiles', 'fabrikam-designs']);
    expect(json.importance.types.map((t) => t.type)).toContain('vm');
    expect(json.importance.instances.map((i) => i.id)).toContain('vm@azure-host-1');
    expect(priced(json.cost).totalMonthly).toBe(5297.5);
  });

  it('gives identical output for the same seed when sampling, and different for another seed', async () => {
    const args = ['risk', 'models/cross-org-shared.yaml', '--from', 'mallory', '--failures', 'instance', '--samples', '20000', '--json'];
    const a = await cli([...args, '--seed', '7']);
    const b = await cli([...args, '--seed', '7']);
    const c = await cli([...args, '--seed', '8']);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
    const json = JSON.parse(a.out) as RiskResult;
    expect(json.organizations.find((o) => o.id === 'contoso')!.samples).toBe(20000);
  });

  it('stops sampling at the requested precision', async () => {
    const run = await cli(['risk', 'models/cross-org-shared.yaml', '--from', 'mallory', '--failures', 'instance', '--precision', '0.02', '--json']);
    const contoso = (JSON.parse(run.out) as RiskResult).organizations.find((o) => o.id === 'contoso')!;
    expect((contoso.high - contoso.low) / 2 / contoso.probability).toBeLessThanOrEqual(0.02);
  });

  it('falls back to the rare-event estimator where sampling cannot reach the precision', async () => {
    const run = await cli([
      'risk', 'models/cross-org-separated.yaml', '--from', 'mallory', '--failures', 'instance',
      '--likelihood', 'vm=0.00001', '--max-samples', '50000', '--json',
    ]);
    expect(run.code).toBe(0);
    const contoso = (JSON.parse(run.out) as RiskResult).organizations.find((o) => o.id === 'contoso')!;
    expect(contoso.method).toBe('rare-event');
    // P = 1e-5 × P(some fabrikam kernel fails) = 1e-5 × (1 − 0.5982²).
    const truth = 1e-5 * (1 - (1 - 0.40176) ** 2);
    expect(contoso.low).toBeLessThanOrEqual(truth * 1.01);
    expect(contoso.high).toBeGreaterThanOrEqual(truth * 0.99);
    expect((contoso.high - contoso.low) / 2 / contoso.probability).toBeLessThanOrEqual(0.05);
  });

  it('prints a readable report that flags the default likelihoods as assumptions', async () => {
    const run = await cli(['risk', 'models/cross-org-shared.yaml', '--from', 'mallory']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('top event: any data of contoso exposed within a year: P = 0.5956 (exact)');
    expect(run.out).toMatch(/harden these first/);
    expect(run.out).toMatch(/DEFAULTS, which are assumptions/);
    expect(run.out).toMatch(/cost per month \(USD\): 3908\.00/);
  });

  it('reports bad flags together', async () => {
    const run = await cli(['risk', 'models/cross-org-shared.yaml', '--failures', 'sometimes', '--precision', '2', '--likelihood', 'kernel']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/--failures: expected `type` or `instance`/);
    expect(run.err).toMatch(/--precision: expected a number between 0 and 1/);
    expect(run.err).toMatch(/--likelihood: expected TARGET=P/);
    expect(run.err).toMatch(/no foothold: give --from ID .* or a --scenario with `from`/);
  });

  it('names unknown targets and likelihood targets', async () => {
    const run = await cli(['risk', 'models/cross-org-shared.yaml', '--from', 'mallory', '--target', 'contosso', '--likelihood', 'kernal=0.1']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/--target: `contosso` is not an organization of the model \(did you mean `contoso`\?\)/);
    expect(run.err).toMatch(/unknown failure 'kernal' \(did you mean 'kernel'\?\)/);
  });
});

describe('indepth compare', () => {
  it('shows exposure probability per pair beside the cost', async () => {
    const run = await cli(['compare', 'models/cross-org-shared.yaml', 'models/cross-org-separated.yaml']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/risk: probability per year/);
    expect(run.out).toMatch(/ {2}contoso → fabrikam +0\.5956 +0\.0040/);
    expect(run.out).toMatch(/cross-org-separated costs 1389\.50 more per month than cross-org-shared/);
    expect(run.out).toMatch(/and cuts the worst cross-organization exposure from 0\.5956 to 0\.0040 a year/);
    const json = JSON.parse((await cli(['compare', 'models/cross-org-shared.yaml', 'models/cross-org-separated.yaml', '--json'])).out);
    const [shared, separated] = json.sides;
    for (let i = 0; i < shared.cells.length; i++) expect(shared.cells[i].probability).toBeGreaterThan(separated.cells[i].probability);
    expect(priced(separated.cost).totalMonthly - priced(shared.cost).totalMonthly).toBeCloseTo(1389.5, 2);
  });
});
