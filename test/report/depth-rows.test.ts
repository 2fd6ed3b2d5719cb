// depth's table: a row that stands for several data nodes of one store (an FSLogix store's
// containers) never shows one member's minimal sets for all of them. It once showed the deepest
// member's, so a container a kernel failure alone reaches read as if it needed {kernel, vm} too
// (a fresh user's trial: a guest's container in another organization's store).

import { describe, expect, it } from 'vitest';
import { analyzeDepth } from '../../src/analyze/depth.js';
import { formatDepthResult } from '../../src/report/depth-text.js';
import { formatSets } from '../../src/report/sets-text.js';
import { BUNDLED_MODELS, prepareBundled } from '../support/model.js';

function depthText(name: (typeof BUNDLED_MODELS)[number], from: readonly string[]) {
  const outcome = analyzeDepth(prepareBundled(name), { from, by: 'type', order: 0, controls: {}, maxSets: 20 });
  if (!outcome.ok) throw new Error('no answer');
  return { result: outcome.result, text: formatDepthResult(outcome.result) };
}

describe('depth table rows of several data nodes', () => {
  it('cross-org-separated from mallory: mallory\u2019s own container and the six others, each with its sets', () => {
    // mallory reaches her own profile container with no failure; the six other fabrikam users'
    // containers on fabrikam's pooled hosts need one co-residency failure (kernel, process, session
    // or user), as the row above it in the README says for fabrikam.
    const { text } = depthText('cross-org-separated', ['mallory']);
    expect(text).toMatch(/\nfabrikam-profiles ×7 +fabrikam +0–1 +1 of 7: no failure; 6 of 7: \{kernel\} or \{process\} or \{session\} or \{user\}\n/);
    // Rows whose members agree keep the single list.
    expect(text).toMatch(/\ncontoso-profiles ×13 +contoso +2 +\{kernel, vm\}\n/);
  });

  it('always: every reached member\u2019s minimal sets appear on its store\u2019s row', () => {
    let rows = 0;
    for (const name of BUNDLED_MODELS) {
      const prepared = prepareBundled(name);
      for (const from of prepared.model.organizations.map((o) => [o.id])) {
        const { result, text } = depthText(name, from);
        const lines = text.split('\n');
        for (const node of result.data) {
          if (node.depth === null) continue;
          const row = lines.find((l) => l.startsWith(`${node.store} `) && l.includes(` ${node.organization} `));
          expect(row, `${name} from ${from.join()}: ${node.id}`).toBeDefined();
          expect(row).toContain(formatSets(node.minimalSets, node.minimalSetCount));
          rows++;
        }
      }
    }
    expect(rows).toBeGreaterThan(50);
  });
});
