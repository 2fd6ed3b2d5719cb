// An `extra` node of kind `data` is its organization's data in every command: the matrix counts it
// (leakage.ts dataOwnership) and so must check's depth policies. The model is the bundled separated
// topology (which passes cross-org-depth: every store of the other organization is {kernel, vm}
// away) plus fabrikam's hand-declared `legacy-db`, reached from contoso's alice by an extra edge with
// no boundary: contoso → fabrikam is depth 0 by hand (one legitimate edge), from alice's organization's
// standard users and — contoso-it is tenant admin of contoso's directory, so it controls alice — from
// its admins and owners too.

import { describe, expect, it } from 'vitest';
import { leakageInput, leakageMatrix, leakageTasks } from '../../src/analyze/leakage.js';
import { classificationDepth } from '../../src/policy/classification-depth.js';
import { crossOrgDepth } from '../../src/policy/cross-org-depth.js';
import { assets, at, bundledText, contextOfText, run } from './helpers.js';

const base = bundledText('cross-org-separated');
const lines = base.split('\n').length;
const withExtra = (node: string) => `${base.trimEnd()}\n\nextra:\n  nodes:\n${node}  edges:\n    - from: alice\n      to: legacy-db\n`;
const fabrikamNode = '    - id: legacy-db\n      kind: data\n      organization: fabrikam\n';

describe('an `extra` data node as a depth policy target', () => {
  const context = contextOfText(withExtra(fabrikamNode), 'sep-extra.yaml');

  it('the matrix counts legacy-db: contoso → fabrikam at depth 0', () => {
    const { prepared } = context;
    const matrix = leakageMatrix(prepared, leakageTasks(prepared, ['contoso']), leakageInput(prepared, {}));
    expect(matrix.attackers[0]!.victims.find((v) => v.victim === 'fabrikam')!.depth).toBe(0);
  });

  it('cross-org-depth agrees: one finding, naming the node, at its entry under extra.nodes', () => {
    const findings = run(crossOrgDepth, context);
    expect(assets(findings)).toEqual(['extra.nodes/legacy-db']);
    const [finding] = findings;
    expect(finding!.depths).toEqual([
      { attacker: 'contoso', depth: 0 },
      { attacker: 'contoso:admins', depth: 0 },
    ]);
    expect(finding!.message).toMatch(/^Extra data node `legacy-db` \(fabrikam, confidential\) falls to no boundary failure from contoso’s standard users/);
    // Its id value in `    - id: legacy-db`, the third line after the model's last line and a blank one.
    expect(at(finding!)).toBe(`sep-extra.yaml:${lines + 3}:11`);
  });

  it('classification-depth with unauthorizedUsers counts it as confidential data nobody outside fabrikam may read', () => {
    const findings = run(classificationDepth, context, { minimums: { public: null, internal: null, confidential: 1, restricted: 2 }, attackers: 'unauthorizedUsers' });
    expect(assets(findings)).toContain('extra.nodes/legacy-db');
  });

  it('a node of the attacker\u2019s own organization, or of none, is no cross-organization target', () => {
    for (const organization of ['contoso', 'null']) {
      const own = contextOfText(withExtra(`    - id: legacy-db\n      kind: data\n      organization: ${organization}\n`), 'own.yaml');
      expect(run(crossOrgDepth, own)).toEqual([]);
    }
  });
});
