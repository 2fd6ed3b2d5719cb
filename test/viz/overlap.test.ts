// Nothing in a rendered diagram covers a label: every bundled model × scenario, and a generated
// 5-organization model, each in the complete and the focus layout, opened in headless Chromium. From the browser's
// own bounding boxes: no two labels intersect, no path badge touches a label, an icon or another
// badge, and no arrow runs through a label. Skipped (with the reason printed) only without Chromium.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { renderDiagramSvg } from '../../viz/diagram/render.js';
import { CHROMIUM, HAVE_CHROMIUM, launchChromium } from './browser-support.js';
import { drawGeneratedFive, drawScenario, GOLDEN_CASES } from './support.js';

interface Overlap {
  readonly kind: string;
  readonly a: string;
  readonly b: string;
}

/** Runs in the page: every overlap between labels, badges, icons and arrows, by their client rects. */
function findOverlaps(): Overlap[] {
  type R = { left: number; top: number; right: number; bottom: number };
  const d = (globalThis as unknown as { document: any }).document;
  const TOL = 0.5;
  const hit = (a: R, b: R) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOL && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOL;
  const texts: { r: R; t: string }[] = [...d.querySelectorAll('text')]
    .filter((t: any) => t.closest('.path-steps') === null && t.textContent !== '')
    .map((t: any) => ({ r: t.getBoundingClientRect(), t: t.textContent }));
  const badges: { r: R; t: string }[] = [...d.querySelectorAll('.path-steps .badge rect')].map((b: any) => ({ r: b.getBoundingClientRect(), t: `badge ${b.parentNode.getAttribute('data-steps')}` }));
  const icons: { r: R; t: string }[] = [...d.querySelectorAll('g.icon')].map((i: any) => ({ r: i.getBoundingClientRect(), t: 'icon' }));
  const out: Overlap[] = [];
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (hit(texts[i]!.r, texts[j]!.r)) out.push({ kind: 'text/text', a: texts[i]!.t, b: texts[j]!.t });
  for (const b of badges) {
    for (const t of [...texts, ...icons]) if (hit(b.r, t.r)) out.push({ kind: 'badge/text', a: b.t, b: t.t });
    for (const o of badges) if (o !== b && o.t < b.t && hit(b.r, o.r)) out.push({ kind: 'badge/badge', a: b.t, b: o.t });
  }
  for (const path of d.querySelectorAll('.path-lines path.route')) {
    const ctm = path.getScreenCTM();
    const length = path.getTotalLength();
    for (let s = 0; s <= length; s += 2) {
      const p = path.getPointAtLength(s);
      const x = ctm.a * p.x + ctm.c * p.y + ctm.e;
      const y = ctm.b * p.x + ctm.d * p.y + ctm.f;
      const through = texts.find((t) => x > t.r.left + TOL && x < t.r.right - TOL && y > t.r.top + TOL && y < t.r.bottom - TOL);
      if (through !== undefined) {
        out.push({ kind: 'arrow/text', a: path.getAttribute('d').slice(0, 30), b: through.t });
        break;
      }
    }
  }
  return out;
}

describe.skipIf(!HAVE_CHROMIUM)(`no overlaps in diagrams rendered by ${CHROMIUM}`, () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1480, height: 1000 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function overlapsOf(svg: string): Promise<Overlap[]> {
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg.replace(/^<\?xml[^>]*>\s*/, '')}</body></html>`);
    return page.evaluate(findOverlaps);
  }

  it.each(GOLDEN_CASES)('%s × %s, complete and focus layouts', async (model, scenario) => {
    const { drawn, svg } = drawScenario(model, scenario);
    expect(await overlapsOf(svg)).toEqual([]);
    expect(await overlapsOf(renderDiagramSvg(drawn.structure, drawn.state, { width: 1920, focus: true }))).toEqual([]);
  }, 60_000);

  it('a generated 5-organization model, kernel and hypervisor failed, complete and focus layouts', async () => {
    const { drawn } = drawGeneratedFive();
    for (const options of [{}, { width: 1920, focus: true }]) {
      const svg = renderDiagramSvg(drawn.structure, drawn.state, options);
      // The path must be drawn for the test to mean anything.
      expect(svg).toContain('class="badge"');
      expect(await overlapsOf(svg)).toEqual([]);
    }
  }, 60_000);
});
