// `indepth report` of the bundled shared/separated pair in its three formats, from one structure:
// Markdown with SVG images beside it and Mermaid, self-contained HTML opened in headless Chromium
// (six sections in order, both blast-radius figures drawn, nothing fetched, no console error), and a
// PDF printed by Chromium. The leakage cells are the ones the README's `depth` and `compare` show.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { runCli } from '../../src/cli/run.js';
import { HAVE_CHROMIUM, launchChromium } from './browser-support.js';
import { ROOT } from './support.js';

const PAIR = [`${ROOT}models/cross-org-shared.yaml`, `${ROOT}models/cross-org-separated.yaml`];
const SECTIONS = ['The deployment', 'Cross-organization leakage', 'Blast radius', 'Defense depth per organization', 'What the guide recommends', 'Risk and cost'];

async function report(out: string, extra: string[] = []): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await runCli(['report', ...PAIR, ...extra, '-o', out], { out: () => {}, err: (t) => void (err += t), errIsTty: false });
  return { code, err };
}

describe('indepth report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'indepth-report-'));

  it('writes Markdown with the six sections, SVG files beside it and a Mermaid block', async () => {
    const out = join(dir, 'review.md');
    expect((await report(out)).code).toBe(0);
    const md = readFileSync(out, 'utf8');
    const headings = [...md.matchAll(/^## \d+\. (.*)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(SECTIONS);
    // Worst single failure: a kernel 0-day from fabrikam reaches all 14 contoso stores on the shared model.
    expect(md).toContain('worst single failure (kernel from fabrikam)');
    for (const name of ['blast-cross-org-shared', 'blast-cross-org-separated']) {
      expect(md).toContain(`](review-files/${name}.svg)`);
      expect(readFileSync(join(dir, 'review-files', `${name}.svg`), 'utf8')).toMatch(/^<\?xml/);
    }
    expect(md).toContain('```mermaid\nflowchart LR');
    // Leakage cells as hand-checked in the README: depth 1 shared, {kernel, vm} separated.
    expect(md).toMatch(/\| fabrikam \| 2: \{kernel, vm\} \| \(own\) \|/);
    expect(md).toMatch(/\| fabrikam \| 1: \{kernel\} or \{process\} or \{session\}/);
    // Same input, same bytes.
    const again = join(mkdtempSync(join(tmpdir(), 'indepth-report-')), 'review.md');
    await report(again);
    expect(readFileSync(again, 'utf8')).toBe(md);
  }, 120_000);

  it('refuses an output name that picks no format', async () => {
    const run = await report(join(dir, 'review.docx'));
    expect(run.code).toBe(1);
    expect(run.err).toContain('-o: the file name must end in .md, .html, .pdf');
  });

  describe.skipIf(!HAVE_CHROMIUM)('HTML and PDF in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('the HTML opens from disk: sections in order, both figures, nothing fetched, no errors', async () => {
      const out = join(dir, 'review.html');
      expect((await report(out)).code).toBe(0);
      const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => void requests.push(r.url()));
      page.on('console', (m) => void (m.type() === 'error' || m.type() === 'warning' ? problems.push(m.text()) : undefined));
      page.on('pageerror', (e) => void problems.push(e.message));
      await page.goto(pathToFileURL(out).href);
      expect(await page.locator('h2').allTextContents()).toEqual(SECTIONS.map((s, i) => `${i + 1}. ${s}`));
      expect(await page.locator('figure svg').count()).toBe(2);
      // The figure scales to the page: no horizontal scrolling.
      const widths = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
        return [d.documentElement.scrollWidth, d.documentElement.clientWidth];
      });
      expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
      expect(await page.locator('.finding').count()).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(out).href]);
      await page.close();
    }, 120_000);

    it('prints a PDF', async () => {
      const out = join(dir, 'review.pdf');
      expect((await report(out)).code).toBe(0);
      expect(existsSync(out)).toBe(true);
      expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    }, 120_000);
  });
});
