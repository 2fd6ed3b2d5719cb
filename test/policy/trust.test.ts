// A policy file's `trusted` groups: organizations that trust each other may share a tenant, a
// subscription and a multi-session pool, and are no attacker/victim pair for the depth policies —
// while everything between untrusted organizations is checked as before.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPolicyAgainstModel, defaultPolicyConfig, parsePolicy } from '../../src/policy/load-policy.js';
import { runPolicies } from '../../src/policy/run-policies.js';
import { trustOf } from '../../src/policy/trust.js';
import { cli } from '../support/cli.js';
import { bundledText, contextOfText, policyOf } from './helpers.js';

const TRUST = 'name: sister companies\ntrusted:\n  - [contoso, fabrikam]\n';

/**
 * The bundled shared model (contoso and fabrikam share everything) plus northwind, separated — or,
 * with `northwindOnSharedPool`, with its users on the shared pool (and so in the shared subscription
 * and tenant, which then hold all three).
 */
function threeOrgs(northwindOnSharedPool = false): string {
  const shared = northwindOnSharedPool;
  const tenant = shared ? 'shared-directory' : 'northwind-directory';
  return bundledText('cross-org-shared')
    .replaceAll('organizations: [contoso, fabrikam]', `organizations: [contoso, fabrikam${shared ? ', northwind' : ''}]`)
    .replace('organizations:\n  - id: contoso\n', 'organizations:\n  - id: northwind\n  - id: contoso\n')
    .replace('tenants:\n', shared ? 'tenants:\n' : 'tenants:\n  - id: northwind-directory\n    organizations: [northwind]\n')
    .replace('subscriptions:\n', `subscriptions:\n  - id: northwind-subscription\n    tenant: ${tenant}\n    organizations: [northwind]\n`)
    .replace(
      'hostPools:\n',
      'hostPools:\n  - id: northwind-pool\n    subscription: northwind-subscription\n    type: pooled\n    vms: 2\n    osBuild: win11-23h2-multi-session\n    apps: [edge]\n',
    )
    .replace(
      'users:\n',
      `users:\n  - id: northwind-workers\n    organization: northwind\n    count: 8\n    hostPool: ${shared ? 'shared-pool' : 'northwind-pool'}\n`,
    )
    .replace(
      'data:\n',
      'data:\n  - id: northwind-secrets\n    organization: northwind\n    classification: restricted\n    location: database\n    users: [northwind-workers]\n    subscription: northwind-subscription\n',
    );
}

function tempFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'indepth-trust-')), name);
  writeFileSync(file, text);
  return file;
}

