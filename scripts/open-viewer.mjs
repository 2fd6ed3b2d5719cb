#!/usr/bin/env node
// Opens a page written by `indepth view` in Debian's headless Chromium (playwright-core), waits until it
// is ready, fails one boundary type for the first model, and prints the times, the page's counts and
// every console error: the by-hand check of a large model's page (bench/README.md, `view` at 1M).
//
//   node scripts/open-viewer.mjs view.html [--fail kernel] [--png page.png]

import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { fail: { type: 'string', default: 'kernel' }, png: { type: 'string' } } });
if (positionals.length !== 1) {
  process.stderr.write('usage: node scripts/open-viewer.mjs view.html [--fail TYPE] [--png out.png]\n');
  process.exit(2);
}
const seconds = (from) => ((performance.now() - from) / 1000).toFixed(1);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  const problems = [];
  page.on('console', (m) => void (['error', 'warning'].includes(m.type()) && problems.push(`${m.type()}: ${m.text()}`)));
  page.on('pageerror', (e) => void problems.push(`pageerror: ${e.message}`));
  const requests = [];
  page.on('request', (r) => void requests.push(r.url()));
  const hour = 3_600_000;
  const start = performance.now();
  await page.goto(pathToFileURL(positionals[0]).href, { timeout: hour });
  await page.waitForSelector('body[data-ready]', { timeout: hour });
  const state = await page.getAttribute('body', 'data-ready');
  console.log(`ready (${state}) ${seconds(start)} s after opening`);
  if (state !== 'true') throw new Error(await page.locator('#panels').textContent());
  const counts = async () => `${await page.locator('[data-testid="reached-0"]').textContent()} nodes reached; ${await page.locator('[data-testid="headline-0"]').textContent()}`;
  console.log(`foothold ${await page.locator('#foothold').inputValue()}: ${await counts()}`);
  const toggled = performance.now();
  // The page recomputes and redraws inside the checkbox's change handler: done when the click returns.
  await page.check(`input[data-type="${values.fail}"]`, { timeout: hour });
  console.log(`--fail ${values.fail}: ${seconds(toggled)} s; ${await counts()}`);
  const heap = await page.evaluate(() => globalThis.performance.memory?.usedJSHeapSize ?? null);
  if (heap !== null) console.log(`JS heap in use: ${Math.round(heap / 1e6)} MB`);
  if (values.png !== undefined) await page.screenshot({ path: values.png });
  console.log(`requests: ${requests.length} (the page itself); console errors: ${problems.length === 0 ? 'none' : `\n${problems.join('\n')}`}`);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await browser.close();
}
