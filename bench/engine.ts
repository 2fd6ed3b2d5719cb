// Engine speed check on a synthetic deployment-shaped graph (~100k nodes by default), built with
// compileFromArrays so no graphology graph is paid for. Exports functions; ./synthetic.ts runs them
// for `npm run bench` (./run.ts), which prints them with the generated-model workloads.

import { compileFromArrays } from '../src/compile/compile.js';
import type { CompiledGraph, EdgeRecord, GraphRecords, NodeRecord } from '../src/compile/compile.js';
import type { BoundaryType } from '../src/domain/boundary.js';
import type { ControlName } from '../src/domain/controls.js';
import { DEFAULT_CONTROLS } from '../src/domain/controls.js';
import type { NodeKind } from '../src/domain/kinds.js';
import type { Access } from '../src/model/types.js';
import { depthByInstance, minimalInstanceSetCount } from '../src/engine/depth-by-instance.js';
import { depthByType } from '../src/engine/depth-by-type.js';
import { reach, reachedNodes } from '../src/engine/reach.js';
import { allFailed, controlMask, noFailures } from '../src/engine/scenario.js';

export interface SyntheticOptions {
  readonly organizations: number;
  readonly poolsPerOrganization: number;
  readonly vmsPerPool: number;
  readonly usersPerVm: number;
  /** VMs of one extra pooled pool in the first organization whose floating users may land on any of them: the hub case. */
  readonly hubPoolVms: number;
  /** Victim data stores behind that pool's hub. */
  readonly hubVictims: number;
  readonly vmsPerPhysicalHost: number;
}

export const DEFAULT_SYNTHETIC: SyntheticOptions = {
  organizations: 10,
  poolsPerOrganization: 2,
  vmsPerPool: 100,
  usersPerVm: 8,
  hubPoolVms: 1000,
  hubVictims: 2000,
  vmsPerPhysicalHost: 8,
};

/**
 * Orgs with a tenant and a subscription each (chained across tenant/subscription boundaries);
 * pools of VMs; per VM pinned users with a session, a sandboxed app, a browser, a credential and a
 * profile; session/user boundaries between neighbours, kernel boundaries up, vm boundaries to the
 * physical host, network boundaries from the internet (blocked by Reverse Connect), vsm secrets,
 * the tenant admin's credential on each pool's first VM: all eleven boundary types occur.
 */
