// Loading whole model files: defaults, entity locations, YAML/JSON equivalence, and the exact
// issues (with hand-counted positions) of a model with three mistakes.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS } from '../../src/domain/controls.js';
import { formatIssue, InputError } from '../../src/model/issues.js';
import { loadModelFile, parseModel } from '../../src/model/load-model.js';
import { issuesOf, lines, modelOf, withBase } from './helpers.js';

const FIXTURES = new URL('../fixtures/models/', import.meta.url);
const fixture = (name: string): string => new URL(name, FIXTURES).pathname;

describe('a valid model', () => {
  const result = loadModelFile(fixture('cross-org-shared.yaml'));
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  const { model, locations } = result;

  it('keeps what the file says', () => {
    expect(model.name).toBe('cross-org-shared');
    expect(model.organizations).toEqual([
      { id: 'contoso', name: 'Contoso Ltd' },
      { id: 'fabrikam', name: 'fabrikam' },
    ]);
    expect(model.users.find((user) => user.id === 'mallory')).toEqual({
      id: 'mallory',
      organization: 'fabrikam',
      count: 1,
      privilege: 'standard',
      hostPool: 'pool1',
      vm: 3,
      subscription: null,
      apps: [],
      device: true,
    });
  });

  it('fills every default', () => {
    const [pool1, desktops] = model.hostPools;
    expect(pool1).toMatchObject({ vms: 4, osBuild: 'windows-multi-session', vmHourly: null });
    expect(desktops).toMatchObject({ vms: 1, osBuild: 'windows-enterprise', apps: [], vmHourly: 0.5 });
    expect(model.apps[0]).toEqual({ id: 'office', sandboxed: false, browser: false });
    expect(model.data[0]).toMatchObject({ classification: 'confidential', readers: [], subscription: null });
    expect(model.controls).toEqual({ ...DEFAULT_CONTROLS, credentialGuard: true });
    expect(model.costs).toEqual({
      currency: 'USD',
      vmHourly: 0.25,
      hoursPerMonth: 730,
      tenantMonthly: 0,
      subscriptionMonthly: 0,
    });
    expect(model.extra.nodes).toEqual([{ id: 'jumpbox', kind: 'vm', organization: 'contoso', label: 'jumpbox' }]);
    expect(model.extra.edges).toEqual([
      { from: 'jumpbox', to: 'pool1', boundary: 'network', instance: 'network@pool1', access: 'control' },
      { from: 'owner', to: 'jumpbox', boundary: null, instance: null, access: 'read' },
    ]);
  });

  it('drops `$schema` (accepted at the top level)', () => {
    expect(Object.keys(model)).not.toContain('$schema');
  });

  it('writes keys in schema order, whatever the file order', () => {
    expect(Object.keys(model.users[3] ?? {})).toEqual([
      'id',
      'organization',
      'count',
      'privilege',
      'hostPool',
      'vm',
      'subscription',
      'apps',
      'device',
    ]);
  });

  it('locates every entity at its id (line:col counted in the fixture)', () => {
    const at = (key: string) => {
      const location = locations.get(key);
      return location && `${location.line}:${location.column}`;
    };
    expect(at('model')).toBe('1:1');
    expect(at('organizations/contoso')).toBe('6:9');
    expect(at('tenants/shared-tenant')).toBe('10:9');
    expect(at('hostPools/desktops')).toBe('25:9');
    expect(at('users/alice')).toBe('35:9');
    expect(at('data/fabrikam-share')).toBe('57:9');
    expect(at('extra.nodes/jumpbox')).toBe('70:11');
    expect(at('extra.edges/1')).toBe('77:7');
    expect(locations.get('users/alice')?.file).toBe(fixture('cross-org-shared.yaml'));
    expect(locations.size).toBe(19);
  });

  it('is the same Model when written as JSON', () => {
    const json = loadModelFile(fixture('cross-org-shared.json'));
    expect(json.ok && json.model).toEqual(model);
  });

  it('gives a fresh default array to every entity', () => {
    const [alice, mallory] = model.users;
    expect(alice?.apps).toEqual([]);
    expect(alice?.apps).not.toBe(mallory?.apps);
  });
});

