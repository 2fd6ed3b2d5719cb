// Child process of the benchmark: what the infrastructure sections cost at compile time. Takes a
// generated model, adds a large infrastructure section derived from it (per organization: a spoke
// network peered to a hub with a VPN to an on-premises site, a subnet of its pools with NSG rules, a
// file server there, a storage account of its shares, an app attach package, and Intune, Group Policy
// and image pipeline planes), writes that model, and times `prepare` (rules → compiled arrays) of both
// in this one process, alternating them. Prints one JSON line (InfraCompile).
//
//   node dist/bench/infra.js MODEL OUT_MODEL [--runs N]

import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { prepare } from '../src/analyze/prepared.js';
import { loadModelFile } from '../src/model/load-model.js';
import type { Model } from '../src/model/types.js';
import { answer, median, peakRssMb, progress } from './measure.js';

export interface CompileMeasure {
  readonly nodes: number;
  readonly edges: number;
  /** Median wall and CPU time of `prepare`, ms. */
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly wallRunsMs: readonly number[];
}

export interface InfraCompile {
  /** Entities the infrastructure section adds, by section. */
  readonly added: Readonly<Record<string, number>>;
  readonly without: CompileMeasure;
  readonly with: CompileMeasure;
  /** with / without, medians of wall time (and of CPU time). */
  readonly ratio: number;
  readonly ratioCpu: number;
  readonly peakRssMb: number;
}

/** The infrastructure sections for a generated model, as a plain object ready for YAML. */
export function infraSection(model: Model): Record<string, unknown[]> {
  const orgs = model.organizations.map((o) => o.id);
  const subOf = new Map<string, string>();
  for (const s of model.subscriptions) for (const org of s.organizations) if (!subOf.has(org)) subOf.set(org, s.id);
  const tenantOf = new Map<string, string>();
  for (const t of model.tenants) for (const org of t.organizations) if (!tenantOf.has(org)) tenantOf.set(org, t.id);
  const poolsOf = (org: string) => model.hostPools.filter((p) => model.subscriptions.find((s) => s.id === p.subscription)?.organizations.includes(org)).map((p) => p.id);
  const usersOf = (org: string) => model.users.filter((u) => u.organization === org);
  const dataOf = (org: string) => model.data.filter((d) => d.organization === org);

  const networks: unknown[] = [{ id: 'bench-hub' }, { id: 'bench-onprem', type: 'onPremises' }];
  const networkLinks: unknown[] = [{ between: ['bench-hub', 'bench-onprem'], type: 'vpn' }];
  const subnets: unknown[] = [];
  const servers: unknown[] = [];
  const storageAccounts: unknown[] = [];
  const appAttachPackages: unknown[] = [];
  const managementPlanes: unknown[] = [];
  const hostSubnets: string[] = [];
  orgs.forEach((org, i) => {
    const pools = poolsOf(org);
    const data = dataOf(org);
    const sub = subOf.get(org) ?? null;
    networks.push({ id: `${org}-vnet`, organization: org });
    networkLinks.push({ between: [`${org}-vnet`, 'bench-hub'], type: 'peering' });
    // Half the organizations use Reverse Connect only (no inbound at all); the others keep Azure's default.
    subnets.push({ id: `${org}-hosts`, network: `${org}-vnet`, hostPools: pools, ...(i % 2 === 0 ? { inbound: [] } : {}) });
    hostSubnets.push(`${org}-hosts`);
    const databases = data.filter((d) => d.location === 'database').map((d) => d.id);
    servers.push({ id: `${org}-fs`, subnet: 'bench-servers', organization: org, role: 'fileServer', listens: [445], data: databases });
    const shares = data.filter((d) => d.location === 'share' || d.location === 'fslogixProfile').map((d) => d.id);
    const ops = usersOf(org).filter((u) => u.privilege === 'subscriptionOwner').map((u) => u.id);
    const pooled = pools.filter((p) => model.hostPools.find((h) => h.id === p)?.type === 'pooled');
    storageAccounts.push({
      id: `${org}-files`,
      organization: org,
      subscription: sub,
      shares,
      // Every other organization mounts its shares with the storage key.
      keyHostPools: i % 2 === 1 ? pooled : [],
      keyHolders: ops,
    });
    const share = data.find((d) => d.location === 'share');
    if (share !== undefined && pools.length > 0) appAttachPackages.push({ id: `${org}-office-app`, image: share.id, hostPools: pools });
    const admins = usersOf(org).filter((u) => u.privilege === 'tenantAdmin').map((u) => u.id);
    const devices = usersOf(org).filter((u) => u.device).map((u) => u.id);
    const tenant = tenantOf.get(org) ?? null;
    managementPlanes.push(
      { id: `${org}-intune`, type: 'intune', organization: org, tenant, controllers: admins, hostPools: pools, devices },
      { id: `${org}-gpo`, type: 'groupPolicy', organization: org, tenant, hostedOn: ['bench-dc'], hostPools: pools, servers: [`${org}-fs`] },
      { id: `${org}-images`, type: 'imagePipeline', organization: org, subscription: sub, controllers: ops, hostPools: pools },
    );
  });
  subnets.push({ id: 'bench-servers', network: 'bench-onprem', inbound: [{ from: hostSubnets, ports: [445] }] });
  servers.push({ id: 'bench-dc', subnet: 'bench-servers', role: 'domainController', listens: [88, 389, 445], directory: model.tenants[0]?.id ?? null });
  return { networks, networkLinks, subnets, servers, storageAccounts, appAttachPackages, managementPlanes };
}

