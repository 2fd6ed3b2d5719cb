// The viewer in a real browser: the page generated from cross-org-shared opens from disk in headless
// Chromium; picking mallory and failing `kernel` turns contoso's data reached and changes the counts,
// hovering shows a path, and nothing is fetched and nothing logs an error. Markup in names stays
// text. Skipped (with the reason printed) only where /usr/bin/chromium does not exist.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { DEFAULT_GENERATE, generateModel } from '../../src/generate/generate-model.js';
import { seededRandom } from '../../src/generate/random.js';
import { runCli } from '../../src/cli/run.js';
import { HAVE_CHROMIUM, launchChromium } from './browser-support.js';
import { ROOT } from './support.js';


const ARTIFACTS = join(ROOT, 'test/artifacts');

async function viewHtml(args: string[]): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'indepth-browser-')), 'view.html');
  let err = '';
  const code = await runCli(['view', ...args, '-o', out], { out: () => {}, err: (t) => void (err += t), errIsTty: false });
  if (code !== 0) throw new Error(`view failed: ${err}`);
  return out;
}

interface Watched {
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
  readonly dialogs: string[];
}

describe.skipIf(!HAVE_CHROMIUM)('the viewer in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: string): Promise<Watched> {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const watched: Watched = { page, requests: [], problems: [], dialogs: [] };
    page.on('request', (r) => void watched.requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') watched.problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => void watched.problems.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      watched.dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
    return watched;
  }

  it('mallory + kernel: contoso data turns reached, counts change, no errors, no network', async () => {
    const file = await viewHtml([`${ROOT}models/cross-org-shared.yaml`]);
    const { page, requests, problems } = await open(file);
    // The default attacker is one of interest: the first organization's standard users, not a victim's data owner.
    expect(await page.locator('#foothold').inputValue()).toBe('contoso');
    // Failure sets read as the CLI writes them: contoso's users reach fabrikam's data through any one of these.
    expect(await page.locator('tr[data-store="fabrikam-designs"] td.sets').textContent()).toMatch(/^\{[a-z]+\}( or \{[a-z]+\})+/);

    await page.selectOption('#foothold', 'mallory');
    const contoso = page.locator('[data-testid="count-0-contoso"]');
    const reached = page.locator('[data-testid="reached-0"]');
    await expect.poll(() => contoso.textContent()).toBe('0/14');
    const reachedBefore = Number(await reached.textContent());
    expect(await page.locator('tr[data-store="contoso-finance"]').getAttribute('class')).toBe('');
    expect(await page.locator('g[data-el="data:contoso-finance"]').getAttribute('class')).not.toContain('reached');

    await page.check('input[data-type="kernel"]');
    await expect.poll(() => contoso.textContent()).toBe('14/14');
    expect(Number(await reached.textContent())).toBeGreaterThan(reachedBefore);
    expect(await page.locator('tr[data-store="contoso-finance"]').getAttribute('class')).toBe('reached');
    expect(await page.locator('g[data-el="data:contoso-finance"]').getAttribute('class')).toContain('reached');
    expect(await page.locator('[data-testid="headline-0"]').textContent()).toBe('mallory (fabrikam) reaches 14 contoso data stores through 1 failed kernel boundary');
    // Failing kernel checks every kernel instance, and unchecking one VM's instance is reflected.
    expect(await page.locator('input[data-instance="kernel@shared-pool-vm1"]').isChecked()).toBe(true);

    // Hover: the details panel names the node and lists its path, with the failed kernel step.
    await page.hover('g[data-el="data:contoso-finance"] rect');
    await expect.poll(() => page.locator('#details h3').textContent()).toBe('contoso-finance');
    const steps = await page.locator('#details ol.path li').allTextContents();
    expect(steps[0]).toBe('mallory (foothold)');
    expect(steps.some((s) => s.includes('✗ kernel@shared-pool-vm'))).toBe(true);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-cross-org-shared.png'), fullPage: true });

    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  }, 60_000);

  it('side by side: the separated model keeps contoso unreached under the same kernel 0-day', async () => {
    const file = await viewHtml([`${ROOT}models/cross-org-shared.yaml`, `${ROOT}models/cross-org-separated.yaml`, '--from', 'mallory', '--fail', 'kernel']);
    const { page, requests, problems } = await open(file);
    expect(await page.locator('[data-testid="count-0-contoso"]').textContent()).toBe('14/14');
    expect(await page.locator('[data-testid="count-1-contoso"]').textContent()).toBe('0/14');
    expect(await page.locator('[data-testid="depth-1-contoso-finance"]').textContent()).toBe('2');
    await page.check('input[data-type="vm"]');
    await expect.poll(() => page.locator('[data-testid="count-1-contoso"]').textContent()).toBe('14/14');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'viewer-shared-vs-separated.png'), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  }, 60_000);

  it('zoom and pan per panel: +, wheel, drag, fit; the view survives a toggle; stacked layout enlarges the labels', async () => {
    const file = await viewHtml([`${ROOT}models/cross-org-shared.yaml`, `${ROOT}models/cross-org-separated.yaml`, '--from', 'mallory']);
    const { page, problems } = await open(file);
    const box = (i: number) => page.locator(`#panels section.panel:nth-of-type(${i + 1}) .diagram svg`).getAttribute('viewBox');
    const size = (text: string | null) => text!.split(' ').map(Number);
    const [, , w0, h0] = size(await box(0));
    const [, , w1] = size(await box(1));

    // "+" on the left panel magnifies it by 1.25 about the centre; the right panel is untouched.
    await page.locator('#panels section.panel:nth-of-type(1) button.zoom-in').click();
    expect(await page.locator('[data-testid="zoom-0"]').textContent()).toBe('125%');
    const [x1, y1, w, h] = size(await box(0));
    expect(w).toBeCloseTo(w0! / 1.25, 1);
    expect(h).toBeCloseTo(h0! / 1.25, 1);
    expect(x1).toBeGreaterThan(0);
    expect(size(await box(1))[2]).toBe(w1);

    // Failing kernel re-renders every diagram; the reader's view stays where it was.
    await page.check('input[data-type="kernel"]');
    await expect.poll(() => page.locator('[data-testid="count-0-contoso"]').textContent()).toBe('14/14');
    expect(size(await box(0))).toEqual([x1, y1, w, h]);

    // A drag to the left moves the view to the right (the drawing follows the pointer).
    const svg = page.locator('#panels section.panel:nth-of-type(1) .diagram svg');
    const rect = (await svg.boundingBox())!;
    await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2);
    await page.mouse.down();
    await page.mouse.move(rect.x + rect.width / 2 - 60, rect.y + rect.height / 2, { steps: 4 });
    await page.mouse.up();
    expect(size(await box(0))[0]).toBeGreaterThan(x1!);

    // The wheel zooms about the pointer: at the top-left corner, the corner stays in view.
    await page.locator('#panels section.panel:nth-of-type(1) button.zoom-fit').click();
    expect(await page.locator('[data-testid="zoom-0"]').textContent()).toBe('100%');
    expect(size(await box(0))[2]).toBe(w0);
    await page.mouse.move(rect.x + 1, rect.y + 1);
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => size(await box(0))[2]).toBeLessThan(w0!);
    const [cx, cy] = size(await box(0));
    expect(cx).toBeLessThan(2);
    expect(cy).toBeLessThan(2);

    // One above the other: each diagram gets the full width, so a label is drawn larger than side by side.
    const label = page.locator('#panels section.panel:nth-of-type(2) .diagram svg text').first();
    const sideHeight = (await label.boundingBox())!.height;
    await page.selectOption('#layout', 'stacked');
    await expect.poll(async () => (await label.boundingBox())!.height).toBeGreaterThan(sideHeight * 1.3);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  // A generated deployment (4 organizations, 1,500 users: 12,830 nodes, 2,453 boundary instances,
  // so its instance list is a filter over them) shows the CLI's own answers: `simulate --json` on the
  // same model and scenario gives the nodes reached and each organization's data reached.
  it('a generated deployment: the page’s counts equal `simulate`’s, before and after a toggle; its instances are found by a filter', async () => {
    const model = join(mkdtempSync(join(tmpdir(), 'indepth-browser-')), 'generated.yaml');
    writeFileSync(model, stringify(generateModel({ ...DEFAULT_GENERATE, organizations: 4, users: 1500 }, seededRandom(3)), { aliasDuplicateObjects: false }));
    const file = await viewHtml([model, '--from', 'org1', '--fail', 'kernel', '--fail', 'vm']);
    const { page, requests, problems } = await open(file);
    const expectCli = async (fail: string[]) => {
      let out = '';
      const code = await runCli(['simulate', model, '--from', 'org1', ...fail.flatMap((f) => ['--fail', f]), '--json'], { out: (t) => void (out += t), err: () => {}, errIsTty: false });
      expect(code).toBe(0);
      const cli = JSON.parse(out) as { summary: { reachedNodes: number }; organizations: { id: string; reached: { data: number } }[] };
      await expect.poll(() => page.locator('[data-testid="reached-0"]').textContent()).toBe(String(cli.summary.reachedNodes));
      for (const org of cli.organizations) expect((await page.locator(`[data-testid="count-0-${org.id}"]`).textContent())?.split('/')[0]).toBe(String(org.reached.data));
      return cli;
    };
    const both = await expectCli(['kernel', 'vm']);
    expect(both.organizations.filter((o) => o.id !== 'org1' && o.reached.data > 0)).not.toEqual([]);
    await page.locator('details.instances summary').click();
    // The list is drawn on the <details> element's `toggle` event, which the browser dispatches as a
    // task after the click: wait for it (read at once, the count was 0 in two loaded runs).
    await expect.poll(() => page.locator('input[data-instance]').count()).toBe(500);
    await page.fill('details.instances input.filter', 'vm@');
    const vmInstances = page.locator('input[data-instance^="vm@"]');
    await expect.poll(() => vmInstances.count()).toBeGreaterThan(0);
    expect(await page.locator('input[data-instance]').count()).toBe(await vmInstances.count());
    expect(await vmInstances.first().isChecked()).toBe(true);
    await page.uncheck('input[data-type="vm"]');
    const kernelOnly = await expectCli(['kernel']);
    expect(kernelOnly.summary.reachedNodes).toBeLessThan(both.summary.reachedNodes);
    expect(await vmInstances.first().isChecked()).toBe(false);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  }, 120_000);

  it('renders markup in names as text: no element, no dialog', async () => {
    const file = await viewHtml([`${ROOT}test/viz/fixtures/xss.yaml`, '--from', 'eve', '--fail', 'kernel']);
    const { page, requests, problems, dialogs } = await open(file);
    await page.hover('g[data-el="extra:legacy-app"] rect');
    const found = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number }; body: { textContent: string | null } } }).document;
      return { img: d.querySelectorAll('img').length, injected: d.querySelectorAll('script:not([type]), svg script, [onerror], [onload]').length, text: d.body.textContent ?? '' };
    });
    expect(found.img).toBe(0);
    expect(found.injected).toBe(1); // the viewer's own bundle
    expect(found.text).toContain('<img src=x onerror=alert(1)>');
    expect(found.text).toContain('<script>alert(3)</script>');
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  }, 60_000);
});
