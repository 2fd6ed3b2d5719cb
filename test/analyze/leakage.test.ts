// The leakage matrix on the bundled two-organization models, checked by hand against the rules:
// shared pool → one failure of kernel, process, session or user; separated → kernel and vm together.

import { describe, expect, it } from 'vitest';
import { leakageInput, leakageMatrix, leakageTasks } from '../../src/analyze/leakage.js';
import { prepareBundled, type BundledModel } from '../support/model.js';

function matrixOf(name: BundledModel, controls = {}) {
  const prepared = prepareBundled(name);
  const orgs = prepared.model.organizations.map((o) => o.id);
  return leakageMatrix(prepared, leakageTasks(prepared, orgs), leakageInput(prepared, controls));
}

describe('leakage matrix', () => {
  it('shared pool: each organization exposes the other through any one co-residence boundary', () => {
    const m = matrixOf('cross-org-shared');
    expect(m.attackers.map((a) => a.attacker)).toEqual(['contoso', 'fabrikam']);
    for (const row of m.attackers) {
      expect(row.victims).toHaveLength(1);
      expect(row.victims[0]!.depth).toBe(1);
      expect(row.victims[0]!.minimalSets).toEqual([['kernel'], ['process'], ['session'], ['user']]);
    }
    // contoso has 2 standard entries (alice + 12 workers); fabrikam 1 + 6.
    expect(m.attackers.map((a) => a.footholds)).toEqual([13, 7]);
  });

  it('separated: only a kernel failure followed by a VM escape crosses over', () => {
    const m = matrixOf('cross-org-separated');
    for (const row of m.attackers) {
      expect(row.victims[0]!.depth).toBe(2);
      expect(row.victims[0]!.minimalSets).toEqual([['kernel', 'vm']]);
    }
    // Every contoso data node (13 profiles + finance) sits at depth 2 from fabrikam.
    expect(m.attackers.find((a) => a.attacker === 'fabrikam')!.victims[0]!.dataAtDepth).toBe(14);
  });

  it('a single-organization model has no victims', () => {
    const m = matrixOf('single-org-pooled');
    expect(m.attackers).toHaveLength(1);
    expect(m.attackers[0]!.victims).toEqual([]);
  });
});
