// `indepth import` end to end: every acceptance input imports into a file that `indepth depth`
// runs on; malformed input gives positioned messages and the part that could be read, never a
// stack; `--diff` reports what the deployment changed since a reviewed model.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, STACK_FRAME } from '../support/cli.js';

const F = 'test/fixtures/import';
const dir = mkdtempSync(join(tmpdir(), 'indepth-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('indepth import → indepth depth', () => {
  const cases: [string, string[], string][] = [
    ['ADDS scenario', [`${F}/terraform/avdaccelerator-ADDSscenario`], 'avdusersgrp-members#1'],
    ['AAD scenario', [`${F}/terraform/avdaccelerator-AADscenario`], 'org-default-subscription'],
    ['ARM quickstart', [`${F}/arm/quickstart-azure-virtual-desktop.json`], 'internet'],
    ['REST examples', [`${F}/rest/HostPool_Get.json`, `${F}/rest/SessionHost_List.json`, `${F}/rest/ApplicationGroup_ListBySubscription.json`], 'user1-microsoft.com'],
  ];
  it.each(cases)('%s', async (_name, sources, foothold) => {
    const out = join(dir, `${_name.replace(/\W+/g, '-')}.yaml`);
    const imported = await cli(['import', ...sources, '-o', out]);
    expect(imported.err).not.toMatch(STACK_FRAME);
    expect(imported.code).toBe(0);
    // The stderr summary counts what the file's comments hold.
    const assumed = readFileSync(out, 'utf8').split('\n').filter((l) => l.trim().startsWith('# assumed:')).length;
    expect(imported.err).toMatch(/^indepth import: \d+ resources read; 1 host pools, \d+ application groups, \d+ users, \d+ groups, \d+ role assignments, \d+ data stores; \d+ assumptions:\n/);
    expect(imported.err.split('\n').filter((l) => l.startsWith('  ')).length).toBeGreaterThanOrEqual(assumed);
    const depth = await cli(['depth', out, '--from', foothold, '-q']);
    expect(depth.err).toBe('');
    expect(depth.code).toBe(0);
    expect(depth.out).toContain('defense depth on');
    // Every other command takes the imported model as it takes a hand-typed one.
    const matrix = await cli(['matrix', out, '-q']);
    expect([matrix.code, matrix.err]).toEqual([0, '']);
    const check = await cli(['check', out, '-q']);
    expect(check.err).not.toMatch(STACK_FRAME);
    expect([0, 1]).toContain(check.code);
    const compare = await cli(['compare', out, out, '-q']);
    expect([compare.code, compare.err]).toEqual([0, '']);
  });
});

describe('malformed input', () => {
  it('a .tf with a syntax error: file:line:col, and the other files still imported', async () => {
    const tf = join(dir, 'tf');
    rmSync(tf, { recursive: true, force: true });
    writeFileSync(join(dir, 'placeholder'), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(tf);
    writeFileSync(join(tf, 'good.tf'), 'resource "azurerm_virtual_desktop_host_pool" "hp" {\n  name = "pool-a"\n  resource_group_name = "rg"\n  type = "Personal"\n}\n');
    writeFileSync(join(tf, 'bad.tf'), 'resource "azurerm_storage_account" "sa" {\n  name = \n}\n');
    const run = await cli(['import', tf]);
    expect(run.err).not.toMatch(STACK_FRAME);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${join(tf, 'bad.tf')}:2:10: not valid HCL: Invalid expression`);
    expect(run.out).toContain('- id: pool-a');
    expect(run.err).toContain('the model holds the part that could be read');
  });

  it('JSON that is not ARM data, and a missing file: positioned, no stack', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"value": [ {"type": "Microsoft.DesktopVirtualization/hostPools", "id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.DesktopVirtualization/hostPools/p", "properties": {"hostPoolType": "Pooled"}},\n 42 ]}');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "value": [\n');
    const run = await cli(['import', bad, broken, join(dir, 'missing.json')]);
    expect(run.err).not.toMatch(STACK_FRAME);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${bad}:2:2: expected an ARM resource`);
    expect(run.err).toMatch(new RegExp(`${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: not valid JSON`));
    expect(run.err).toContain(`${join(dir, 'missing.json')}:1:1: cannot read input`);
    expect(run.out).toContain('- id: p');
  });

  it('an unsupported template function is a listed, positioned assumption', async () => {
    const template = join(dir, 'template.json');
    writeFileSync(
      template,
      JSON.stringify({ $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0', resources: [{ type: 'Microsoft.DesktopVirtualization/hostPools', apiVersion: '2024-04-03', name: "[concat('pool-', uniqueString(resourceGroup().id))]", properties: { hostPoolType: 'Pooled', description: "[pickZones('a')]" } }] }, null, 2),
    );
    const run = await cli(['import', template]);
    expect(run.code).toBe(0);
    expect(run.err).toContain('template function uniqueString() is not supported');
    expect(run.err).toMatch(/template function pickZones\(\) is not supported by the importer; the value it computes is left out \(.*template\.json:5\)/);
  });

  it('rejects bad options with a clear message', async () => {
    const run = await cli(['import', `${F}/rest`, '--org-by', 'customer', '--group-size', '0', '--var', 'novalue']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('--org-by: expected `subscription`, `resource-group` or `tag:NAME`, got `customer`');
    expect(run.err).toContain('--var: expected NAME=VALUE, got `novalue`');
  });
});

describe('indepth import --diff', () => {
  it('is quiet when the model is in step, and lists new users and changed pools otherwise', async () => {
    const model = join(dir, 'reviewed.yaml');
    expect((await cli(['import', `${F}/rest`, '-o', model, '-q'])).code).toBe(0);
    const same = await cli(['import', '--diff', model, `${F}/rest`]);
    expect(same.code).toBe(0);
    expect(same.out).toContain('in step with the deployment');
    // The reviewed model predates the second session host and its user.
    const older = readFileSync(model, 'utf8').replace('vms: 2', 'vms: 1').replace(/ {2}# from input: assigned session host `sessionHost2[^\n]*\n {2}- id: user2-microsoft.com\n(?: {4}[^\n]*\n)+/, '');
    writeFileSync(model, older);
    const changed = await cli(['import', '--diff', model, `${F}/rest`]);
    expect(changed.code).toBe(1);
    expect(changed.out).toBe('~ hostPools/hostPool1.vms: 1 -> 2\n+ users/user2-microsoft.com: organization=org-daefabc0 hostPool=hostPool1 vm=2\n');
  });
});

describe('--org-map', () => {
  it('assigns organizations by the first matching rule', async () => {
    const map = join(dir, 'orgs.yaml');
    writeFileSync(map, 'organizations:\n  contoso: ["tag:customer=contoso", "*/rg-contoso-hosts/*"]\n');
    const run = await cli(['import', `${F}/handmade/resource-graph.json`, '--org-map', map, '-q']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('- id: contoso');
  });
});
