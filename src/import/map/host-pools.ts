// AVD host pools: pooled or personal, with the session host count the input shows, the OS image
// and how the hosts join a directory (as comments until the model has a field for it).

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
    const rdp = resource.properties['customRdpProperty'];
    if (typeof rdp === 'string' && /(drivestoredirect:s:\*|redirectclipboard:i:1|devicestoredirect:s:\*|usbdevicestoredirect:s:\*)/i.test(rdp)) {
      context.assume(subject, `device redirection is on (${rdp.split(';').filter((p) => /redirect|storedirect/i.test(p)).join(';')}): not yet modelled`, resource.origin);
    }
    return { resource, draft, organization, sessionHosts: hosts };
  });
}

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
