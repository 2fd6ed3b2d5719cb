// `indepth recommend` on three organizations (contoso and fabrikam trust each other, northwind needs
// admins): the model it writes loads, passes its own verification, matches the guide's table, and is
// weighed against cheaper alternatives in a Pareto table. Bad trust is reported where it is written.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { depthByType, typeDepth } from '../../src/engine/depth-by-type.js';
import { controlMask } from '../../src/engine/scenario.js';
import { recommend, type Recommendation } from '../../src/recommend/recommend.js';
import { parseSpec, type Spec } from '../../src/recommend/spec.js';
import { cli } from '../support/cli.js';
import { prepareText } from '../support/model.js';
import { priced } from '../support/cost.js';

const SPEC_FILE = 'test/recommend/three-orgs.spec.yaml';
const specText = readFileSync(new URL('./three-orgs.spec.yaml', import.meta.url), 'utf8');

function specOf(text: string): Spec {
  const parsed = parseSpec(text, 'spec.yaml');
  if (!parsed.ok) throw new Error(parsed.issues.map((i) => i.message).join('\n'));
  return parsed.spec;
}

function recommendation(text = specText): Recommendation {
  const outcome = recommend(specOf(text), 'spec.yaml');
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome.recommendation;
}

describe('recommend on three organizations', () => {
  const r = recommendation();
  const prepared = prepareText(r.yaml, 'recommended.yaml');
  const { model } = prepared;
  const userOf = (id: string) => model.users.find((u) => u.id === id)!;
  const poolOf = (user: string) => model.hostPools.find((p) => p.id === userOf(user).hostPool)!;
  const tenantOf = (org: string) => model.tenants.find((t) => t.organizations.includes(org))!.id;
  const subscriptionOf = (org: string) => model.subscriptions.find((s) => s.organizations.includes(org))!.id;

  it('groups the organizations by mutual trust', () => {
    expect(r.groups).toEqual([['contoso', 'fabrikam'], ['northwind']]);
  });

  it('writes a model that loads and passes its own verification', () => {
    expect(r.passed).toBe(true);
    const recommended = r.alternatives[0]!;
    expect(recommended.id).toBe('recommended');
    expect(recommended.checks.map((c) => [c.id, c.passed])).toEqual([
      ['cross-org-depth', true],
      ['admins-off-pooled-hosts', true],
      ['standard-users-multi-session', true],
      ['admins-personal-desktops', true],
      ['separate-subscription-and-identity', true],
      ['no-cross-org-multi-session', true],
    ]);
    expect(recommended.crossOrgDepth).toBe(2);
  });

  it('matches the guide\u2019s table', () => {
    // Users from one organization (here: two that trust each other) with standard privileges → multi-session.
    expect(poolOf('contoso-users').type).toBe('pooled');
    expect(poolOf('contoso-users').id).toBe(poolOf('fabrikam-users').id);
    expect(poolOf('northwind-users').type).toBe('pooled');
    // Users who require administrative privileges → personal desktops.
    expect(userOf('northwind-admins')).toMatchObject({ privilege: 'localAdmin', count: 4 });
    expect(poolOf('northwind-admins').type).toBe('personal');
    // Users from different organizations → separate subscription and identity.
    expect(subscriptionOf('northwind')).not.toBe(subscriptionOf('contoso'));
    expect(tenantOf('northwind')).not.toBe(tenantOf('contoso'));
    expect(subscriptionOf('contoso')).toBe(subscriptionOf('fabrikam'));
    expect(poolOf('northwind-users').id).not.toBe(poolOf('contoso-users').id);
    // Sized by sessions per host: 60 users at 12 per host, 30 at 12.
    expect(poolOf('contoso-users').vms).toBe(5);
    expect(poolOf('northwind-users').vms).toBe(3);
    expect(r.table.find((row) => row.organization === 'northwind')).toMatchObject({
      standardPool: { id: 'northwind-pool', type: 'pooled' },
      adminPool: { id: 'northwind-desktops', type: 'personal' },
    });
  });

  it('needs two boundary failures between organizations that do not trust each other (independent simulation)', () => {
    const { compiled, deployment } = prepared;
    const standard = (org: string) => deployment.allMembers.filter((m) => m.user.organization === org && m.user.privilege === 'standard').map((m) => compiled.nodeIndex.get(m.id)!);
    const dataOf = (org: string) => model.data.filter((d) => d.organization === org).flatMap((d) => deployment.dataNodes.get(d.id)!.map((n) => compiled.nodeIndex.get(n.node)!));
    const minDepth = (from: string, to: string) => {
      const r2 = depthByType(compiled, standard(from), controlMask(model.controls));
      return Math.min(...dataOf(to).map((v) => typeDepth(r2, v) ?? Infinity));
    };
    expect(minDepth('northwind', 'contoso')).toBeGreaterThanOrEqual(2);
    expect(minDepth('contoso', 'northwind')).toBeGreaterThanOrEqual(2);
    expect(minDepth('fabrikam', 'northwind')).toBeGreaterThanOrEqual(2);
    // Trusting organizations share hosts: one failure between them, as for colleagues.
    expect(minDepth('contoso', 'fabrikam')).toBe(1);
  });

  it('weighs the alternatives: cheaper ones are riskier, and the Pareto front is marked', () => {
    const byId = new Map(r.alternatives.map((a) => [a.id, a]));
    expect([...byId.keys()]).toEqual(['recommended', 'admins-pooled', 'separate-every-org', 'shared-identity', 'shared-hosts', 'shared-everything']);
    const recommended = byId.get('recommended')!;
    const everything = byId.get('shared-everything')!;
    expect(priced(everything.cost).totalMonthly).toBeLessThan(priced(recommended.cost).totalMonthly);
    expect(everything.crossOrgRisk).toBeGreaterThan(recommended.crossOrgRisk);
    expect(everything.passed).toBe(false);
    // Admins on pooled hosts reach co-residents' data with no failure.
    expect(byId.get('admins-pooled')!.adminRisk).toBe(1);
    // On personal desktops they need a failure: a VM escape, since the recommended topology declares
    // no physical hosts and its pools are assumed to share one (the worst case). That failure's
    // default likelihood (about 0.15 a year) is the admin risk that remains.
    expect(recommended.adminRisk).toBeGreaterThan(0);
    expect(recommended.adminRisk).toBeLessThan(0.2);
    // Separating the trusting organizations too costs more and buys no cross-org risk reduction.
    expect(priced(byId.get('separate-every-org')!.cost).totalMonthly).toBeGreaterThan(priced(recommended.cost).totalMonthly);
    expect(byId.get('separate-every-org')!.dominatedBy).toContain('recommended');
    expect(recommended.pareto).toBe(true);
    expect(everything.pareto).toBe(true);
    // Every Pareto-optimal alternative is undominated; every dominated one names who dominates it.
    for (const a of r.alternatives) expect(a.pareto).toBe(a.dominatedBy.length === 0);
  });

  it('merges strategies that give the same topology', () => {
    // No trust and no admins: the trust-group strategies are the per-organization ones.
    const text = specText.replace('    trusts: [fabrikam]\n', '').replace('    trusts: [contoso]\n', '').replace('    admins: 4\n', '');
    expect(recommendation(text).alternatives.map((a) => a.id)).toEqual(['recommended', 'shared-identity', 'shared-hosts']);
  });
});