function timePrepare(model: Model): { nodes: number; edges: number; wallMs: number; cpuMs: number } {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  const result = prepare(model);
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(startCpu);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join('; '));
  const { compiled } = result.prepared;
  return { nodes: compiled.nodeIds.length, edges: compiled.edgeCount, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

function main(): void {
  const [file, out, ...rest] = process.argv.slice(2);
  if (file === undefined || out === undefined) throw new Error('usage: infra MODEL OUT_MODEL [--runs N]');
  const at = rest.indexOf('--runs');
  const runs = at >= 0 ? Number(rest[at + 1]) : 3;
  progress(`${file}: parse`);
  const base = loadModelFile(file);
  if (!base.ok) throw new Error(base.issues.map((i) => i.message).join('; '));
  const section = infraSection(base.model);
  writeFileSync(out, `${readFileSync(file, 'utf8')}\n${stringify(section, { aliasDuplicateObjects: false })}`);
  progress(`${out}: parse (with the infrastructure section)`);
  const withInfra = loadModelFile(out);
  if (!withInfra.ok) throw new Error(`${out}: ${withInfra.issues.slice(0, 5).map((i) => i.message).join('; ')}`);

  const samples = { without: [] as ReturnType<typeof timePrepare>[], with: [] as ReturnType<typeof timePrepare>[] };
  // One untimed warm-up each, then alternate (and swap the order every run) so drift in the machine's load hits both alike.
  timePrepare(base.model);
  timePrepare(withInfra.model);
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
    for (const which of order) {
      progress(`prepare ${which} the infrastructure section, run ${r + 1} of ${runs}`);
      samples[which].push(timePrepare(which === 'with' ? withInfra.model : base.model));
    }
  }
  const measure = (s: ReturnType<typeof timePrepare>[]): CompileMeasure => ({
    nodes: s[0]!.nodes,
    edges: s[0]!.edges,
    wallMs: median(s.map((x) => x.wallMs)),
    cpuMs: median(s.map((x) => x.cpuMs)),
    wallRunsMs: s.map((x) => Math.round(x.wallMs)),
  });
  const without = measure(samples.without);
  const withSection = measure(samples.with);
  const result: InfraCompile = {
    added: Object.fromEntries(Object.entries(section).map(([k, v]) => [k, v.length])),
    without,
    with: withSection,
    ratio: withSection.wallMs / without.wallMs,
    ratioCpu: withSection.cpuMs / without.cpuMs,
    peakRssMb: peakRssMb(),
  };
  answer(result);
}

main();
