// Differential tests of the shared attacker passes: matrix and compare read everything off one
// depth-by-type pass per attacker and model (families of minimal sets per data node), so they are
// checked here against the obviously-correct way — the full truth tables of depthByType, read node
// by node and failure set by failure set — on the bundled models and on small generated ones; and
// the worker-thread runner against the in-thread one.

import { describe, expect, it } from 'vitest';
import { minimalSets } from '../../src/analyze/antichain.js';
import { attackerPass } from '../../src/analyze/attacker-pass.js';
import { compareFromPasses, compareModels, planCompare, type CompareQuestion, type CompareResult } from '../../src/analyze/compare.js';
import { accessBeyond, accessKinds, ALL_ACCESS, authorizationOf, READ_ACCESS } from '../../src/analyze/authorization.js';
import { leakageInput, leakageMatrix, leakageTasks } from '../../src/analyze/leakage.js';
import type { PreparedModel } from '../../src/analyze/prepared.js';
import { subsetsUpTo, typesPresent } from '../../src/analyze/type-subsets.js';
import type { BoundaryType } from '../../src/domain/boundary.js';
import { NODE_KINDS } from '../../src/domain/kinds.js';
import { beyondReadAntichain, depthByType, minimalTypeSets, reachedBeyondReadUnder, reachedUnder, rowTable, type TypeDepthResult } from '../../src/engine/depth-by-type.js';
import { beyondReadRow, reachedRow } from '../../src/engine/propagation-graph.js';
import { controlMask } from '../../src/engine/scenario.js';
import { runPasses } from '../../src/parallel/pass-pool.js';
import { byString } from '../../src/report/json.js';
import { tableProbability, weightsOf } from '../../src/risk/exact.js';
import { buildFailureModel, overridesOf, patchSettingsOf, typeProbabilities } from '../../src/risk/failure-model.js';
import { generatedModel } from '../support/generated.js';
import { prepareBundled } from '../support/model.js';

const DATA_KIND = NODE_KINDS.indexOf('data');

/** One attacker's full truth tables, or null when the organization has no users. */
function tablesOf(prepared: PreparedModel, org: string, question: CompareQuestion): TypeDepthResult | null {
  const [task] = leakageTasks(prepared, [org]);
  if (task === undefined) return null;
  return depthByType(prepared.compiled, task.sources, controlMask({ ...prepared.model.controls, ...question.controls }));
}

/** Per data node (compiled index): its owner organization, store and the access kinds each organization is authorized for, from authorization.ts directly. */
function ownershipOf(prepared: PreparedModel): Map<number, { owner: string; store: string; authorized: ReadonlyMap<string, number> }> {
  const authorization = authorizationOf(prepared.deployment);
  const out = new Map<number, { owner: string; store: string; authorized: ReadonlyMap<string, number> }>();
  for (const store of prepared.model.data) {
    for (const node of prepared.deployment.dataNodes.get(store.id) ?? []) {
      out.set(prepared.compiled.nodeIndex.get(node.node)!, { owner: authorization.ownerOf(store, node), store: store.id, authorized: authorization.accessFor(store, node) });
    }
  }
  return out;
}

/**
 * The victim's data nodes the attacker is not authorized for every access to, each with whether only
 * its reach beyond read counts (the attacker may read it) — ALL_ACCESS and READ_ACCESS, not leakFamily.
 */
function dataNodesOf(prepared: PreparedModel, victim: string, attacker: string): { v: number; beyondRead: boolean }[] {
  const ownership = ownershipOf(prepared);
  const out: { v: number; beyondRead: boolean }[] = [];
  for (let v = 0; v < prepared.compiled.nodeCount; v++) {
    const o = ownership.get(v);
    const mask = o?.authorized.get(attacker) ?? 0;
    if (prepared.compiled.nodeKind[v] === DATA_KIND && o?.owner === victim && mask !== ALL_ACCESS) out.push({ v, beyondRead: mask === READ_ACCESS });
  }
  return out;
}

/** A node's minimal sets as leakage: of all reach, or of reach with more than read. */
function setsOf(tables: TypeDepthResult, node: { v: number; beyondRead: boolean }) {
  return node.beyondRead ? tables.antichains[beyondReadAntichain(tables, node.v)]! : minimalTypeSets(tables, node.v);
}

/** OR of the nodes' leakage rows (reachedRow, or beyondReadRow). */
function leakUnion(tables: TypeDepthResult, nodes: readonly { v: number; beyondRead: boolean }[]): Uint32Array {
  const out = new Uint32Array(tables.words);
  for (const node of nodes) {
    const table = rowTable(tables, node.beyondRead ? beyondReadRow(tables.graph, node.v) : reachedRow(tables.graph, node.v));
    for (let w = 0; w < tables.words; w++) out[w]! |= table[w]!;
  }
  return out;
}

/** The victim's stores the attacker is authorized for some access to, sorted. */
function authorizedStoresOf(prepared: PreparedModel, victim: string, attacker: string): string[] {
  const stores = [...ownershipOf(prepared).values()].filter((o) => o.owner === victim && o.authorized.has(attacker)).map((o) => o.store);
  return [...new Set(stores)].sort(byString);
}

