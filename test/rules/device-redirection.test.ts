// Rule `device-redirection`: a pool's `customRdpProperty` decides which channels run back from the
// session host to the client device: drives (control), clipboard (read), printers and USB (across a
// process boundary into the RDP client on the device). A pool that states nothing redirects all four
// (Azure Virtual Desktop's default, the worst case), and the output says it assumed so.

import { describe, expect, it } from 'vitest';
import { parseRedirection } from '../../src/domain/redirection.js';
import { acme, buildModelText, edgeStrings, prepareText, reachedNodeIds } from '../support/model.js';

const model = (rdp: string | null) =>
  acme(`
hostPools:
  - id: p
    subscription: acme-sub
    type: pooled
${rdp === null ? '' : `    customRdpProperty: "${rdp}"`}
users:
  - id: ann
    organization: acme
    hostPool: p
  - id: bob
    organization: acme
    hostPool: p
    device: false
`);

describe('RDP properties', () => {
  it('reads each channel, with a channel no property turns off left on', () => {
    expect(parseRedirection('').redirection).toEqual({ drives: true, clipboard: true, printers: true, usb: true });
    expect(parseRedirection('drivestoredirect:s:;RedirectClipboard:i:0;redirectprinters:i:0;usbdevicestoredirect:s:').redirection).toEqual({
      drives: false,
      clipboard: false,
      printers: false,
      usb: false,
    });
    expect(parseRedirection('drivestoredirect:s:*;audiomode:i:0').redirection.drives).toBe(true);
    expect(parseRedirection('redirectclipboard:s:off;garbage').problems.map((p) => p.index)).toEqual([0, 1]);
  });
});

describe('rule device-redirection', () => {
  it('emits the portal default\u2019s four channels for users with a device, and the same for a pool stating nothing', () => {
    // bob has no device: no edges for him. ann: drives (control), clipboard (read), printers + usb (one process boundary).
    const allFour = [
      'ann/session -> ann/device [device-redirection process@ann/device:rdp-client]',
      'ann/session -> ann/device [device-redirection read]',
      'ann/session -> ann/device [device-redirection]',
    ];
    expect(edgeStrings(buildModelText(model('drivestoredirect:s:*;redirectclipboard:i:1;redirectprinters:i:1;usbdevicestoredirect:s:*')).graph, 'device-redirection')).toEqual(allFour);
    expect(edgeStrings(buildModelText(model(null)).graph, 'device-redirection')).toEqual(allFour);
    // Only the silent pool is an assumption, and the output says so.
    expect(prepareText(model(null)).deployment.assumptions.filter((a) => a.includes('customRdpProperty'))).toEqual([
      "no `customRdpProperty` for pool p: assumed to redirect drives, clipboard, printers and USB devices back to the users' devices, as Azure Virtual Desktop does by default (worst case); state `customRdpProperty` to change it",
    ]);
    expect(prepareText(model('drivestoredirect:s:*')).deployment.assumptions.some((a) => a.includes('customRdpProperty'))).toBe(false);
    expect(edgeStrings(buildModelText(model('drivestoredirect:s:;redirectclipboard:i:0;redirectprinters:i:0;usbdevicestoredirect:s:')).graph, 'device-redirection')).toEqual([]);
  });

  it('lets a co-resident who breaks the session boundary take over the victim\u2019s device with drive redirection on', () => {
    // bob → bob/session → p/any-host → p-vm1/unprivileged ✗session@p-vm1 → sessions → ann/session → (drives) ann/device.
    const withDrives = prepareText(model('drivestoredirect:s:*;redirectclipboard:i:0;redirectprinters:i:0;usbdevicestoredirect:s:'));
    expect(reachedNodeIds(withDrives, { from: ['bob'], fail: ['session'] })).toContain('ann/device');
    expect(reachedNodeIds(withDrives, { from: ['bob'] })).not.toContain('ann/device');
    // Printers only: the same path needs the process boundary of ann's RDP client as well.
    const printersOnly = prepareText(model('drivestoredirect:s:;redirectclipboard:i:0;redirectprinters:i:1;usbdevicestoredirect:s:'));
    expect(reachedNodeIds(printersOnly, { from: ['bob'], fail: ['session'] })).not.toContain('ann/device');
    expect(reachedNodeIds(printersOnly, { from: ['bob'], fail: ['session', 'process@ann/device:rdp-client'] })).toContain('ann/device');
    // The failure group `redirection:printers` names every printer-redirection boundary at once.
    expect(reachedNodeIds(printersOnly, { from: ['bob'], fail: ['redirection:printers', 'session'] })).toContain('ann/device');
  });
});
