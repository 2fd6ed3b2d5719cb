// A host pool's custom RDP properties (device redirection) reach the imported model from every source
// (Resource Graph rows, Terraform HCL, a `terraform show -json` plan, an ARM template): stated on,
// stated off, absent (AVD's default assumed, said) and unresolved (said). And an NSG rule that lets the
// internet in, on a subnet whose hosts have no public IP, is named in the subnet's comment.

import { describe, expect, it } from 'vitest';
import { poolRedirection } from '../../src/domain/redirection.js';
import { comments, FIXTURES, importFixture, loadImported } from './support.js';

const ON = 'drivestoredirect:s:*;redirectclipboard:i:1;';
const OFF = 'drivestoredirect:s:;redirectclipboard:i:0;redirectprinters:i:0;usbdevicestoredirect:s:;';
const ALL_OFF = { drives: false, clipboard: false, printers: false, usb: false };
const ALL_ON = { drives: true, clipboard: true, printers: true, usb: true };
const ABSENT = '# assumed: no custom RDP properties in the input: `customRdpProperty` left out, so the pool redirects drives, the clipboard, printers and USB devices back to the users’ devices (Azure Virtual Desktop’s default, the worst case)';
const UNRESOLVED = '# assumed: custom RDP properties are an expression the input does not resolve: `customRdpProperty` left out, so the pool redirects drives, the clipboard, printers and USB devices back to the users’ devices (Azure Virtual Desktop’s default, the worst case)';

/** Each pool's imported `customRdpProperty` and the redirection the model's rules read from it. */
async function pools(source: string) {
  const result = await importFixture([`${FIXTURES}handmade/${source}`]);
  const model = loadImported(result);
  const lines = comments(result.yaml);
  const has = (prefix: string) => lines.some((l) => l.startsWith(prefix));
  const byId = Object.fromEntries(model.hostPools.map((p) => [p.id, { rdp: p.customRdpProperty, redirection: poolRedirection(p.customRdpProperty) }]));
  return { byId, has, lines };
}

describe('customRdpProperty from every source', () => {
  it('Resource Graph rows: on, off and absent', async () => {
    const { byId, has, lines } = await pools('rdp-properties.json');
    // pool-on states drives and clipboard on and nothing about printers or USB: those stay on too.
    expect(byId['pool-on']).toEqual({ rdp: ON, redirection: ALL_ON });
    expect(has('# from input: custom RDP properties: drive redirection on; clipboard on; printers, USB devices not stated, so on (the worst case)')).toBe(true);
    // pool-off turns all four channels off (audiomode is kept, and changes nothing).
    expect(byId['pool-off']).toEqual({ rdp: `${OFF}audiomode:i:0;`, redirection: ALL_OFF });
    expect(has('# from input: custom RDP properties: drive redirection off; clipboard off; printers off; USB devices off')).toBe(true);
    // pool-absent states nothing: left out of the model, which assumes AVD's default, and says so.
    expect(byId['pool-absent']).toEqual({ rdp: undefined, redirection: ALL_ON });
    expect(has(ABSENT)).toBe(true);
    expect(lines.some((l) => /not yet modelled/.test(l))).toBe(false);
  });

  it('Terraform HCL: on, off, absent, and a variable with no value', async () => {
    const { byId, has } = await pools('rdp-properties-terraform');
    expect(byId['pool-on']).toEqual({ rdp: ON, redirection: ALL_ON });
    expect(byId['pool-off']).toEqual({ rdp: `${OFF}audiomode:i:0;`, redirection: ALL_OFF });
    expect(byId['pool-absent']?.rdp).toBeUndefined();
    // `"drivestoredirect:s:;${var.rdp_properties}"`: unresolved, so not half-read as drives off.
    expect(byId['pool-unresolved']).toEqual({ rdp: undefined, redirection: ALL_ON });
    expect(has(ABSENT) && has(UNRESOLVED)).toBe(true);
  });

  it('a `terraform show -json` plan: a value known only after apply is unresolved, not absent', async () => {
    const { byId, lines } = await pools('rdp-properties-plan.json');
    expect(byId['pool-off']).toEqual({ rdp: OFF, redirection: ALL_OFF });
    expect(byId['pool-later']?.rdp).toBeUndefined();
    expect(byId['pool-absent']?.rdp).toBeUndefined();
    // The comment sits before the entry it is about: unresolved before pool-later, absent before pool-absent.
    expect(lines.find((l) => l.startsWith(UNRESOLVED))).toMatch(/rdp-properties-plan\.json:12\)$/);
    expect(lines.find((l) => l.startsWith(ABSENT))).toMatch(/rdp-properties-plan\.json:16\)$/);
  });

  it('an ARM template: a concat() that resolves, a parameter with no value, and no property', async () => {
    const { byId, has } = await pools('rdp-properties-template.json');
    // concat('drivestoredirect:s:', '' (the default), ';redirectclipboard:i:0;'): drives and clipboard off.
    expect(byId['pool-off']).toEqual({ rdp: 'drivestoredirect:s:;redirectclipboard:i:0;', redirection: { drives: false, clipboard: false, printers: true, usb: true } });
    expect(has('# from input: custom RDP properties: drive redirection off; clipboard off; printers, USB devices not stated, so on (the worst case)')).toBe(true);
    // [parameters('rdpProperties')] has no value: its stand-in text `{rdpProperties}` is not written.
    expect(byId['pool-unresolved']).toEqual({ rdp: undefined, redirection: ALL_ON });
    expect(has(UNRESOLVED) && has(ABSENT)).toBe(true);
  });
});

describe('an internet allow rule on a subnet with no public IP', () => {
  it('is named in the subnet’s comment: not live only for want of a public IP', async () => {
    const result = await importFixture([`${FIXTURES}handmade/rdp-properties.json`]);
    const model = loadImported(result);
    // snet-hosts (the only subnet of vnet-hosts) holds pool-on's host, whose NIC nic-on has no public
    // IP; its NSG nsg-hosts allows 3389 from Internet at 100 (allow-rdp-internet), and Azure's
    // AllowVnetInBound admits the subnet itself. So today: the model's default (inbound left out) …
    expect((model.subnets ?? []).find((s) => s.id === 'snet-hosts')?.inbound).toBeNull();
    // … but the comment says the allow rule exists and what would make it live.
    expect(comments(result.yaml)).toContain(
      '# from input: every connected network may send to it and the internet may not today, so `inbound` is left out; but rule `allow-rdp-internet` (priority 100) of network security group `nsg-hosts` allows TCP 3389 from the internet: not live only because no session host has a public IP address or a public load balancer, and exposure the moment one is attached',
    );
  });

  it('keeps Azure’s-default wording where no rule lets the internet in', async () => {
    // rdp-exposure.json: snet-closed's NSG denies 3389 from * at 100; nothing would become live.
    const result = await importFixture([`${FIXTURES}handmade/rdp-exposure.json`]);
    expect(comments(result.yaml).some((l) => /not live only because/.test(l))).toBe(false);
  });
});