export function syntheticDeployment(options: SyntheticOptions = DEFAULT_SYNTHETIC): GraphRecords {
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  const addNode = (id: string, kind: NodeKind, organization: string | null): string => {
    nodes.push({ id, kind, organization });
    return id;
  };
  const addEdge = (
    source: string,
    target: string,
    boundary: BoundaryType | null = null,
    place = '',
    extra: { access?: Access; blockedBy?: ControlName; groups?: string[] } = {},
  ): void => {
    edges.push({
      source,
      target,
      boundary,
      instance: boundary === null ? null : `${boundary}@${place}`,
      groups: extra.groups ?? [],
      access: extra.access ?? 'control',
      blockedBy: extra.blockedBy ?? null,
    });
  };

  const internet = addNode('internet', 'network', null);
  let vmCount = 0;
  const addVm = (org: string, pool: string, j: number, build: string): string => {
    const vm = addNode(`vm:${pool}-${j}`, 'vm', org);
    const host = `host:${Math.floor(vmCount++ / options.vmsPerPhysicalHost)}`;
    if (vmCount % options.vmsPerPhysicalHost === 1 || options.vmsPerPhysicalHost === 1) addNode(host, 'physicalHost', null);
    const groups = [build];
    addEdge(internet, vm, 'network', vm, { blockedBy: 'reverseConnect' });
    addEdge(vm, host, 'vm', vm, { groups });
    addEdge(host, vm);
    const secrets = addNode(`secrets:${pool}-${j}`, 'secretStore', org);
    addEdge(vm, secrets, 'vsm', vm, { groups });
    return vm;
  };

  for (let o = 0; o < options.organizations; o++) {
    const org = `org${o}`;
    const tenant = addNode(`tenant:${org}`, 'tenant', org);
    const admin = addNode(`principal:${org}-tenant-admin`, 'principal', org);
    const subscription = addNode(`subscription:${org}`, 'subscription', org);
    const owner = addNode(`principal:${org}-owner`, 'principal', org);
    const share = addNode(`data:${org}-share`, 'data', org);
    addEdge(addNode(`credential:${org}-tenant-admin`, 'credential', org), admin);
    addEdge(admin, tenant);
    addEdge(tenant, admin);
    addEdge(owner, subscription);
    addEdge(tenant, owner);
    addEdge(subscription, share);
    if (o + 1 < options.organizations) {
      addEdge(tenant, `tenant:org${o + 1}`, 'tenant', `tenant:org${o + 1}`);
      addEdge(subscription, `subscription:org${o + 1}`, 'subscription', `subscription:org${o + 1}`);
    }
    for (let p = 0; p < options.poolsPerOrganization; p++) {
      const pool = `${org}-pool${p}`;
      const build = `build:win${10 + (p % 2)}`;
      for (let j = 0; j < options.vmsPerPool; j++) {
        const vm = addVm(org, pool, j, build);
        const groups = [build];
        addEdge(subscription, vm);
        for (let u = 0; u < options.usersPerVm; u++) {
          const user = `${pool}-${j}-u${u}`;
          const principal = addNode(`principal:${user}`, 'principal', org);
          const session = addNode(`session:${user}`, 'session', org);
          const app = addNode(`process:${user}-app`, 'process', org);
          const browser = addNode(`process:${user}-browser`, 'process', org);
          const credential = addNode(`credential:${user}`, 'credential', org);
          const profile = addNode(`data:${user}-profile`, 'data', org);
          const next = `${pool}-${j}-u${(u + 1) % options.usersPerVm}`;
          addEdge(tenant, principal);
          addEdge(principal, session);
          addEdge(session, app);
          addEdge(session, browser);
          addEdge(internet, browser, 'browser', browser);
          addEdge(app, session, 'appcontainer', app);
          const admin = u === 0;
          addEdge(app, vm, admin ? null : 'kernel', vm, { groups });
          addEdge(browser, vm, admin ? null : 'kernel', vm, { groups });
          addEdge(vm, session);
          addEdge(vm, app);
          addEdge(vm, browser);
          addEdge(vm, credential, null, '', { blockedBy: 'credentialGuard' });
          addEdge(vm, profile);
          addEdge(session, credential);
          addEdge(credential, principal);
          addEdge(app, profile);
          addEdge(session, `session:${next}`, 'session', vm, { groups });
          addEdge(app, `data:${next}-profile`, 'user', vm, { access: 'read', groups });
          addEdge(app, share, null, '', { access: 'tamper' });
          addEdge(app, browser, 'process', browser, { groups });
        }
        // The tenant admin signed in on the first VM of each pool: its credential sits in memory there.
        if (j === 0) addEdge(vm, `credential:${org}-tenant-admin`);
      }
    }
  }

  // The hub: floating users of one pooled pool may sit on any VM, so every VM's kernel reaches the
  // victims' placement, and an attacker among them reaches every VM's kernel boundary.
  if (options.hubPoolVms > 0) {
    const org = 'org0';
    const pool = `${org}-hub`;
    const attacker = addNode(`placement:${pool}-attacker`, 'placement', org);
    const victims = addNode(`placement:${pool}-victims`, 'placement', org);
    for (let j = 0; j < options.hubPoolVms; j++) {
      const vm = addVm(org, pool, j, 'build:win11');
      const session = addNode(`session:${pool}-attacker-${j}`, 'session', org);
      addEdge(attacker, session);
      addEdge(session, vm, 'kernel', vm, { groups: ['build:win11'] });
      addEdge(vm, victims);
      addEdge(vm, session);
    }
    for (let d = 0; d < options.hubVictims; d++) {
      const data = addNode(`data:${pool}-victim-${d}`, 'data', org);
      addEdge(victims, data);
      addEdge(data, `subscription:${org}`, 'subscription', `${pool}-victim-${d}`);
    }
  }
  return { nodes, edges };
}