describe('a model with three mistakes', () => {
  const text = lines(
    'name: three-issues', // 1
    'organizations:', // 2
    '  - id: contoso', // 3
    '  - id: fabrikam', // 4
    'tenants:', // 5
    '  - id: shared', // 6
    '    organizations: [contoso, fabrikam]', // 7
    'users:', // 8
    '  - id: alice', // 9
    '    organization: contoso', // 10
    '    hostpool: pool1', // 11: unknown key at column 5
    '  - id: mallory', // 12
    '    organization: fabrkam', // 13: dangling reference, value at column 19
    '    privilege: admin', // 14: bad enum, value at column 16
  );

  it('reports exactly those three, each at its spot, sorted by position', () => {
    expect(issuesOf(text, 'three.yaml')).toEqual([
      'three.yaml:11:5: unknown key `hostpool` in user `alice` (did you mean `hostPool`?)',
      'three.yaml:13:19: user `mallory` references unknown organization `fabrkam` (did you mean `fabrikam`?)',
      'three.yaml:14:16: `privilege` of user `mallory` must be one of `standard`, `localAdmin`, `tenantAdmin`, `subscriptionOwner`, got `admin`',
    ]);
  });

  it('returns issues an InputError can carry, printed one per line', () => {
    const result = parseModel(text, 'three.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = new InputError(result.issues);
    expect(error.message.split('\n')).toHaveLength(3);
    expect(error.message.split('\n')[0]).toMatch(/^three\.yaml:11:5: unknown key/);
  });
});

describe('formatIssue', () => {
  it('prints file:line:col: message', () => {
    expect(formatIssue({ location: { file: 'models/a.yaml', line: 12, column: 7 }, message: 'bad thing' })).toBe(
      'models/a.yaml:12:7: bad thing',
    );
  });

  it('gives every issue of a broken model that shape, with a lower-case message', () => {
    const issues = issuesOf(
      withBase('users:', '  - id: x', '    organization: nobody', '    count: zero', '    vm: 0', 'extras: 1'),
    );
    expect(issues.length).toBeGreaterThanOrEqual(4);
    for (const issue of issues) expect(issue).toMatch(/^m\.yaml:[1-9]\d*:[1-9]\d*: [a-z`]/);
  });
});

describe('structure', () => {
  it('reports missing required keys at the mapping that lacks them', () => {
    expect(issuesOf(withBase('users:', '  - id: x', '    count: 2'))).toEqual([
      'm.yaml:26:5: missing required key `organization` in user `x`',
    ]);
    expect(issuesOf('description: nothing else\n')).toEqual([
      'm.yaml:1:1: missing required key `name` in the model',
      'm.yaml:1:1: missing required key `organizations` in the model',
    ]);
  });

  it('reports wrong types naming the key and the value', () => {
    expect(
      issuesOf(
        withBase(
          'users:', // 25
          '  - id: x', // 26
          '    organization: contoso', // 27
          '    count: "2"', // 28
          '    device: yes', // 29: YAML 1.2 reads `yes` as a string
          '    apps: office', // 30
          'costs: 5', // 31
        ),
      ),
    ).toEqual([
      'm.yaml:28:12: `count` of user `x` must be an integer >= 1, got the string `2`',
      'm.yaml:29:13: `device` of user `x` must be `true` or `false`, got the string `yes`',
      'm.yaml:30:11: `apps` of user `x` must be a list, got the string `office`',
      'm.yaml:31:8: `costs` must be a mapping of keys to values, got the number `5`',
    ]);
  });

  it('suggests quoting a number or boolean written where text is expected', () => {
    expect(issuesOf(withBase('apps: [{id: 2024}]', 'users: [{id: x, organization: true}]'))).toEqual([
      'm.yaml:25:13: `id` of `apps[0]` must be an id (a string), got the number `2024` (quote it to make it text)',
      'm.yaml:26:31: `organization` of user `x` must be the id of an organization, got `true` (quote it to make it text)',
    ]);
  });

  it('reports numbers out of range and non-integers', () => {
    expect(
      issuesOf(
        withBase(
          'users:', // 25
          '  - id: x', // 26
          '    organization: contoso', // 27
          '    count: 0', // 28
          '    vm: 1.5', // 29
          'costs:', // 30
          '  vmHourly: -0.1', // 31
          '  hoursPerMonth: .inf', // 32
        ),
      ),
    ).toEqual([
      'm.yaml:28:12: `count` of user `x` must be >= 1, got the number `0`',
      'm.yaml:29:9: `vm` of user `x` must be an integer >= 1, got the number `1.5`',
      'm.yaml:31:13: `vmHourly` of `costs` must be >= 0, got the number `-0.1`',
      'm.yaml:32:18: `hoursPerMonth` of `costs` must be a number >= 0, got the number `.inf`',
    ]);
  });

  it('reports an empty value at its key', () => {
    expect(issuesOf(withBase('users:', '  - id: x', '    organization:'))).toEqual([
      'm.yaml:27:5: `organization` of user `x` must be the id of an organization, got null',
    ]);
  });

  it('requires at least one organization, and one per tenant', () => {
    expect(issuesOf(lines('name: x', 'organizations: []'))).toEqual([
      'm.yaml:2:16: `organizations` must list at least one item',
    ]);
    expect(issuesOf(lines('name: x', 'organizations: [{id: a}]', 'tenants: [{id: t, organizations: []}]'))).toEqual([
      'm.yaml:3:34: `organizations` of tenant `t` must list at least one item',
      'm.yaml:2:22: organization `a` is in no tenant: list it in the `organizations` of exactly one tenant',
    ].sort(byPosition));
  });

  it('reports a list that names the same id twice', () => {
    expect(issuesOf(withBase('apps: [{id: office}]', 'users:', '  - {id: x, organization: contoso, apps: [office, office]}'))).toEqual([
      'm.yaml:27:51: `apps` of user `x` lists `office` more than once',
    ]);
  });

  it('reports an extra edge that names an instance without a boundary', () => {
    expect(issuesOf(withBase('extra:', '  edges:', '    - {from: pool1, to: desks, instance: vm@desks}'))).toEqual([
      'm.yaml:27:42: extra edge `pool1` → `desks` names `instance` `vm@desks` but no `boundary`',
    ]);
  });
});

/** Sorts formatted issues the way sortIssues does (line, then column). */
function byPosition(a: string, b: string): number {
  const position = (issue: string) => issue.split(':').slice(1, 3).map(Number) as [number, number];
  const [lineA, columnA] = position(a);
  const [lineB, columnB] = position(b);
  return lineA - lineB || columnA - columnB;
}

describe('a model that only needs its required keys', () => {
  it('loads with every list empty and every default in place', () => {
    const model = modelOf(lines('name: tiny', 'organizations: [{id: solo}]', 'tenants: [{id: t, organizations: [solo]}]'));
    expect(model).toEqual({
      name: 'tiny',
      description: '',
      organizations: [{ id: 'solo', name: 'solo' }],
      tenants: [{ id: 't', organizations: ['solo'] }],
      subscriptions: [],
      physicalHosts: [],
      hostPools: [],
      apps: [],
      users: [],
      groups: [],
      applicationGroups: [],
      managementGroups: [],
      resourceGroups: [],
      roleAssignments: [],
      guests: [],
      managedIdentities: [],
      domains: [],
      people: [],
      data: [],
      controls: DEFAULT_CONTROLS,
      // no `costs`: absent, not priced at 0 (reports say "no costs given")
      extra: { nodes: [], edges: [] },
    });
  });
});
