// Which VMs are a host pool's session hosts. ARM lists them as `hostPools/{pool}/sessionHosts`
// (with the VM in `properties.resourceId`); Terraform and templates link a VM to its pool only
// through the AVD agent's DSC extension setting `HostPoolName` (and a registration token).

import { normalize, parentId } from '../arm-id.js';
import { ARM, type InventoryResource } from '../inventory.js';
import { isRecord } from '../read/arm-resource.js';
import type { MapContext } from './context.js';

export interface SessionHost {
  /** Stable key: the VM id when known, else the session host id. */
  readonly key: string;
  readonly name: string;
  readonly vm: InventoryResource | undefined;
  /** The VM's resource id, known even when the VM itself is not in the input. */
  readonly vmId: string | null;
  readonly assignedUser: string | null;
  /** How the host joins a directory, when the input says (`Entra ID`, `AD DS`). */
  readonly join: string | null;
  readonly joinEvidence: string | null;
  /** The AD DS domain an AD DS-joined host joins (the domain join extension's `Name`), when the input says. */
  readonly domain: string | null;
  readonly origin: InventoryResource['origin'];
}

/** Session hosts per host pool (key: normalized pool id), sorted by name. */
export function sessionHostsByPool(context: MapContext, pools: readonly InventoryResource[]): Map<string, SessionHost[]> {
  const byPool = new Map<string, Map<string, SessionHost>>();
  const poolByName = new Map(pools.map((p) => [p.name.toLowerCase(), p]));
  const add = (poolId: string, host: SessionHost): void => {
    const hosts = byPool.get(normalize(poolId)) ?? new Map<string, SessionHost>();
    const known = hosts.get(host.key);
    hosts.set(host.key, known === undefined ? host : { ...known, assignedUser: known.assignedUser ?? host.assignedUser, join: known.join ?? host.join, joinEvidence: known.joinEvidence ?? host.joinEvidence, domain: known.domain ?? host.domain });
    byPool.set(normalize(poolId), hosts);
  };
  const extensionsByVm = new Map<string, InventoryResource[]>();
  for (const ext of context.ofType(ARM.vmExtension)) {
    const vm = normalize(parentId(ext.id));
    extensionsByVm.set(vm, [...(extensionsByVm.get(vm) ?? []), ext]);
  }
  const joinOf = (vmId: string | null): { join: string | null; evidence: string | null; domain: string | null } => {
    for (const ext of vmId === null ? [] : (extensionsByVm.get(normalize(vmId)) ?? [])) {
      const type = String(ext.properties['type'] ?? '').toLowerCase();
      if (type === 'aadloginforwindows') return { join: 'Entra ID', evidence: `extension ${ext.name} (AADLoginForWindows)`, domain: null };
      if (type === 'jsonaddomainextension') {
        const name = lookup(settingsOf(ext) ?? {}, 'Name');
        return { join: 'AD DS', evidence: `extension ${ext.name} (JsonADDomainExtension)`, domain: typeof name === 'string' && name !== '' ? name : null };
      }
      const settings = dscProperties(ext);
      if (settings !== null && lookup(settings, 'aadJoin') === true) return { join: 'Entra ID', evidence: `extension ${ext.name} (DSC aadJoin)`, domain: null };
    }
    return { join: null, evidence: null, domain: null };
  };

  for (const host of context.ofType(ARM.sessionHost)) {
    const vmId = typeof host.properties['resourceId'] === 'string' ? host.properties['resourceId'] : null;
    const vm = vmId === null ? undefined : context.get(vmId);
    const fromExt = joinOf(vmId);
    const health = domainJoinCheck(host);
    add(parentId(host.id), {
      key: normalize(vmId ?? host.id),
      name: host.name,
      vm,
      vmId,
      assignedUser: typeof host.properties['assignedUser'] === 'string' && host.properties['assignedUser'] !== '' ? host.properties['assignedUser'] : null,
      join: fromExt.join ?? health,
      domain: fromExt.domain,
      joinEvidence: fromExt.evidence ?? (health === null ? null : 'session host health check DomainJoinedCheck'),
      origin: host.origin,
    });
  }
  for (const ext of context.ofType(ARM.vmExtension)) {
    const settings = dscProperties(ext);
    const poolName = settings === null ? undefined : lookup(settings, 'HostPoolName');
    if (typeof poolName !== 'string') continue;
    const pool = poolByName.get(poolName.toLowerCase());
    if (pool === undefined) {
      context.assume(null, `VM extension \`${ext.name}\` registers its VM with host pool \`${poolName}\`, which is not in the input: not imported`, ext.origin);
      continue;
    }
    const vmId = parentId(ext.id);
    const vm = context.get(vmId);
    const join = joinOf(vmId);
    add(pool.id, { key: normalize(vmId), name: vm?.name ?? vmId.split('/').pop() ?? vmId, vm, vmId, assignedUser: null, join: join.join, joinEvidence: join.evidence, domain: join.domain, origin: vm?.origin ?? ext.origin });
  }
  const sorted = new Map<string, SessionHost[]>();
  for (const [pool, hosts] of byPool) sorted.set(pool, [...hosts.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)));
  return sorted;
}

/** An extension's public settings: an object, or JSON text (a Terraform heredoc). */
function settingsOf(ext: InventoryResource): Record<string, unknown> | null {
  let settings = ext.properties['settings'];
  if (typeof settings === 'string') {
    try {
      settings = JSON.parse(settings) as unknown;
    } catch {
      return null;
    }
  }
  return isRecord(settings) ? settings : null;
}

/** The `properties` object of an AVD agent DSC extension's settings, or null for other extensions. */
function dscProperties(ext: InventoryResource): Record<string, unknown> | null {
  const settings = settingsOf(ext);
  if (settings === null) return null;
  const properties = lookup(settings, 'properties');
  return isRecord(properties) ? properties : null;
}

/** Case-insensitive key lookup (the agent's settings are written both `HostPoolName` and `hostPoolName`). */
function lookup(object: Record<string, unknown>, key: string): unknown {
  const found = Object.keys(object).find((k) => k.toLowerCase() === key.toLowerCase());
  return found === undefined ? undefined : object[found];
}

function domainJoinCheck(host: InventoryResource): string | null {
  const checks = host.properties['sessionHostHealthCheckResults'];
  if (!Array.isArray(checks)) return null;
  const joined = checks.some((c) => isRecord(c) && c['healthCheckName'] === 'DomainJoinedCheck' && c['healthCheckResult'] === 'HealthCheckSucceeded');
  return joined ? 'AD DS' : null;
}
