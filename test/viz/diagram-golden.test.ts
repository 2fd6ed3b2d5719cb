// Golden diagrams: every bundled model × its telling scenario renders byte-for-byte as committed
// (UPDATE_GOLDEN=1 rewrites them), twice in a row, and says what `simulate` says.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { whatIf } from '../../src/analyze/what-if.js';
import { GOLDEN_CASES, ROOT, drawScenario, readXml } from './support.js';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe.each(GOLDEN_CASES)('%s × %s', (model, scenario) => {
  const file = `${ROOT}test/viz/golden/${model}--${scenario}.svg`;

  it('matches the committed golden SVG', () => {
    const { svg } = drawScenario(model, scenario);
    if (UPDATE || !existsSync(file)) writeFileSync(file, svg);
    expect(svg).toBe(readFileSync(file, 'utf8'));
  });

  it('re-renders byte-identically', () => {
    expect(drawScenario(model, scenario).svg).toBe(drawScenario(model, scenario).svg);
  });

  it('is well-formed SVG with only drawing elements', () => {
    const { elements } = readXml(drawScenario(model, scenario).svg);
    expect(elements[0]).toBe('svg');
    expect(new Set(elements)).toEqual(new Set(elements.filter((e) => ['svg', 'g', 'rect', 'text', 'title', 'path', 'ellipse', 'polygon', 'line'].includes(e))));
  });

  it('counts the same reached data per organization as simulate', () => {
    const { loaded, drawn } = drawScenario(model, scenario);
    const question = { name: drawn.input.scenario, from: drawn.input.from, fail: drawn.input.fail, controls: drawn.input.controls };
    const outcome = whatIf(loaded.prepared, question);
    if (!outcome.ok) throw new Error('what-if failed');
    expect(drawn.state.organizations.map((o) => [o.id, o.dataReached, o.dataTotal])).toEqual(
      outcome.result.organizations.map((o) => [o.id, o.reached.data, o.dataTotal]),
    );
    // The numbered path is the what-if's own explanation path of that store.
    const target = drawn.state.path.target;
    if (target !== null) {
      const data = outcome.result.data.find((d) => d.id === target.id)!;
      expect(drawn.state.path.steps.slice(1).map((s) => s.node)).toEqual(data.path.map((h) => h.to));
    }
  });
});

describe('cross-org-shared × kernel-0day', () => {
  it('says who reaches what through which failure, and numbers the path to the restricted store', () => {
    const { drawn, svg } = drawScenario('cross-org-shared', 'kernel-0day');
    expect(drawn.state.headline).toBe('mallory (fabrikam) reaches 14 contoso data stores through 1 failed kernel boundary');
    expect(drawn.state.path.target?.id).toBe('contoso-finance');
    expect(drawn.state.footholdElements).toEqual(['user:mallory']);
    expect(drawn.state.failedInstances).toEqual(['kernel@shared-pool-vm1', 'kernel@shared-pool-vm2', 'kernel@shared-pool-vm3', 'kernel@shared-pool-vm4']);
    // Each failed kernel is a broken wall on its VM box.
    for (const vm of [1, 2, 3, 4]) expect(svg).toMatch(new RegExp(`<g data-el="vm:shared-pool-vm${vm}" class="box vm reached broken">`));
    const { texts } = readXml(svg);
    expect(texts).toContain('✗ kernel@shared-pool-vm1 fails');
  });
});

describe('the README image', () => {
  it('is the current rendering of cross-org-shared × kernel-0day (the CLI default: focus layout, 1920 px)', () => {
    // Regenerate with: node dist/src/cli/main.js diagram models/cross-org-shared.yaml --scenario scenarios/kernel-0day.yaml -o docs/images/cross-org-shared-kernel-0day.svg
    const file = `${ROOT}docs/images/cross-org-shared-kernel-0day.svg`;
    const { svg } = drawScenario('cross-org-shared', 'kernel-0day', { width: 1920, focus: true });
    if (UPDATE) writeFileSync(file, svg);
    expect(readFileSync(file, 'utf8')).toBe(svg);
  });
});
