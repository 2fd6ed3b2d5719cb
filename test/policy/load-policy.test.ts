// Policy files go through the model's YAML reader and validator: every problem at once, each with
// file:line:col; ids that must exist in a model are checked when the policy meets one.

import { describe, expect, it } from 'vitest';
import { checkPolicyAgainstModel, defaultPolicyConfig, parsePolicy } from '../../src/policy/load-policy.js';
import { POLICIES } from '../../src/policy/registry.js';
import { acme } from '../support/model.js';
import { bundledContext, contextOfText, policyOf } from './helpers.js';

function issues(text: string): string[] {
  const parsed = parsePolicy(text, 'p.yaml');
  if (parsed.ok) throw new Error('expected the policy to be rejected');
  return parsed.issues.map((i) => `${i.location.line}:${i.location.column}: ${i.message}`);
}

describe('policy files', () => {
  it('defaults: every built-in policy on, at its own severity and settings', () => {
    const config = defaultPolicyConfig();
    expect([...config.settings.keys()]).toEqual(POLICIES.map((p) => p.id));
    for (const policy of POLICIES) expect(config.settings.get(policy.id)).toMatchObject({ enabled: true, severity: policy.severity });
    expect(config.settings.get('cross-org-depth')).toMatchObject({ minDepth: 2 });
    expect(config.settings.get('classification-depth')).toMatchObject({
      minimums: { public: null, internal: null, confidential: null, restricted: 2 },
      attackers: 'otherOrganizations',
    });
    expect(config.custom).toEqual([]);
  });

  it('an empty mapping is the defaults; given keys override only themselves', () => {
    expect(policyOf('{}').settings).toEqual(defaultPolicyConfig().settings);
    const config = policyOf(
      ['name: gate', 'policies:', '  reverse-connect: { enabled: false }', '  classification-depth:', '    minimums: { confidential: 2 }', ''].join('\n'),
    );
    expect(config.name).toBe('gate');
    expect(config.settings.get('reverse-connect')).toMatchObject({ enabled: false, severity: 'error' });
    expect(config.settings.get('classification-depth')).toMatchObject({ minimums: { confidential: 2, restricted: 2 } });
    expect(config.settings.get('cross-org-depth')).toMatchObject({ enabled: true, minDepth: 2 });
  });

  it('custom policies with defaults filled in, and where each foothold is written', () => {
    const config = policyOf(['custom:', '  - id: mine', '    title: Mine', '    from: [mallory, fabrikam]', '    minDepth: 3', ''].join('\n'));
    expect(config.custom).toEqual([
      {
        id: 'mine',
        title: 'Mine',
        description: '',
        guide: '',
        fix: '',
        severity: 'error',
        from: ['mallory', 'fabrikam'],
        target: { organizations: [], data: [], classifications: [] },
        minDepth: 3,
      },
    ]);
    expect(config.fromLocations.get('mine')!.map((l) => `${l.line}:${l.column}`)).toEqual(['4:12', '4:21']);
  });

  it('reports every problem at once with its position', () => {
    expect(
      issues(
        [
          'policies:', //                                    1
          '  cross-org-depht: {}', //                        2
          '  cross-org-depth: { minDepth: 0 }', //           3
          '  reverse-connect: { severity: fatal }', //       4
          'custom:', //                                      5
          '  - id: cross-org-depth', //                      6
          '    title: t', //                                 7
          '    from: [a]', //                                8
          '    minDepth: 2', //                              9
          '  - id: twin', //                                 10
          '    title: t', //                                 11
          '    from: []', //                                 12
          '    minDepth: 2', //                              13
          '  - id: twin', //                                 14
          '    title: t', //                                 15
          '    from: [a]', //                                16
          '', //                                             17
        ].join('\n'),
      ),
    ).toEqual([
      '2:3: unknown key `cross-org-depht` in `policies` (did you mean `cross-org-depth`?)',
      '3:32: `minDepth` of `cross-org-depth` of `policies` must be >= 1, got the number `0`',
      '4:32: `severity` of `reverse-connect` of `policies` must be one of `error`, `warning`, `note`, got `fatal`',
      '6:9: custom policy id `cross-org-depth` is the id of a built-in policy; choose another',
      '12:11: `from` of custom policy `twin` must list at least one item',
      '14:5: missing required key `minDepth` in custom policy `twin`',
      '14:9: duplicate custom policy id `twin`: the custom policy at 10:9 already has it',
    ]);
  });

  it('YAML problems and empty files are issues too, never exceptions', () => {
    expect(issues('policies: [')[0]).toMatch(/^1:\d+: invalid YAML/);
    expect(issues('')).toEqual(['1:1: policy file is empty']);
    expect(issues('- a')).toEqual(['1:1: the top level of the policy file must be a mapping of keys to values, got a list']);
  });

  it('meeting a model: unknown organizations, data stores and footholds, with suggestions', () => {
    const config = policyOf(
      ['custom:', '  - id: c', '    title: t', '    from: [malory, contoso]', '    target: { organizations: [contosso], data: [x] }', '    minDepth: 2', ''].join('\n'),
    );
    const found = checkPolicyAgainstModel(config, bundledContext('cross-org-shared').prepared).map((i) => `${i.location.line}:${i.location.column}: ${i.message}`);
    expect(found).toEqual([
      '4:12: custom policy `c` names unknown foothold `malory` (did you mean `mallory`?)',
      '5:31: `target` of custom policy `c` references unknown organization `contosso` (did you mean `contoso`?)',
      '5:49: `target` of custom policy `c` references unknown data store `x`',
    ]);
    expect(checkPolicyAgainstModel(defaultPolicyConfig(), bundledContext('cross-org-shared').prepared)).toEqual([]);
  });

  it('an organization with no standard user stands for all its users (as in simulate and matrix); one with no user is no foothold', () => {
    const config = policyOf(['custom:', '  - id: c', '    title: t', '    from: [acme]', '    minDepth: 2', ''].join('\n'));
    const adminsOnly = contextOfText(acme('users:\n  - id: root\n    organization: acme\n    privilege: tenantAdmin\n'));
    expect(checkPolicyAgainstModel(config, adminsOnly.prepared)).toEqual([]);
    const nobody = contextOfText(acme(''));
    expect(checkPolicyAgainstModel(config, nobody.prepared).map((i) => `${i.location.line}:${i.location.column}: ${i.message}`)).toEqual([
      '4:12: custom policy `c` starts from organization `acme`, which has no users (an organization foothold stands for its standard users, or all its users when it has none); name a node instead',
    ]);
  });
});
