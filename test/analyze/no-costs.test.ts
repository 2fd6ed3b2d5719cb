// No silent optimism on costs: a model or spec without `costs` is "no costs given" in compare,
// risk, the review and recommend, never 0.00, and recommend marks no alternative Pareto-optimal
// (every one would tie at 0.00 and the riskiest could look as good as any).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { recommend } from '../../src/recommend/recommend.js';
import { parseSpec } from '../../src/recommend/spec.js';
import { formatRecommendation } from '../../src/report/recommend-text.js';
import { cli } from '../support/cli.js';

const NO_COSTS = 'test/fixtures/models/hand/shared-reader-share.yaml';

describe('a model without costs', () => {
  it('compares as "no costs given", in text and JSON', async () => {
    const text = await cli(['compare', NO_COSTS, 'models/cross-org-shared.yaml', '--quiet']);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^  total +no costs given +3908\.00$/m);
    expect(text.out).toContain('shared-reader-share: no costs given');
    expect(text.out).not.toMatch(/costs [\d.]+ (more|less) per month/);
    const json = JSON.parse((await cli(['compare', NO_COSTS, NO_COSTS, '--quiet', '--json'])).out);
    expect(json.sides[0].cost).toEqual({ given: false, note: 'no costs given', pools: json.sides[0].cost.pools, vms: 2, tenants: 2, subscriptions: 2, users: 2, sessionsPerHost: 12 });
    expect(JSON.stringify(json.sides[0].cost)).not.toMatch(/Monthly/);
  });

  it('says so in risk', async () => {
    const run = await cli(['risk', NO_COSTS, '--from', 'beta']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('cost per month: no costs given (2 VMs, 2 tenants, 2 subscriptions');
    expect(run.out).not.toContain('0.00 =');
  });
});

describe('recommend without costs', () => {
  const text = readFileSync(new URL('../recommend/three-orgs.spec.yaml', import.meta.url), 'utf8').replace(/^costs:\n(?: {2}.*\n)+/m, '');
  const parsed = parseSpec(text, 'spec.yaml');
  if (!parsed.ok) throw new Error('spec did not parse');
  const outcome = recommend(parsed.spec, 'spec.yaml');
  if (!outcome.ok) throw new Error('recommend failed');
  const r = outcome.recommendation;

  it('marks no alternative Pareto-optimal and prints no price', () => {
    expect(text).not.toContain('costs:');
    expect(r.alternatives.length).toBeGreaterThan(1);
    expect(r.alternatives.every((a) => !a.pareto && !a.cost.given)).toBe(true);
    const printed = formatRecommendation(r, null);
    expect(printed).toContain('no costs given, so no alternative is marked Pareto-optimal');
    expect(printed).not.toMatch(/^\* /m);
    expect(printed).not.toMatch(/\b0\.00\b/);
  });
});
