// AVD application groups publish a pool's full desktop (`Desktop`) or some of its apps (`RemoteApp`):
// each becomes an `applicationGroups` entry; its assignments (Desktop Virtualization User) are added
// by role-assignments.ts. A desktop brings the browser every Windows desktop ships (the worst case
// for web content); a RemoteApp group whose applications are not in the input publishes one stand-in.

import { normalize, parentId } from '../arm-id.js';
import { ARM, type InventoryResource } from '../inventory.js';
import type { DraftApp, DraftApplicationGroup } from '../model-draft.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';

export interface MappedAppGroup {
  readonly resource: InventoryResource;
  readonly pool: MappedPool;
  readonly draft: DraftApplicationGroup;
}

export const DESKTOP_BROWSER = 'desktop-browser';
const BROWSERS = /msedge|chrome|firefox|iexplore|brave|opera/i;

export function mapApplicationGroups(context: MapContext, pools: readonly MappedPool[], apps: DraftApp[]): MappedAppGroup[] {
  const poolById = new Map(pools.map((p) => [normalize(p.resource.id), p]));
  const poolByName = new Map(pools.map((p) => [p.resource.name.toLowerCase(), p]));
  const appsByGroup = new Map<string, InventoryResource[]>();
  for (const app of context.ofType(ARM.application)) {
    const group = normalize(parentId(app.id));
    appsByGroup.set(group, [...(appsByGroup.get(group) ?? []), app]);
  }
  const addApp = (app: DraftApp): string => {
    if (!apps.some((a) => a.id === app.id)) apps.push(app);
    return app.id;
  };
  const result: MappedAppGroup[] = [];
  for (const group of context.ofType(ARM.applicationGroup)) {
    const path = String(group.properties['hostPoolArmPath'] ?? '');
    const pool = poolById.get(normalize(path)) ?? poolByName.get(path.split('/').pop()?.toLowerCase() ?? '');
    if (pool === undefined) {
      context.assume(null, `application group \`${group.name}\`: its host pool (${path === '' ? 'not named' : path}) is not in the input: not imported`, group.origin);
      continue;
    }
    const id = context.ids.allocate(group.id, group.name);
    const subject = `applicationGroups/${id}`;
    const remoteApp = String(group.properties['applicationGroupType'] ?? '').toLowerCase() === 'remoteapp';
    let published: string[];
    if (!remoteApp) {
      published = [addApp({ id: DESKTOP_BROWSER, browser: true })];
      context.assume(`apps/${DESKTOP_BROWSER}`, 'a full Windows desktop ships Microsoft Edge: its users are assumed to browse the web from the session host', group.origin);
      context.read(subject, `desktop application group \`${group.name}\` of \`${pool.draft.id}\``, group.origin);
      if (String(group.properties['applicationGroupType'] ?? '') === '') context.assume(subject, 'application group type not in the input: assumed `desktop` (the whole desktop, the worst case)', group.origin, 'type');
    } else {
      const listed = appsByGroup.get(normalize(group.id)) ?? [];
      if (listed.length > 0) {
        published = listed.map((app) => addApp({ id: context.ids.allocate(app.id, app.name.split('/').pop() ?? app.name), ...(BROWSERS.test(String(app.properties['filePath'] ?? app.name)) ? { browser: true } : {}) }));
        context.read(subject, `RemoteApp application group \`${group.name}\` of \`${pool.draft.id}\` publishes ${published.map((a) => `\`${a}\``).join(', ')}`, group.origin, 'apps');
      } else {
        const app = addApp({ id: context.ids.allocate(`${group.id}#apps`, `${group.name}-apps`) });
        published = [app];
        context.assume(`apps/${app}`, `RemoteApp application group \`${group.name}\`: its applications are not in the input, modelled as one app (not a browser, not sandboxed)`, group.origin);
        context.read(subject, `RemoteApp application group \`${group.name}\` of \`${pool.draft.id}\``, group.origin);
      }
    }
    const poolApps = pool.draft.apps ?? [];
    for (const app of published) if (!poolApps.includes(app)) poolApps.push(app);
    pool.draft.apps = poolApps;
    const draft: DraftApplicationGroup = remoteApp ? { id, hostPool: pool.draft.id, type: 'remoteApp', apps: published, assignments: [] } : { id, hostPool: pool.draft.id, type: 'desktop', assignments: [] };
    result.push({ resource: group, pool, draft });
  }
  return result;
}