/** Per store the attacker is authorized for some access to: the kinds (AND over its nodes) and the least depth of reach beyond them. */
function storeAuthorizationsOf(prepared: PreparedModel, tables: TypeDepthResult, victim: string, attacker: string) {
  const byStore = new Map<string, { mask: number; beyondDepth: number | null }>();
  for (const [v, o] of ownershipOf(prepared)) {
    const mask = o.authorized.get(attacker);
    if (o.owner !== victim || mask === undefined) continue;
    const entry = byStore.get(o.store) ?? byStore.set(o.store, { mask: ALL_ACCESS, beyondDepth: null }).get(o.store)!;
    entry.mask &= mask;
    const sets = mask === ALL_ACCESS ? [] : setsOf(tables, { v, beyondRead: mask === READ_ACCESS });
    if (sets.length > 0 && (entry.beyondDepth === null || sets[0]!.length < entry.beyondDepth)) entry.beyondDepth = sets[0]!.length;
  }
  return [...byStore.keys()].sort(byString).map((store) => {
    const { mask, beyondDepth } = byStore.get(store)!;
    return { store, access: accessKinds(mask), beyond: accessBeyond(mask), beyondDepth };
  });
}

/** Other organizations' data the attacker is not authorized for, reached when exactly `failed` fails: every data node tested on its table. */
function reachedOtherData(prepared: PreparedModel, attacker: string, tables: TypeDepthResult | null, failed: readonly string[]): string[] {
  if (tables === null) return [];
  const { compiled } = prepared;
  const ownership = ownershipOf(prepared);
  const out: string[] = [];
  for (let v = 0; v < compiled.nodeCount; v++) {
    const o = ownership.get(v);
    const mask = o?.authorized.get(attacker) ?? 0;
    if (compiled.nodeKind[v] !== DATA_KIND || o === undefined || o.owner === attacker || mask === ALL_ACCESS) continue;
    const reached = mask === READ_ACCESS ? reachedBeyondReadUnder : reachedUnder;
    if (reached(tables, v, failed as BoundaryType[])) out.push(compiled.nodeIds[v]!);
  }
  return out;
}

/** The comparison computed from whole truth tables, cell by cell and failure set by failure set. */
function referenceCompare(first: PreparedModel, second: PreparedModel, question: CompareQuestion): CompareResult {
  const orgsB = new Set(second.model.organizations.map((o) => o.id));
  const organizations = first.model.organizations.map((o) => o.id).filter((o) => orgsB.has(o)).sort(byString);
  const attackers = question.fromOrgs.length > 0 ? [...question.fromOrgs].sort(byString) : organizations;
  const sideOf = (prepared: PreparedModel) => {
    const tables = attackers.map((org) => tablesOf(prepared, org, question));
    const failure = buildFailureModel(prepared.compiled, 'type', patchSettingsOf(prepared.model.risk), overridesOf(prepared.model.risk));
    const typeProbability = failure.ok ? typeProbabilities(failure.model) : null;
    const victims = prepared.model.organizations.map((o) => o.id).filter((o) => organizations.includes(o));
    const sets = subsetsUpTo(typesPresent(prepared.compiled), question.order);
    const cells = attackers.flatMap((attacker, i) => {
      const t = tables[i]!;
      return (t === null ? organizations : victims)
        .filter((victim) => victim !== attacker)
        .map((victim) => {
          const data = dataNodesOf(prepared, victim, attacker);
          const family = t === null ? [] : minimalSets(data.flatMap((node) => setsOf(t, node)));
          const probability = typeProbability === null ? null : t === null ? 0 : tableProbability(leakUnion(t, data), weightsOf(t, typeProbability));
          const authorized = t === null ? [] : authorizedStoresOf(prepared, victim, attacker);
          const trusted = null;
          return { attacker, victim, depth: family.length === 0 ? null : family[0]!.length, minimalSets: family, probability, authorized, authorizedAccess: t === null ? [] : storeAuthorizationsOf(prepared, t, victim, attacker), trusted };
        });
    });
    const blastRadius = attackers.map((attacker, i) => ({
      attacker,
      byOrder: Array.from({ length: question.order + 1 }, (_, k) =>
        Math.max(0, ...sets.filter((s) => s.length <= k).map((s) => reachedOtherData(prepared, attacker, tables[i]!, s).length)),
      ),
    }));
    return { tables, cells, blastRadius };
  };
  const a = sideOf(first);
  const b = sideOf(second);
  const sets = subsetsUpTo([...new Set([...typesPresent(first.compiled), ...typesPresent(second.compiled)])].sort(), question.order);
  const differences = attackers.flatMap((attacker, i) =>
    sets.flatMap((failed) => {
      const inA = reachedOtherData(first, attacker, a.tables[i]!, failed);
      const inB = reachedOtherData(second, attacker, b.tables[i]!, failed);
      const onlyInFirst = inA.filter((id) => !inB.includes(id));
      const onlyInSecond = inB.filter((id) => !inA.includes(id));
      return onlyInFirst.length > 0 || onlyInSecond.length > 0 ? [{ attacker, failed, onlyInFirst, onlyInSecond }] : [];
    }),
  );
  const fast = compareModels(first, second, question);
  return {
    ...fast,
    sides: [
      { ...fast.sides[0], cells: a.cells, blastRadius: a.blastRadius },
      { ...fast.sides[1], cells: b.cells, blastRadius: b.blastRadius },
    ],
    differences,
  };
}

