import { describe, expect, it } from 'vitest';
import { crossOrgDepth } from '../../src/policy/cross-org-depth.js';
import { assets, at, bundledContext, bundledText, contextOfText, run } from './helpers.js';

describe('policy cross-org-depth', () => {
  it('shared topology: every store of each organization is one failure from the other org, at its model line', () => {
    const findings = run(crossOrgDepth, bundledContext('cross-org-shared'));
    expect(assets(findings)).toEqual(['contoso-profiles', 'contoso-finance', 'fabrikam-profiles', 'fabrikam-designs']);
    const finance = findings.find((f) => f.asset === 'contoso-finance')!;
    expect(at(finance)).toBe('models/cross-org-shared.yaml:64:9');
    expect(finance.depths).toEqual([{ attacker: 'fabrikam', depth: 1 }]);
    expect(finance.minDepth).toBe(2);
    expect(finance.message).toContain('1 boundary failure from fabrikam');
    expect(finance.message).toContain('{kernel}');
  });

  it('names the shared host pool on the attack path as the fix and as a related location', () => {
    const [first] = run(crossOrgDepth, bundledContext('cross-org-shared'));
    expect(first!.fix).toBe('Stop sharing host pool `shared-pool` between contoso and fabrikam: give each organization its own host pool.');
    expect(first!.related.map((r) => `${r.location.line}:${r.location.column} ${r.message}`)).toEqual([
      '25:9 the attack path crosses host pool `shared-pool`, shared by contoso and fabrikam',
    ]);
  });

  it('separated topology (the guide\u2019s recommendation) holds at the default minimum of 2', () => {
    expect(run(crossOrgDepth, bundledContext('cross-org-separated'))).toEqual([]);
  });

  it('a minimum of 3 catches the shared physical host of the separated topology', () => {
    const findings = run(crossOrgDepth, bundledContext('cross-org-separated'), { minDepth: 3 });
    expect(findings).toHaveLength(4);
    for (const f of findings) {
      expect(f.depths![0]!.depth).toBe(2);
      expect(f.fix).toContain('physical host `azure-host-1`');
      expect(f.related[0]!.location.line).toBe(29);
    }
  });

  it('a single-organization model has no other organization to reach', () => {
    expect(run(crossOrgDepth, bundledContext('single-org-pooled'))).toEqual([]);
  });
});

describe('policy cross-org-depth: stores shared on purpose', () => {
  it('a store that lists users of another organization is not a target for that organization', () => {
    const text = bundledText('cross-org-separated').replace(
      'controls:\n',
      ['  - id: joint-project', '    organization: contoso', '    location: share', '    users: [alice, mallory]', '', 'controls:', ''].join('\n'),
    );
    const context = contextOfText(text, 'joint.yaml');
    // mallory reaches joint-project with no failure: legitimately, so no finding for it.
    expect(context.storeDepths(['fabrikam'])!.get('joint-project')!.depth).toBe(0);
    expect(assets(run(crossOrgDepth, context))).toEqual([]);
  });
});
