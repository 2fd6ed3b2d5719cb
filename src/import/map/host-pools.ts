// AVD host pools: pooled or personal, with the session host count the input shows, the OS image,
// how the hosts join a directory (as comments until the model has a field for it) and the pool's
// custom RDP properties (device redirection).

import { parseRedirection, REDIRECTION_CHANNELS, type RedirectionChannel } from '../../domain/redirection.js';
import { normalize } from '../arm-id.js';
import { ARM, type InventoryResource } from '../inventory.js';
import type { DraftHostPool } from '../model-draft.js';
import { isRecord } from '../read/arm-resource.js';
import type { MapContext } from './context.js';
import type { Organizations } from './organizations.js';
import { sessionHostsByPool, type SessionHost } from './session-hosts.js';

export interface MappedPool {
  readonly resource: InventoryResource;
  readonly draft: DraftHostPool;
  readonly organization: string;
  readonly sessionHosts: readonly SessionHost[];
}

export function mapHostPools(context: MapContext, orgs: Organizations): MappedPool[] {
  const resources = context.ofType(ARM.hostPool);
  const hostsByPool = sessionHostsByPool(context, resources);
  return resources.map((resource) => {
    const id = context.ids.allocate(resource.id, resource.name);
    const subject = `hostPools/${id}`;
    const organization = orgs.organizationOf(resource);
    const subscription = orgs.subscriptionOf(resource);
    const hosts = hostsByPool.get(normalize(resource.id)) ?? [];
    const poolType = String(resource.properties['hostPoolType'] ?? '').toLowerCase();
    let type: DraftHostPool['type'];
    if (poolType === 'personal') type = 'personal';
    else {
      type = 'pooled';
      if (poolType !== 'pooled') context.assume(subject, 'pool type unknown: assumed `pooled` (multi-session, the worst case: users share hosts)', resource.origin, 'type');
    }
    const draft: DraftHostPool = { id, subscription, type };
    if (type === 'pooled') {
      if (hosts.length > 0) {
        draft.vms = hosts.length;
        context.read(subject, `${hosts.length} session host${hosts.length === 1 ? '' : 's'} in the input: ${hosts.map((h) => h.name).join(', ')}`, resource.origin, 'vms');
      } else {
        draft.vms = 1;
        context.assume(subject, 'no session hosts in the input: assumed 1 (every user of the pool shares it)', resource.origin, 'vms');
      }
    } else {
      const assignment = resource.properties['personalDesktopAssignmentType'];
      context.read(subject, `personal desktops, ${typeof assignment === 'string' ? `${assignment} assignment` : 'assignment type not in the input'}; ${hosts.length} session host${hosts.length === 1 ? '' : 's'} in the input`, resource.origin, 'type');
    }
    const builds = new Set(hosts.map((h) => imageOf(h.vm)).filter((b): b is string => b !== null));
    if (builds.size === 1) draft.osBuild = [...builds][0] as string;
    else if (builds.size > 1) context.assume(subject, `session hosts run different images (${[...builds].join(', ')}): osBuild left at the default`, resource.origin, 'osBuild');
    const joins = new Map<string, string>();
    for (const h of hosts) if (h.join !== null && !joins.has(h.join)) joins.set(h.join, h.joinEvidence ?? '');
    if (joins.size > 0) {
      context.read(subject, `session hosts are ${[...joins].map(([join, evidence]) => `${join}-joined (${evidence})`).join(' and ')}`, resource.origin);
    } else if (hosts.length > 0) {
      context.assume(subject, 'how the session hosts join a directory is not in the input', resource.origin);
    }
    redirection(context, subject, resource, draft);
    return { resource, draft, organization, sessionHosts: hosts };
  });
}

/**
 * The pool's `customRdpProperty` (ARM `properties.customRdpProperty`, Terraform
 * `custom_rdp_properties`), copied as Azure stores it: domain/redirection.ts reads which channels
 * (drives, clipboard, printers, USB) run back to the users' devices. Absent or empty, or an
 * expression the input does not resolve (`customRdpPropertyUnknown`), it is left out, and the model
 * assumes AVD's default, every channel on (the worst case); the comment says which. Entries that do
 * not read `name:i:number` / `name:s:text` are dropped and named (the channel they would set stays on).
 * Source: https://learn.microsoft.com/en-us/azure/virtual-desktop/rdp-properties
 */
function redirection(context: MapContext, subject: string, resource: InventoryResource, draft: DraftHostPool): void {
  const assumed = 'redirects drives, the clipboard, printers and USB devices back to the users\u2019 devices (Azure Virtual Desktop\u2019s default, the worst case)';
  const raw = resource.properties['customRdpProperty'];
  if (resource.properties['customRdpPropertyUnknown'] === true) {
    context.assume(subject, `custom RDP properties are an expression the input does not resolve: \`customRdpProperty\` left out, so the pool ${assumed}`, resource.origin);
    return;
  }
  if (typeof raw !== 'string' || raw.trim() === '') {
    context.assume(subject, `no custom RDP properties in the input: \`customRdpProperty\` left out, so the pool ${assumed}`, resource.origin);
    return;
  }
  const { problems } = parseRedirection(raw);
  const bad = new Set(problems.map((p) => p.index));
  const kept = raw.split(';').filter((_, i) => !bad.has(i)).join(';');
  draft.customRdpProperty = kept;
  const { redirection } = parseRedirection(kept);
  const stated = new Set(kept.split(';').map((e) => e.split(':')[0]?.trim().toLowerCase()));
  const said = REDIRECTION_CHANNELS.filter((c) => stated.has(CHANNEL_PROPERTY[c])).map((c) => `${CHANNEL_TEXT[c]} ${redirection[c] ? 'on' : 'off'}`);
  const unsaid = REDIRECTION_CHANNELS.filter((c) => !stated.has(CHANNEL_PROPERTY[c])).map((c) => CHANNEL_TEXT[c]);
  context.read(subject, `custom RDP properties: ${[...said, ...(unsaid.length === 0 ? [] : [`${unsaid.join(', ')} not stated, so on (the worst case)`])].join('; ')}`, resource.origin, 'customRdpProperty');
  if (problems.length > 0) context.assume(subject, `RDP properties ${problems.map((p) => `\`${p.entry}\``).join(', ')} do not read \`name:i:number\` or \`name:s:text\`: left out (a channel they would set stays on, the worst case)`, resource.origin, 'customRdpProperty');
}

/** The RDP property that turns each redirection channel off (domain/redirection.ts). */
const CHANNEL_PROPERTY: Readonly<Record<RedirectionChannel, string>> = { drives: 'drivestoredirect', clipboard: 'redirectclipboard', printers: 'redirectprinters', usb: 'usbdevicestoredirect' };
const CHANNEL_TEXT: Readonly<Record<RedirectionChannel, string>> = { drives: 'drive redirection', clipboard: 'clipboard', printers: 'printers', usb: 'USB devices' };

/** The image of a VM (`sku` of its marketplace image reference, or the gallery image name). */
function imageOf(vm: InventoryResource | undefined): string | null {
  const profile = vm?.properties['storageProfile'];
  const ref = isRecord(profile) ? profile['imageReference'] : undefined;
  if (!isRecord(ref)) return null;
  if (typeof ref['sku'] === 'string' && /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(ref['sku'])) return ref['sku'];
  if (typeof ref['id'] === 'string') {
    const match = /\/images\/([^/]+)/i.exec(ref['id']);
    if (match !== null) return match[1] as string;
  }
  return null;
}
