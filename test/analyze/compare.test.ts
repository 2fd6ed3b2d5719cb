// Shared vs separated on the bundled models, with answers worked out by hand: the leakage cells, blast
// radius per number of failed types, what only the shared topology exposes, and the monthly costs.

import { describe, expect, it } from 'vitest';
import { compareModels } from '../../src/analyze/compare.js';
import { prepareBundled } from '../support/model.js';
import { priced } from '../support/cost.js';


describe('compare cross-org-shared with cross-org-separated', () => {
  const result = compareModels(prepareBundled('cross-org-shared'), prepareBundled('cross-org-separated'), { fromOrgs: [], order: 2, controls: {} });
  const [shared, separated] = result.sides;

  it('pairs the same organizations and cells in both', () => {
    expect(result.organizations).toEqual(['contoso', 'fabrikam']);
    expect(result.unmatched).toEqual([]);
    expect(shared.cells.map((c) => `${c.attacker}>${c.victim}:${c.depth}`)).toEqual(['contoso>fabrikam:1', 'fabrikam>contoso:1']);
    expect(separated.cells.map((c) => `${c.attacker}>${c.victim}:${c.depth}`)).toEqual(['contoso>fabrikam:2', 'fabrikam>contoso:2']);
  });

  it('measures blast radius by the number of failed types', () => {
    // fabrikam reaches all 14 contoso data nodes with one failure when shared, only with two when separated.
    expect(shared.blastRadius).toEqual([
      { attacker: 'contoso', byOrder: [0, 8, 8] },
      { attacker: 'fabrikam', byOrder: [0, 14, 14] },
    ]);
    expect(separated.blastRadius).toEqual([
      { attacker: 'contoso', byOrder: [0, 0, 8] },
      { attacker: 'fabrikam', byOrder: [0, 0, 14] },
    ]);
  });

  it('lists what only the shared topology exposes, and nothing the other way', () => {
    const kernel = result.differences.find((d) => d.attacker === 'fabrikam' && d.failed.join() === 'kernel');
    expect(kernel?.onlyInFirst).toHaveLength(14);
    expect(kernel?.onlyInSecond).toEqual([]);
    expect(result.differences.every((d) => d.onlyInSecond.length === 0)).toBe(true);
    // With kernel and vm both failed, the separated model leaks the same data as the shared one.
    expect(result.differences.some((d) => d.failed.join() === 'kernel,vm')).toBe(false);
  });

  it('costs each model from its own figures', () => {
    // shared: 4 VMs × 1.15 × 730 + 1 tenant × 400 + 1 subscription × 150
    expect(priced(shared.cost).totalMonthly).toBe(3908);
    // separated: 5 VMs × 1.15 × 730 + 2 × 400 + 2 × 150
    expect(priced(separated.cost).totalMonthly).toBe(5297.5);
  });
});