export interface Timing {
  readonly step: string;
  /** Median wall-clock time of the runs, in milliseconds. */
  readonly medianMs: number;
  /** Median CPU time (user + system, all threads incl. GC) of the runs: steadier on a busy machine. */
  readonly medianCpuMs: number;
  /** The fastest run's wall time, ms. */
  readonly minMs: number;
  readonly runs: number;
  readonly note: string;
}

export interface EngineBenchReport {
  readonly nodes: number;
  readonly edges: number;
  readonly instances: number;
  readonly timings: readonly Timing[];
}

/** Builds the synthetic graph and times each engine step (median and fastest of `runs` after one warm-up). */
export function benchEngine(options: SyntheticOptions = DEFAULT_SYNTHETIC, runs = 3): EngineBenchReport {
  const timings: Timing[] = [];
  const time = <T>(step: string, work: () => T, note: (result: T) => string): T => {
    let result = work();
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      result = work();
      const used = process.cpuUsage(startCpu);
      wall.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
    timings.push({ step, medianMs: median(wall), medianCpuMs: median(cpu), minMs: Math.min(...wall), runs, note: note(result) });
    return result;
  };

  const records = time('generate records', () => syntheticDeployment(options), (r) => `${r.nodes.length} nodes`);
  const compiled: CompiledGraph = time('compileFromArrays', () => compileFromArrays(records), (c) => `${c.edgeCount} edges`);
  const index = (id: string): number => compiled.nodeIndex.get(id)!;
  const insider = [index(`principal:org0-pool0-0-u1`)];
  const floating = options.hubPoolVms > 0 ? [index('placement:org0-hub-attacker')] : insider;
  const internet = [index('internet')];
  const defaults = controlMask(DEFAULT_CONTROLS);
  const none = controlMask({ reverseConnect: false, credentialGuard: false, mfa: false });

  time('reach, insider, nothing failed', () => reach(compiled, insider, { failed: noFailures(compiled), controls: defaults }), (r) => `${reachedNodes(r).length} reached`);
  time('reach, internet, everything failed', () => reach(compiled, internet, { failed: allFailed(compiled), controls: none }), (r) => `${reachedNodes(r).length} reached`);
  for (const [name, sources, controls] of [
    ['insider', insider, defaults],
    ['internet, no controls', internet, none],
  ] as const) {
    time(`depthByType, ${name}`, () => depthByType(compiled, sources, controls), (r) => `T=${r.types.length}, ${r.antichains.length} distinct antichains`);
  }
  for (const [name, sources] of [
    ['insider', insider],
    ['hub attacker', floating],
    ['internet', internet],
  ] as const) {
    time(
      `depthByInstance k=2, ${name}`,
      () => depthByInstance(compiled, sources, defaults, { order: 2 }),
      (r) => {
        let labels = 0;
        let depth1 = 0;
        let depth2 = 0;
        for (let v = 0; v < compiled.nodeCount; v++) {
          labels += minimalInstanceSetCount(r, v);
          if (r.depth[v] === 1) depth1++;
          if (r.depth[v] === 2) depth2++;
        }
        return `${depth1} nodes at depth 1, ${depth2} at depth 2, ${labels} minimal sets in total, ${r.families.familyCount} stored families, ${r.families.storedInstances} stored instance indices`;
      },
    );
  }
  return { nodes: compiled.nodeCount, edges: compiled.edgeCount, instances: compiled.instanceCount, timings };
}

function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function formatEngineBench(report: EngineBenchReport): string {
  const header = `synthetic deployment: ${report.nodes} nodes, ${report.edges} edges, ${report.instances} boundary instances`;
  const columns = `${'step'.padEnd(40)} ${'wall ms'.padStart(9)} ${'cpu ms'.padStart(9)}`;
  const rows = report.timings.map(
    (t) => `${t.step.padEnd(40)} ${t.medianMs.toFixed(1).padStart(9)} ${t.medianCpuMs.toFixed(1).padStart(9)}   ${t.note}`,
  );
  return [header, columns, ...rows].join('\n');
}
