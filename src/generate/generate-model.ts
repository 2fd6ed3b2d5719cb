// A seeded generator of realistic deployment models: a hosting provider streaming apps to many
// customer organizations. The output is a model *file* (plain data for YAML), so large inputs go
// through the real loader, rules and compiler. Same options and seed → the same model.

import type { Random } from './random.js';

export interface GenerateOptions {
  readonly organizations: number;
  /** Users across all organizations (split unevenly, as real customers are). */
  readonly users: number;
  /** Pools of different organizations share physical hosts (as in a public cloud). */
  readonly sharedHosts: boolean;
  /** All organizations in one identity tenant and one subscription (the pattern the guide rules out). */
  readonly sharedTenant: boolean;
  /** Knowledge workers per pooled session host. */
  readonly usersPerVm: number;
  /** Organizations per physical host cluster when hosts are shared. */
  readonly poolsPerHost: number;
}

export const DEFAULT_GENERATE: Omit<GenerateOptions, 'organizations' | 'users'> = {
  sharedHosts: true,
  sharedTenant: false,
  usersPerVm: 12,
  poolsPerHost: 8,
};

type Plain = Record<string, unknown>;

export function generateModel(options: GenerateOptions, random: Random): Plain {
  const orgs = Array.from({ length: options.organizations }, (_, i) => `org${pad(i + 1, options.organizations)}`);
  const sizes = splitUsers(options.users, orgs.length, random);

  const tenants: Plain[] = [];
  const subscriptions: Plain[] = [];
  if (options.sharedTenant) {
    tenants.push({ id: 'shared-directory', organizations: orgs });
    subscriptions.push({ id: 'shared-subscription', tenant: 'shared-directory', organizations: orgs });
  }
  const hostPools: Plain[] = [];
  const users: Plain[] = [];
  const data: Plain[] = [];

  orgs.forEach((org, i) => {
    const size = sizes[i]!;
    const tenant = options.sharedTenant ? 'shared-directory' : `${org}-directory`;
    const subscription = options.sharedTenant ? 'shared-subscription' : `${org}-subscription`;
    if (!options.sharedTenant) {
      tenants.push({ id: tenant, organizations: [org] });
      subscriptions.push({ id: subscription, tenant, organizations: [org] });
    }
    // Roughly 2 % of an organization's users need admin rights: the guide puts them on personal desktops.
    const admins = Math.max(1, Math.round(size * 0.02));
    const power = Math.max(0, Math.round(size * random.int(5, 15) / 100));
    const workers = Math.max(1, size - admins - power);
    const pooled = `${org}-pool`;
    const personal = `${org}-desktops`;
    const vms = Math.max(1, Math.ceil((workers + power) / options.usersPerVm));
    hostPools.push({ id: pooled, subscription, type: 'pooled', vms, osBuild: random.pick(OS_BUILDS), apps: ['edge', 'office', random.pick(LOB_APPS)] });
    hostPools.push({ id: personal, subscription, type: 'personal', osBuild: 'win11-23h2-enterprise', apps: ['edge', 'office'] });

    users.push({ id: `${org}-workers`, organization: org, count: workers, hostPool: pooled });
    if (power > 0) users.push({ id: `${org}-power-users`, organization: org, count: power, hostPool: pooled });
    users.push({ id: `${org}-admins`, organization: org, count: admins, privilege: 'localAdmin', hostPool: personal });
    users.push({ id: `${org}-it`, organization: org, privilege: 'tenantAdmin' });
    users.push({ id: `${org}-ops`, organization: org, privilege: 'subscriptionOwner', subscription, device: false });

    const everyone = power > 0 ? [`${org}-workers`, `${org}-power-users`, `${org}-admins`] : [`${org}-workers`, `${org}-admins`];
    data.push({ id: `${org}-profiles`, organization: org, location: 'fslogixProfile', users: everyone });
    data.push({ id: `${org}-share`, organization: org, classification: 'internal', location: 'share', users: everyone, subscription });
    data.push({
      id: `${org}-finance`,
      organization: org,
      classification: 'restricted',
      location: 'database',
      users: power > 0 ? [`${org}-power-users`] : [`${org}-admins`],
      readers: [`${org}-workers`],
      subscription,
    });
  });

  const physicalHosts: Plain[] = [];
  // Every VM runs on some hypervisor: with shared hosts, clusters carry the pools of several
  // organizations; without, each organization has a cluster of its own.
  const poolIds = hostPools.map((p) => p.id as string);
  const perCluster = options.sharedHosts ? options.poolsPerHost * 2 : 2;
  const clusters = Math.ceil(poolIds.length / perCluster);
  for (let start = 0, n = 1; start < poolIds.length; start += perCluster, n++) {
    physicalHosts.push({ id: `cluster${pad(n, clusters)}`, hostPools: poolIds.slice(start, start + perCluster) });
  }

  return {
    name: `generated-${options.organizations}-orgs-${options.users}-users`,
    description: `Generated: ${options.organizations} organizations, ${options.users} users; ${options.sharedTenant ? 'one shared tenant and subscription' : 'a tenant and subscription per organization'}${options.sharedHosts ? ', pools on shared physical host clusters' : ''}.`,
    organizations: orgs.map((id) => ({ id, name: id })),
    tenants,
    subscriptions,
    physicalHosts,
    hostPools,
    apps: [
      { id: 'edge', browser: true },
      { id: 'office' },
      ...LOB_APPS.map((id) => ({ id, sandboxed: true })),
    ],
    users,
    data,
    controls: { reverseConnect: true, credentialGuard: random.chance(0.5), mfa: true },
    costs: { currency: 'USD', vmHourly: 1.15, hoursPerMonth: 730, tenantMonthly: 400, subscriptionMonthly: 150 },
  };
}

const OS_BUILDS = ['win11-23h2-multi-session', 'win11-24h2-multi-session', 'win10-22h2-multi-session'];
const LOB_APPS = ['erp-client', 'crm-client', 'cad-viewer'];

/** Users per organization: a long tail (a few large customers, many small), summing to `total`. */
function splitUsers(total: number, orgs: number, random: Random): number[] {
  const weights = Array.from({ length: orgs }, (_, i) => (0.5 + random.next()) / Math.sqrt(i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(4, Math.floor((w / sum) * total)));
  let remainder = total - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; remainder > 0; i = (i + 1) % orgs, remainder--) sizes[i]!++;
  return sizes;
}

function pad(n: number, max: number): string {
  return String(n).padStart(String(max).length, '0');
}
