// models/hybrid-onprem.yaml: contoso's AVD spoke peered to a hub with a VPN to head office, where
// domain controller dc1 and file server fs1 sit behind a firewall that lets the session hosts reach
// SMB (445) only. Intune (it-admin) and Group Policy (held on dc1) manage the session hosts. Every
// answer below was worked out by hand from the model file; the reasoning is in the comments.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import { ask, prepareBundled, prepareText, reachedDataIds, ROOT } from '../support/model.js';

const TEXT = readFileSync(`${ROOT}models/hybrid-onprem.yaml`, 'utf8');

function depths(text: string | null, from: string): Map<string, { depth: number | null; sets: readonly (readonly string[])[] }> {
  const prepared = text === null ? prepareBundled('hybrid-onprem') : prepareText(text);
  const outcome = analyzeDepth(prepared, { from: [from], by: 'type', order: 1, controls: {}, maxSets: 20 });
  if (!outcome.ok) throw new Error('depth rejected');
  return new Map(outcome.result.data.map((d) => [d.id, { depth: d.depth, sets: d.minimalSets }]));
}

describe('models/hybrid-onprem.yaml', () => {
  it('from alice (standard user, pooled host): the finance share on premises falls to one network failure', () => {
    // alice/session → contoso-pool/any-host → contoso-pool-vmN/unprivileged → avd-hosts (network
    // position: any code on the host can connect) → office-servers/port/445 (the VPN routes it: the
    // spoke uses the hub's gateway; the firewall allows avd-hosts → 445) ✗network@fs1:445 → fs1 →
    // finance-share. Also ✗network@dc1:445 → dc1 → contoso-directory → carol → finance-share.
    // No kernel failure is needed and none alone suffices: the share is not on the session hosts.
    const d = depths(null, 'alice');
    expect(d.get('finance-share')).toEqual({ depth: 1, sets: [['network']] });
    // Her colleagues' profiles: the pooled host's four (kernel, process, session, user), plus {network}:
    // dc1 controls the directory, which controls every principal, so every session and profile.
    expect(d.get('contoso-profiles/bob')).toEqual({ depth: 1, sets: [['kernel'], ['network'], ['process'], ['session'], ['user']] });
    expect(d.get('contoso-profiles/alice')!.depth).toBe(0);
  });

  it('which listener fails matters: fs1 yields the share only, dc1 the whole directory', () => {
    const prepared = prepareBundled('hybrid-onprem');
    // fs1 holds finance-share and nothing else; it is a GPO target, not a GPO holder.
    expect(reachedDataIds(ask(prepared, { from: ['alice'], fail: ['network@fs1:445'] })).filter((id) => id !== 'contoso-profiles/alice')).toEqual(['finance-share']);
    // dc1 → contoso-directory → every principal (and contoso-gpo → every session host, fs1): all 8 data
    // nodes (6 profiles, finance-share, contoso-apps through it-admin, who writes it).
    expect(ask(prepared, { from: ['alice'], fail: ['network@dc1:445'] }).data).toHaveLength(8);
    // Kerberos (88) and LDAP (389) on dc1 are open to nobody: no path reaches them, so they are no boundary
    // instance at all, and a scenario naming one is refused rather than silently reaching nothing.
    expect(() => ask(prepared, { from: ['alice'], fail: ['network@dc1:88'] })).toThrow(/unknown boundary failure `network@dc1:88`/);
  });

  it('with the firewall closed to the session hosts, nothing on premises is reached under any failure', () => {
    const closed = TEXT.replace('      - from: [avd-hosts]\n        ports: [445]\n', '').replace('    inbound:\n\nservers:', '    inbound: []\n\nservers:');
    expect(closed).not.toEqual(TEXT);
    const d = depths(closed, 'alice');
    expect(d.get('finance-share')!.depth).toBeNull();
    // And bob's profile is back to the pooled host's four single failures.
    expect(d.get('contoso-profiles/bob')!.sets).toEqual([['kernel'], ['process'], ['session'], ['user']]);
  });

  it('without the VPN the site is unreachable; without gateway transit on the peering too', () => {
    const noVpn = TEXT.replace('  - between: [hub-vnet, head-office]\n    type: vpn\n', '');
    const noTransit = TEXT.replace('  - between: [avd-vnet, hub-vnet]\n    type: peering\n', '  - between: [avd-vnet, hub-vnet]\n    type: peering\n    gatewayTransit: false\n');
    for (const text of [noVpn, noTransit]) {
      expect(text).not.toEqual(TEXT);
      expect(depths(text, 'alice').get('finance-share')!.depth).toBeNull();
    }
  });

  it('the Intune administrator reaches every session host, session and profile at depth 0, but not the file server', () => {
    // it-admin → contoso-intune → contoso-pool-vm1/vm2 (kernel) → every session → every profile.
    // fs1 is managed by Group Policy, not by Intune, and Intune does not control the directory.
    const d = depths(null, 'it-admin');
    for (const [id, answer] of d) if (id.startsWith('contoso-profiles/')) expect(answer.depth, id).toBe(0);
    // From the session hosts she can still attack fs1 or dc1 over SMB: one network failure.
    expect(d.get('finance-share')).toEqual({ depth: 1, sets: [['network']] });
  });

  it('control of the domain controller reaches everything: the directory, Group Policy, every host', () => {
    const result = ask(prepareBundled('hybrid-onprem'), { from: ['dc1'] });
    expect(result.data).toHaveLength(8);
    expect(result.availability.map((a) => a.vm)).toEqual(['contoso-pool-vm1', 'contoso-pool-vm2']);
  });

  it('a kernel flaw older than 30 days is open on every session host: the pool patches in 45', () => {
    const prepared = prepareBundled('hybrid-onprem');
    // contoso-pool is the only pool, patchDays 45 > 30: both kernels fail; > 60 fails none.
    expect(ask(prepared, { from: ['alice'], fail: ['kernel@patch>30'] }).failedInstances).toBe(2);
    expect(ask(prepared, { from: ['alice'], fail: ['kernel@patch>60'] }).failedInstances).toBe(0);
    // Under it, alice reaches every co-resident's profile (kernel → sessions), not the on-premises share.
    const reached = reachedDataIds(ask(prepared, { from: ['alice'], fail: ['kernel@patch>30'] }));
    expect(reached).toContain('contoso-profiles/bob');
    expect(reached).not.toContain('finance-share');
  });

  it('the app attach share: its writer runs code in every session; carol’s SAS only reads it', () => {
    const prepared = prepareBundled('hybrid-onprem');
    // it-admin writes contoso-apps → contoso-pool-vm1/vm2 sessions → every contoso-pool user's session.
    const fromAdmin = ask(prepared, { from: ['it-admin'] }).organizations.find((o) => o.id === 'contoso')!;
    expect(fromAdmin.reached.sessions).toBe(6);
    // carol: her own finance share (control) and contoso-apps through the read SAS, nothing else.
    expect(ask(prepared, { from: ['carol'] }).data.map((d) => [d.id, d.impacts])).toEqual([
      ['contoso-apps', ['read']],
      ['finance-share', ['read', 'tamper', 'deny']],
    ]);
  });
});