describe('trust problems', () => {
  it('notes one-sided trust and keeps those organizations apart', () => {
    const r = recommendation(specText.replace('    trusts: [contoso]\n', ''));
    expect(r.notes).toEqual(['contoso trusts fabrikam but fabrikam does not trust contoso: kept apart (trust must be mutual)']);
    expect(r.groups).toEqual([['contoso'], ['fabrikam'], ['northwind']]);
  });

  it('refuses a chain of trust that is not mutual between every pair', () => {
    const text = specText
      .replace('    trusts: [contoso]\n', '    trusts: [contoso, northwind]\n')
      .replace('    admins: 4\n', '    admins: 4\n    trusts: [fabrikam]\n');
    const outcome = recommend(specOf(text), 'spec.yaml');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.problems[0]!.message).toMatch(/contoso and northwind are joined through trust relationships of others but do not trust each other/);
  });

  it('reports an unknown organization in `trusts` with a suggestion', () => {
    const parsed = parseSpec(specText.replace('trusts: [fabrikam]', 'trusts: [fabrikan]'), 'spec.yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]!.message).toMatch(/fabrikan.*did you mean `fabrikam`/);
  });
});

describe('indepth recommend', () => {
  const dir = mkdtempSync(join(tmpdir(), 'indepth-recommend-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the model with -o, prints the report, and the model validates and loads in `risk`', async () => {
    const out = join(dir, 'model.yaml');
    const run = await cli(['recommend', SPEC_FILE, '-o', out]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/verification of the recommended model \(failures per boundary type\): passed/);
    expect(run.out).toMatch(/^\* recommended /m);
    expect(run.out).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toMatch(/^# generated by: indepth recommend/);
    expect((await cli(['validate', out])).code).toBe(0);
    const risk = await cli(['risk', out, '--from', 'northwind', '--json']);
    expect(risk.code).toBe(0);
    const contoso = JSON.parse(risk.out).organizations.find((o: { id: string }) => o.id === 'contoso');
    expect(contoso.depth).toBe(2);
  });

  it('prints the model on stdout and the report on stderr without -o; --json is the report as data', async () => {
    const run = await cli(['recommend', SPEC_FILE]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^# generated by/);
    expect(run.err).toMatch(/the guide\u2019s table, applied/);
    const json = await cli(['recommend', SPEC_FILE, '--json']);
    const parsed = JSON.parse(json.out) as Recommendation;
    expect(parsed.passed).toBe(true);
    expect(parsed.yaml).toBe(run.out);
  });

  it('--policy-out writes the trust groups as a policy file, and the model declares them too: check passes either way, fails with neither', async () => {
    const model = join(dir, 'trusted-model.yaml');
    const policy = join(dir, 'trust-policy.yaml');
    const run = await cli(['recommend', SPEC_FILE, '-o', model, '--policy-out', policy]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`wrote ${model}\nwrote ${policy} (trust groups for \`indepth check --policy\`)\n`);
    const text = readFileSync(policy, 'utf8');
    expect(text).toMatch(/^# generated by: indepth recommend test\/recommend\/three-orgs\.spec\.yaml --policy-out\n/);
    expect(text).toContain('trusted:\n  - [contoso, fabrikam]\n');

    // The model carries the spec's mutual trust itself (`trust`), so every command reads it.
    const modelText = readFileSync(model, 'utf8');
    expect(prepareText(modelText).model.trust?.map((g) => [g.organizations, g.level])).toEqual([[['contoso', 'fabrikam'], 'full']]);
    const alone = await cli(['check', model]);
    expect(alone.out).toBe(`check passed: 11 policies hold on ${model}\n`);

    // Without the model's trust, only the policy file's makes the shared pool acceptable.
    const bare = join(dir, 'untrusted-model.yaml');
    const document = parseYaml(modelText) as Record<string, unknown>;
    delete document['trust'];
    writeFileSync(bare, stringifyYaml(document));
    const without = await cli(['check', bare]);
    expect(without.code).toBe(1);
    expect(without.out).toContain('no-shared-multi-session-pool@contoso-fabrikam-pool');
    const checked = await cli(['check', bare, '--policy', policy]);
    expect(checked.err).toBe('');
    expect(checked.out).toBe(`check passed: 11 policies hold on ${bare}\n`);
    expect(checked.code).toBe(0);
  });

  it('--policy-out is in --help', async () => {
    const help = await cli(['recommend', '--help']);
    expect(help.out).toContain('--policy-out <file>');
    expect(help.out).toContain('indepth check hosting-model.yaml --policy hosting-policy.yaml');
  });

  it('reports spec problems as file:line:col', async () => {
    const bad = join(dir, 'bad.yaml');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, 'name: x\norganizations:\n  - id: a\n    users: -1\n');
    const run = await cli(['recommend', bad]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/bad\.yaml:4:12: .*must be >= 0/);
  });
});
