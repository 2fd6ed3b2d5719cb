// FSLogix profile shares from the session hosts' own settings (VHDLocations / CCDLocations set by an
// extension), not by the share's name; the name only where a pool's settings are not in the input.
// Fixtures: handmade/fslogix-settings (Terraform) and Resource Graph rows written below.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, importFixture, loadImported } from './support.js';

describe('FSLogix profile shares from the pool’s settings', () => {
  it('takes the share VHDLocations names, and not a share only named like one', async () => {
    const result = await importFixture([`${FIXTURES}handmade/fslogix-settings`]);
    const model = loadImported(result);
    // main.tf: the custom script extension on both hosts of pool-fsl writes VHDLocations =
    // \\stfiles01.file.core.windows.net\data01 (local.profile_path); profiles-archive is named like a
    // profile share, but every pool of the subscription (pool-fsl) shows its settings: a file share.
    expect(model.data.map((d) => [d.id, d.location, d.users])).toEqual([
      ['stfiles01-profiles-archive', 'share', []],
      // Its containers: who signs in to pool-fsl (the group assigned its desktop application group).
      ['stfiles01-data01', 'fslogixProfile', ['group-11111111-members']],
    ]);
    expect(result.assumptions.find((a) => a.subject === 'data/stfiles01-data01' && a.field === 'location')).toMatchObject({ fact: true, message: 'Azure Files share `data01` of `stfiles01`: FSLogix profile containers of `pool-fsl` (VHDLocations in extension `fslogix-config` of session host `fsl-vm-0`)' });
  });

  it('adds the share settings name when the input lists none (Resource Graph holds no shares), and falls back to the name without settings', async () => {
    const sub = '99999999-9999-9999-9999-999999999999';
    const id = (rg: string, path: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/${path}`;
    const row = (type: string, path: string, properties: object) => ({ id: id('rg', path), name: path.split('/').pop(), type, subscriptionId: sub, properties });
    const rows = [
      row('microsoft.desktopvirtualization/hostpools', 'Microsoft.DesktopVirtualization/hostPools/pool-rg', { hostPoolType: 'Pooled' }),
      row('microsoft.compute/virtualmachines', 'Microsoft.Compute/virtualMachines/vm1', {}),
      row('microsoft.compute/virtualmachines/extensions', 'Microsoft.Compute/virtualMachines/vm1/extensions/dsc', { type: 'DSC', settings: { properties: { hostPoolName: 'pool-rg' } } }),
      // CCDLocations in a DSC configuration's arguments, as an escaped JSON string.
      row('microsoft.compute/virtualmachines/extensions', 'Microsoft.Compute/virtualMachines/vm1/extensions/fslogix', { type: 'DSC', settings: { configurationArguments: { CCDLocations: 'type=smb,connectionString=\\\\\\\\stprof.file.core.windows.net\\\\userdata' } } }),
      row('microsoft.storage/storageaccounts', 'Microsoft.Storage/storageAccounts/stprof', {}),
      // No settings name this one, and no pool of its subscription shows settings: the name decides.
      { ...row('microsoft.storage/storageaccounts', 'Microsoft.Storage/storageAccounts/stother', {}), subscriptionId: '12121212-1212-1212-1212-121212121212', id: '/subscriptions/12121212-1212-1212-1212-121212121212/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stother' },
      { id: '/subscriptions/12121212-1212-1212-1212-121212121212/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stother/fileServices/default/shares/fslogix', name: 'fslogix', type: 'microsoft.storage/storageaccounts/fileservices/shares', properties: {} },
    ];
    const dir = mkdtempSync(join(tmpdir(), 'indepth-fslogix-'));
    writeFileSync(join(dir, 'rows.json'), JSON.stringify({ data: rows }));
    const result = await importFixture([join(dir, 'rows.json')]);
    const model = loadImported(result);
    expect(model.data.map((d) => [d.id, d.location])).toEqual([
      ['stprof-userdata', 'fslogixProfile'],
      ['stother-fslogix', 'fslogixProfile'],
    ]);
    expect(result.assumptions.some((a) => a.subject === 'data/stother-fslogix' && a.fact !== true && a.message.includes('by its name'))).toBe(true);
    expect(result.assumptions.some((a) => a.fact === true && a.message.startsWith('share `userdata` of storage account `stprof` is not listed in the input'))).toBe(true);
  });
});
