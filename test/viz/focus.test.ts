// The focus layout: a generated 5-organization deployment whose attack path crosses from org1 to
// another organization through a shared physical host fits one 1920 × 1080 slide without shrinking
// its text below 80 %; the attacker's organization and every organization on the path stay drawn,
// every other organization becomes one summary box, and --full still draws everything.

import { describe, expect, it } from 'vitest';
import type { DiagramElement } from '../../src/report/diagram-types.js';
import { focusForState, focusOrganizations } from '../../viz/diagram/focus.js';
import { renderDiagramSvg } from '../../viz/diagram/render.js';
import { drawGeneratedFive, drawModel, drawScenario } from './support.js';

function size(svg: string) {
  const [, w, h, vw, vh] = /<svg[^>]*\swidth="(\d+)" height="(\d+)" viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
  return { width: Number(w), height: Number(h), scale: Number(w) / Number(vw), viewHeight: Number(vh) };
}

describe('focus layout of a generated 5-organization model (kernel and hypervisor failed)', () => {
  const { drawn } = drawGeneratedFive();
  const focus = renderDiagramSvg(drawn.structure, drawn.state, { width: 1920, focus: true });
  const full = renderDiagramSvg(drawn.structure, drawn.state, { width: 1920 });
  const kept = focusOrganizations(drawn.structure.root, drawn.state);

  it('fits 1920 × 1080 at a readable scale', () => {
    const s = size(focus);
    expect(s.width).toBeLessThanOrEqual(1920);
    expect(s.height).toBeLessThanOrEqual(1080);
    expect(s.scale).toBeGreaterThanOrEqual(0.8);
    // The complete layout does not fit: the focus layout is what makes it fit.
    expect(size(full).height).toBeGreaterThan(1080);
  });

  it('keeps the attacker’s organization and the path’s organizations, summarizes the others', () => {
    const attacker = drawn.state.organizations.filter((o) => o.attacker).map((o) => o.id);
    expect(attacker).toEqual(['org1']);
    expect(kept.has('org1')).toBe(true);
    expect(kept.has(drawn.state.path.target!.organization)).toBe(true);
    // The path leaves org1: at least one other organization is drawn, and at least one is summarized.
    expect(kept.size).toBeGreaterThan(1);
    expect(kept.size).toBeLessThan(5);
    for (const org of drawn.structure.organizations) {
      const summarized = focus.includes(`data-el="summary:tenant:${org.id}-directory"`);
      expect(summarized, org.id).toBe(!kept.has(org.id));
      expect(focus.includes(`data-el="tenant:${org.id}-directory"`), org.id).toBe(kept.has(org.id));
    }
    expect(full).not.toContain('data-el="summary:');
  });

  it('draws every step of the path as a badge', () => {
    const badges = [...focus.matchAll(/data-steps="(\d+)(?:–(\d+))?"/g)].map((m) => [Number(m[1]), Number(m[2] ?? m[1])] as const);
    const covered = new Set(badges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)));
    expect([...covered].sort((a, b) => a - b)).toEqual(drawn.state.path.steps.map((s) => s.step));
  });
});

// A summary box counts the data drawn inside it. An organization collapsed into several boxes (its
// tenant, and a pool it runs in another organization's subscription) used to show its whole data
// count in each of them: a box holding no data read "82/82 data reached".
describe('summary boxes count the data inside them, never an organization’s total twice', () => {
  const cases = [
    ...['contoso', 'fabrikam', 'northwind'].map((from) => ({ name: `msp-hosting from ${from}`, model: 'msp-hosting', scenario: null as string | null, from })),
    { name: 'cross-org-shared × kernel-0day', model: 'cross-org-shared', scenario: 'kernel-0day', from: null },
  ];
  const drawnCases = [
    { name: 'generated five', drawn: drawGeneratedFive().drawn },
    ...cases.map((c) => ({ name: c.name, drawn: c.scenario === null ? drawModel(c.model, [c.from!], ['kernel']) : drawScenario(c.model, c.scenario).drawn })),
    { name: 'provider-pools from acme', drawn: drawModel('../test/viz/fixtures/provider-pools', ['acme'], []) },
  ];
  it.each(drawnCases)('$name', ({ drawn }) => {
    const dataNodes = new Set(drawn.structure.organizations.flatMap((o) => o.dataNodes));
    const focused = focusForState(drawn.structure.root, drawn.state, dataNodes);
    const original = new Map<string, DiagramElement>();
    const index = (e: DiagramElement) => {
      original.set(e.id, e);
      e.children.forEach(index);
    };
    index(drawn.structure.root);
    const summaries: DiagramElement[] = [];
    const collect = (e: DiagramElement) => (e.role === 'summary' ? summaries.push(e) : e.children.forEach(collect));
    collect(focused.root);
    const perOrg = new Map<string, number>();
    for (const box of summaries) {
      // What the box stood for before collapsing: its data nodes, counted from the structure itself.
      const before = original.get(box.id.slice('summary:'.length))!;
      const inside = new Set<string>();
      const walk = (e: DiagramElement) => {
        for (const n of e.nodes) if (dataNodes.has(n)) inside.add(n);
        e.children.forEach(walk);
      };
      walk(before);
      if (box.detail!.includes('data reached')) expect(box.detail, box.id).toMatch(new RegExp(`^\\d+/${inside.size} data reached`));
      if (focused.reach[box.id] !== undefined && box.detail!.includes('data')) expect(focused.reach[box.id]!.total).toBe(inside.size);
      const org = box.organization ?? '';
      perOrg.set(org, (perOrg.get(org) ?? 0) + inside.size);
    }
    for (const org of drawn.structure.organizations) expect(perOrg.get(org.id) ?? 0, org.id).toBeLessThanOrEqual(org.dataNodes.length);
  });
});
