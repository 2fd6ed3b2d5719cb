// `indepth import` never writes a Lighthouse delegation Azure cannot make (Microsoft Learn, "Tenants,
// users, and roles in Azure Lighthouse scenarios": no Owner, no role with DataActions, no
// role-assignment writes). A provider's groups hold roles on a customer's subscription and share;
// each expectation is reasoned beside it, and the result must load with the model loader.

import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONTROLS } from '../../src/domain/controls.js';
import { lighthouseRefusal } from '../../src/domain/lighthouse.js';
import { emptyInventory } from '../../src/import/inventory.js';
import { reconcileOrganizations } from '../../src/import/map/cross-organization.js';
import { MapContext } from '../../src/import/map/context.js';
import type { ModelDraft } from '../../src/import/model-draft.js';
import { formatIssue } from '../../src/model/issues.js';
import { parseModel } from '../../src/model/load-model.js';

function draft(): ModelDraft {
  return {
    name: 'imported',
    description: 'a provider and a customer, each in its own tenant',
    organizations: [{ id: 'prov' }, { id: 'cust' }],
    tenants: [
      { id: 'prov-dir', organizations: ['prov'] },
      { id: 'cust-dir', organizations: ['cust'] },
    ],
    subscriptions: [
      { id: 'prov-sub', tenant: 'prov-dir', organizations: ['prov'] },
      { id: 'cust-sub', tenant: 'cust-dir', organizations: ['cust'] },
    ],
    hostPools: [{ id: 'cust-pool', subscription: 'cust-sub', type: 'pooled' }],
    apps: [],
    users: [
      { id: 'pat', organization: 'prov' },
      { id: 'ria', organization: 'prov', count: 3 },
      { id: 'carl', organization: 'cust', hostPool: 'cust-pool' },
    ],
    groups: [
      { id: 'prov-admins', organization: 'prov', members: ['pat'] },
      { id: 'prov-ops', organization: 'prov', members: ['pat'] },
      { id: 'prov-readers', organization: 'prov', members: ['prov-team'] },
      { id: 'prov-team', organization: 'prov', members: ['ria'] },
      { id: 'prov-nobody', organization: 'prov', count: 5 },
    ],
    roleAssignments: [
      { principal: 'prov-admins', role: 'Owner', scope: 'cust-sub' },
      { principal: 'prov-ops', role: 'Virtual Machine Contributor', scope: 'cust-sub' },
      { principal: 'prov-readers', role: 'Storage File Data SMB Share Reader', scope: 'cust-files' },
      { principal: 'prov-nobody', role: 'Key Vault Secrets User', scope: 'cust-sub' },
    ],
    data: [{ id: 'cust-files', organization: 'cust', location: 'share', subscription: 'cust-sub', users: ['carl'] }],
    controls: { ...DEFAULT_CONTROLS },
  } as ModelDraft;
}

describe('import: roles held across tenants by groups', () => {
  it('delegates through Lighthouse only what Lighthouse delegates, and says what it did instead', () => {
    const model = draft();
    const context = new MapContext(emptyInventory(), { orgBy: { kind: 'subscription' }, groupSize: 50, name: 'imported' });
    reconcileOrganizations(context, model);
    expect(model.roleAssignments!.map((a) => [a.principal, a.role, a.scope, a.delegation ?? null])).toEqual([
      // Owner is not delegable; Contributor has the same reach in indepth (scopeControl).
      ['prov-admins', 'Contributor', 'cust-sub', 'lighthouse'],
      // Virtual Machine Contributor has no DataActions: delegated as it is.
      ['prov-ops', 'Virtual Machine Contributor', 'cust-sub', 'lighthouse'],
      // The SMB data role goes to prov-readers' users (ria, through prov-team), as B2B guests.
      ['ria', 'Storage File Data SMB Share Reader', 'cust-files', null],
    ]);
    // prov-nobody lists no members: nobody holds its key vault role, said.
    expect(model.guests).toEqual([{ user: 'ria', tenant: 'cust-dir' }]);
    const messages = context.assumptions.map((a) => a.message);
    expect(messages).toContain(
      '`prov-admins` is of tenant `prov-dir`, `cust-sub` of `cust-dir`: modelled as an Azure Lighthouse delegation of `Contributor` (Lighthouse does not delegate `Owner`: the Owner role is not supported; `Contributor` has the same control of the scope\u2019s resources)',
    );
    expect(messages.some((m) => m.startsWith('`prov-readers` is of tenant `prov-dir`, `cust-files` of `cust-dir`, and Azure Lighthouse does not delegate `Storage File Data SMB Share Reader` (roles with DataActions') && m.endsWith('its members (`ria`) modelled as B2B guests holding it'))).toBe(true);
    expect(messages.some((m) => m.includes('`prov-nobody`') && m.endsWith('it lists no members, so nobody is modelled holding it'))).toBe(true);
    for (const a of model.roleAssignments!) if (a.delegation === 'lighthouse') expect(lighthouseRefusal(a.role)).toBeNull();
    const parsed = parseModel(stringify(model), 'imported.yaml');
    expect(parsed.ok ? [] : parsed.issues.map(formatIssue)).toEqual([]);
  });
});