const generated = {
  shared: generatedModel(11, { organizations: 4, users: 150, sharedHosts: true }),
  separate: generatedModel(11, { organizations: 4, users: 150, sharedHosts: false }),
  sharedTenant: generatedModel(11, { organizations: 4, users: 150, sharedHosts: true, sharedTenant: true }),
  otherSeed: generatedModel(12, { organizations: 3, users: 120, sharedHosts: false }),
};

const PAIRS: readonly { name: string; first: () => PreparedModel; second: () => PreparedModel; question: CompareQuestion }[] = [
  { name: 'bundled shared vs separated, order 2', first: () => prepareBundled('cross-org-shared'), second: () => prepareBundled('cross-org-separated'), question: { fromOrgs: [], order: 2, controls: {} } },
  { name: 'bundled separated vs shared, order 3, Credential Guard off', first: () => prepareBundled('cross-org-separated'), second: () => prepareBundled('cross-org-shared'), question: { fromOrgs: [], order: 3, controls: { credentialGuard: false } } },
  { name: 'bundled shared vs single-org (unmatched organizations)', first: () => prepareBundled('cross-org-shared'), second: () => prepareBundled('single-org-pooled'), question: { fromOrgs: [], order: 1, controls: {} } },
  { name: 'generated shared hosts vs separate hosts, order 2', first: () => generated.shared, second: () => generated.separate, question: { fromOrgs: [], order: 2, controls: {} } },
  { name: 'generated shared tenant vs shared hosts, order 1, Reverse Connect off', first: () => generated.sharedTenant, second: () => generated.shared, question: { fromOrgs: [], order: 1, controls: { reverseConnect: false } } },
  { name: 'generated, different seeds and organizations, order 2', first: () => generated.shared, second: () => generated.otherSeed, question: { fromOrgs: [], order: 2, controls: {} } },
];

describe('compare from attacker passes equals compare from whole truth tables', () => {
  for (const pair of PAIRS) {
    it(pair.name, () => {
      const first = pair.first();
      const second = pair.second();
      const fast = compareModels(first, second, pair.question);
      expect(fast).toEqual(referenceCompare(first, second, pair.question));
    });
  }

  it('has differences to compare (the generated shared and separate hosts differ)', () => {
    expect(compareModels(generated.shared, generated.separate, { fromOrgs: [], order: 2, controls: {} }).differences.length).toBeGreaterThan(0);
  });

  it('gives the same result from passes run on the pool runner as in this thread', async () => {
    const plan = planCompare(generated.shared, generated.separate, { fromOrgs: [], order: 2, controls: {} });
    const [a, b] = plan.sides;
    const pooled = compareFromPasses(plan, [await runPasses(a.input, a.tasks, 2), await runPasses(b.input, b.tasks, 2)]);
    expect(pooled).toEqual(compareModels(generated.shared, generated.separate, { fromOrgs: [], order: 2, controls: {} }));
  });
});

describe('matrix rows from attacker passes equal rows from whole truth tables', () => {
  for (const [name, prepared] of Object.entries(generated)) {
    it(name, () => {
      const orgs = prepared.model.organizations.map((o) => o.id);
      const matrix = leakageMatrix(prepared, leakageTasks(prepared, orgs), leakageInput(prepared, {}));
      for (const row of matrix.attackers) {
        const tables = tablesOf(prepared, row.attacker, { fromOrgs: [], order: 0, controls: {} })!;
        for (const victim of row.victims) {
          const data = dataNodesOf(prepared, victim.victim, row.attacker);
          const family = minimalSets(data.flatMap((node) => setsOf(tables, node)));
          const depth = family.length === 0 ? null : family[0]!.length;
          expect(victim).toEqual({
            victim: victim.victim,
            depth,
            minimalSets: family,
            dataAtDepth: depth === null ? 0 : data.filter((node) => setsOf(tables, node)[0]?.length === depth).length,
            unauthorizedData: data.length,
            authorized: authorizedStoresOf(prepared, victim.victim, row.attacker),
            authorizedAccess: storeAuthorizationsOf(prepared, tables, victim.victim, row.attacker),
            trusted: null,
          });
        }
      }
    });
  }

  it('a pass keeps one family per distinct table among data nodes', () => {
    const prepared = generated.shared;
    const input = leakageInput(prepared, {});
    const [task] = leakageTasks(prepared, [prepared.model.organizations[0]!.id]);
    const pass = attackerPass(input, task!);
    const tables = depthByType(prepared.compiled, task!.sources, input.controls);
    input.data.forEach((v, p) => expect(pass.antichains[pass.dataAntichain[p]!]).toEqual(minimalTypeSets(tables, v)));
    expect(new Set(pass.antichains.map((f) => JSON.stringify(f))).size).toBe(pass.antichains.length);
  });
});