describe('trusted groups', () => {
  it('trustOf: one organization trusts itself; groups trust within, not across', () => {
    const trust = trustOf([['contoso', 'fabrikam']]);
    expect(trust.trusts('contoso', 'fabrikam')).toBe(true);
    expect(trust.trusts('northwind', 'northwind')).toBe(true);
    expect(trust.trusts('contoso', 'northwind')).toBe(false);
    expect(trust.within(['fabrikam', 'contoso'])).toBe(true);
    expect(trust.within(['contoso', 'fabrikam', 'northwind'])).toBe(false);
  });

  it('without trust, the three-organization model fails on everything the two share; with it, it passes', () => {
    const context = contextOfText(threeOrgs(), 'three-orgs.yaml');
    const without = runPolicies(defaultPolicyConfig(), context).findings.map((f) => f.id);
    expect(without).toEqual(
      expect.arrayContaining([
        'cross-org-depth@contoso-finance',
        'classification-depth@contoso-finance',
        'no-shared-multi-session-pool@shared-pool',
        'no-shared-identity-tenant@shared-directory',
        'no-shared-subscription@shared-subscription',
      ]),
    );
    expect(without.some((id) => id.includes('northwind'))).toBe(false);

    const config = policyOf(TRUST);
    expect(config.trusted).toEqual([['contoso', 'fabrikam']]);
    expect(checkPolicyAgainstModel(config, context.prepared)).toEqual([]);
    expect(runPolicies(config, context).findings).toEqual([]);
  });

  it('untrusted pairs still count: northwind on the shared pool is flagged, and only northwind pairs are', () => {
    const context = contextOfText(threeOrgs(true), 'three-orgs.yaml');
    const findings = runPolicies(policyOf(TRUST), context).findings;
    const ids = findings.map((f) => f.id);
    expect(ids).toContain('no-shared-multi-session-pool@shared-pool');
    expect(ids).toContain('cross-org-depth@contoso-finance');
    expect(ids).toContain('no-shared-subscription@shared-subscription');
    expect(ids).toContain('no-shared-identity-tenant@shared-directory');
    const store = (id: string) => context.prepared.model.data.find((d) => d.id === id)!.organization;
    for (const finding of findings.filter((f) => f.depths !== undefined)) {
      const victim = store(finding.asset);
      for (const { attacker } of finding.depths!) expect([attacker, victim]).toContain('northwind');
    }
  });

  it('no-local-admin-on-pooled-hosts is not affected by trust', () => {
    const text = threeOrgs().replace('  - id: mallory\n    organization: fabrikam\n', '  - id: mallory\n    organization: fabrikam\n    privilege: localAdmin\n');
    const ids = runPolicies(policyOf(TRUST), contextOfText(text, 'three-orgs.yaml')).findings.map((f) => f.id);
    expect(ids).toContain('no-local-admin-on-pooled-hosts@mallory');
  });

  it('check --policy: exit 1 without the trust, 0 with it', async () => {
    const model = tempFile('three-orgs.yaml', threeOrgs());
    const policy = tempFile('trust.yaml', TRUST);
    expect((await cli(['check', model])).code).toBe(1);
    const run = await cli(['check', model, '--policy', policy]);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`check passed: 11 policies hold on ${model}\n`);
  });
});

describe('bad `trusted` entries', () => {
  function issues(text: string): string[] {
    const parsed = parsePolicy(text, 'p.yaml');
    if (parsed.ok) throw new Error('expected the policy to be rejected');
    return parsed.issues.map((i) => `${i.location.line}:${i.location.column}: ${i.message}`);
  }

  it('overlapping groups, repeats, one-organization groups and non-lists, each where it is written', () => {
    expect(issues('trusted:\n  - [contoso, fabrikam]\n  - [fabrikam, northwind, northwind]\n  - [litware]\n  - contoso\n')).toEqual([
      '3:6: organization `fabrikam` is in trusted group 2 and already in group 1 at 2:15; an organization is in one group only (merge the groups)',
      '3:27: `trusted[1]` lists `northwind` more than once',
      '4:5: `trusted[2]` must list at least 2 items',
      '5:5: `trusted[3]` must be a list, got the string `contoso`',
    ]);
  });

  it('a group written twice is an overlap', () => {
    expect(issues('trusted: [[a, b], [b, a]]\n')).toEqual([
      '1:20: organization `b` is in trusted group 2 and already in group 1 at 1:15; an organization is in one group only (merge the groups)',
      '1:23: organization `a` is in trusted group 2 and already in group 1 at 1:12; an organization is in one group only (merge the groups)',
    ]);
  });

  it('check: an unknown organization gets a suggestion, file:line:col and exit 2', async () => {
    const model = tempFile('three-orgs.yaml', threeOrgs());
    const policy = tempFile('trust.yaml', 'trusted:\n  - [contso, fabrikam]\n');
    const run = await cli(['check', model, '--policy', policy]);
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain(`${policy}:2:6: the policy references unknown organization \`contso\` (did you mean \`contoso\`?)\n`);
  });

  it('check: a malformed `trusted` exits 2 with positions', async () => {
    const model = tempFile('three-orgs.yaml', threeOrgs());
    const policy = tempFile('trust.yaml', 'trusted:\n  - [contoso, fabrikam]\n  - [fabrikam, northwind]\n');
    const run = await cli(['check', model, '--policy', policy]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${policy}:3:6: organization \`fabrikam\` is in trusted group 2 and already in group 1 at 2:15`);
  });
});
