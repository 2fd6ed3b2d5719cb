// Which Azure Files shares hold FSLogix profile containers, from the session hosts' own configuration:
// FSLogix `VHDLocations` / `CCDLocations` (registry values under HKLM\SOFTWARE\FSLogix\Profiles) set by
// a custom script, DSC or Run Command extension, read as the UNC path `\\<account>.file.core.windows.net\<share>`
// (or its https form) in an extension's settings or command line that also names FSLogix.
// Source: learn.microsoft.com/fslogix/reference-configuration-settings (VHDLocations, CCDLocations).

import { normalize, parentId } from '../arm-id.js';
import { ARM } from '../inventory.js';
import type { SourceLocation } from '../../model/types.js';
import type { MapContext } from './context.js';
import type { MappedPool } from './host-pools.js';

/** Pools whose hosts store profiles on one share, keyed `account/share` in lower case. */
export interface ProfileLocation {
  readonly account: string;
  readonly share: string;
  readonly pools: string[];
  /** What said so: `VHDLocations in extension \`fslogix\` of \`vm1\``. */
  readonly evidence: string;
  readonly origin: SourceLocation;
}

const FSLOGIX = /vhdlocations|ccdlocations|fslogix|profilecontainer|profiles?\s*container/i;
/** `\\acct.file.core.windows.net\share`, with any number of escaping backslashes, or `https://acct.file.core.windows.net/share`. */
const UNC = /\\{2,}([a-z0-9]{3,24})\.(?:privatelink\.)?file\.core\.[a-z.]+?\\+([a-z0-9][a-z0-9-]{1,62})/gi;
const HTTPS = /https?:\/\/([a-z0-9]{3,24})\.(?:privatelink\.)?file\.core\.[a-z.]+\/([a-z0-9][a-z0-9-]{1,62})/gi;

export function profileLocations(context: MapContext, pools: readonly MappedPool[]): Map<string, ProfileLocation> {
  const byVm = new Map<string, string[]>();
  for (const pool of pools) for (const host of pool.sessionHosts) if (host.vmId !== null) byVm.set(normalize(host.vmId), [...(byVm.get(normalize(host.vmId)) ?? []), pool.draft.id]);
  const found = new Map<string, ProfileLocation>();
  for (const ext of context.ofType(ARM.vmExtension)) {
    const vmPools = byVm.get(normalize(parentId(ext.id)));
    if (vmPools === undefined) continue;
    const text = [ext.properties['settings'], ext.properties['protectedSettings'], ext.properties['commandToExecute']].map((v) => (typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v))).join('\n');
    const marker = FSLOGIX.exec(text);
    if (marker === null) continue;
    const setting = /ccdlocations/i.test(text) ? 'CCDLocations' : /vhdlocations/i.test(text) ? 'VHDLocations' : 'an FSLogix profile path';
    for (const match of [...text.matchAll(UNC), ...text.matchAll(HTTPS)]) {
      const account = (match[1] as string).toLowerCase();
      const share = (match[2] as string).toLowerCase();
      const key = `${account}/${share}`;
      const known = found.get(key);
      if (known === undefined) found.set(key, { account, share, pools: [...vmPools], evidence: `${setting} in extension \`${ext.name}\` of session host \`${parentId(ext.id).split('/').pop() ?? ''}\``, origin: ext.origin });
      else for (const p of vmPools) if (!known.pools.includes(p)) known.pools.push(p);
    }
  }
  return found;
}
