// `indepth diagram MODEL [--scenario FILE | --from ID… --fail SPEC…] [-o out.svg] [--png out.png]`:
// a static, deterministic blast-radius SVG of one what-if, and optionally a PNG of it rendered by a
// headless Chromium (the only part that needs a browser).

import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { toHop } from '../../analyze/hops.js';
import type { PreparedModel } from '../../analyze/prepared.js';
import { resolveQuestion, type WhatIfQuestion } from '../../analyze/what-if.js';
import { CONTROL_NAMES } from '../../domain/controls.js';
import { reach } from '../../engine/reach.js';
import { controlMask } from '../../engine/scenario.js';
import { buildDiagramState } from '../../report/diagram-state.js';
import { buildDiagramStructure } from '../../report/diagram-structure.js';
import { diagramInputFromReach } from '../../report/diagram-input.js';
import type { DiagramInput, DiagramState, DiagramStructure } from '../../report/diagram-types.js';
import { renderDiagramSvg } from '../../../viz/diagram/render.js';
import { CliError, type CliIo } from '../io.js';
import { checkOutputPath, writeFileChecked, writeOutput } from '../output.js';
import { loadModel, type LoadedModel } from '../load.js';
import { parseIntegerOption } from '../options.js';
import { addWhatIfFlags, NO_FOOTHOLD, questionError, questionFromFlags, type WhatIfFlags } from '../what-if-flags.js';

interface DiagramOptions extends WhatIfFlags {
  output?: string;
  png?: string;
  width?: string;
  full?: boolean;
}

export function registerDiagram(program: Command, io: CliIo): void {
  const command = program
    .command('diagram')
    .description('blast-radius diagram (SVG) of a what-if: containment, reach, failed boundaries and the numbered attack path')
    .argument('<model>', 'model file');
  addWhatIfFlags(command)
    .option('-o, --output <file>', 'write the SVG here (default: standard output)')
    .option('--png <file>', 'also write a PNG (the name must end in .png), rendered by headless Chromium (INDEPTH_CHROMIUM or /usr/bin/chromium)')
    .option('--width <px>', 'width of the drawing (default: 1920 for the focus layout, 1480 with --full)')
    .option('--full', 'draw every organization in full (default: the focus layout — organizations off the attack path collapse to one box each, and the drawing fits 16:9 at the given width)')
    .addHelpText(
      'after',
      '\nExamples:\n  indepth diagram models/cross-org-shared.yaml --scenario scenarios/kernel-0day.yaml -o blast.svg --png blast.png\n  indepth diagram models/cross-org-separated.yaml --from mallory --fail kernel,vm -o separated.svg',
    )
    .action(async (file: string, options: DiagramOptions) => {
      const problems: string[] = [];
      const full = options.full === true;
      const width = parseIntegerOption('--width', options.width ?? (full ? '1480' : '1920'), 640, 10_000, problems);
      const { question, scenario, problems: flagProblems } = questionFromFlags(options);
      problems.push(...flagProblems);
      if (question.from.length === 0) problems.push(NO_FOOTHOLD);
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));
      const inputs = [file, ...(options.scenario === undefined ? [] : [options.scenario])];
      if (options.output !== undefined) checkOutputPath(options.output, { option: '-o', inputs, writes: { format: 'SVG', extensions: ['.svg'] } });
      if (options.png !== undefined) checkOutputPath(options.png, { option: '--png', inputs, extensions: ['.png'] });
      const loaded = loadModel(file);
      const drawn = diagramOf(loaded, question);
      if (!drawn.ok) throw questionError(drawn.problems, scenario);
      const svg = renderDiagramSvg(drawn.structure, drawn.state, { width, focus: !full });
      writeOutput(io, options.output, [svg]);
      if (options.png !== undefined) {
        await screenshot({ html: svgPage(svg) }, options.png, svgSize(svg));
      }
    });
}

export type Drawn =
  | { readonly ok: true; readonly structure: DiagramStructure; readonly state: DiagramState; readonly input: DiagramInput }
  | { readonly ok: false; readonly problems: Parameters<typeof questionError>[0] };

/** Model + question → the diagram's structure and state (the same engine run `simulate` makes). */
export function diagramOf(loaded: LoadedModel, question: WhatIfQuestion): Drawn {
  const { prepared } = loaded;
  const resolution = resolveQuestion(prepared, question);
  if (!resolution.ok) return resolution;
  const { resolved } = resolution;
  const result = reach(prepared.compiled, resolved.sources, { failed: resolved.failed, controls: controlMask(resolved.controls) });
  const input = diagramInputFromReach({
    compiled: prepared.compiled,
    result,
    failed: resolved.failed,
    scenario: question.name,
    from: question.from,
    fail: question.fail,
    controls: Object.fromEntries(CONTROL_NAMES.map((c) => [c, resolved.controls[c]])),
    footholds: resolved.footholds.map((id) => footholdOf(prepared, id)),
    toHop: (hop) => toHop(prepared, hop),
    dataInfo: (id) => {
      const attributes = prepared.nodes[prepared.compiled.nodeIndex.get(id)!]!;
      return { organization: attributes.organization ?? '', classification: attributes.classification ?? 'confidential' };
    },
  });
  const structure = buildDiagramStructure(loaded.model, loaded.deployment, prepared.compiled);
  return { ok: true, structure, state: buildDiagramState(structure, input), input };
}

function footholdOf(prepared: PreparedModel, id: string) {
  const attributes = prepared.nodes[prepared.compiled.nodeIndex.get(id)!]!;
  return { id, label: attributes.label, organization: attributes.organization };
}

function svgPage(svg: string): string {
  const body = svg.replace(/^<\?xml[^>]*>\s*/, '');
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><style>html,body{margin:0;background:#fff}</style></head><body>${body}</body></html>`;
}

function svgSize(svg: string): { width: number; height: number } {
  const width = /<svg[^>]*\swidth="(\d+)"/.exec(svg);
  const height = /<svg[^>]*\sheight="(\d+)"/.exec(svg);
  return { width: width === null ? 1480 : Number(width[1]), height: height === null ? 1000 : Number(height[1]) };
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env.INDEPTH_CHROMIUM ?? DEFAULT_CHROMIUM;
}

type PageSource = { readonly html: string } | { readonly file: string; readonly ready?: string };

/**
 * Renders a page (HTML text, or a file opened by file:// URL) in headless Chromium and writes a PNG:
 * the whole page, or (`fullPage: false`) only the viewport, like the first page of a document.
 * Chromium and playwright-core are optional: without them this fails with an actionable message.
 * Chromium hands the image back and indepth writes it, so a file that cannot be written (a full
 * disk, a read-only file system) is the same one-line OutputError (exit 2) as every other output.
 */
export async function screenshot(page: PageSource, out: string, viewport: { readonly width: number; readonly height: number }, fullPage = true, scale = 2): Promise<void> {
  const image = await inChromium('--png', page, viewport, scale, (tab) => tab.screenshot({ fullPage }));
  writeFileChecked(out, [image]);
}

/** Prints a page to PDF (A4 landscape, backgrounds kept) in headless Chromium; written as `screenshot` writes. */
export async function printPdf(page: PageSource, out: string): Promise<void> {
  const pdf = await inChromium('PDF output', page, { width: 1240, height: 900 }, 1, (tab) =>
    tab.pdf({ format: 'A4', landscape: true, printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } }),
  );
  writeFileChecked(out, [pdf]);
}

async function inChromium<T>(
  what: string,
  page: PageSource,
  viewport: { readonly width: number; readonly height: number },
  deviceScaleFactor: number,
  act: (tab: import('playwright-core').Page) => Promise<T>,
): Promise<T> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new CliError(
      `${what} needs Chromium, and there is none at ${executablePath}: install it (Debian: apt-get install chromium) or set INDEPTH_CHROMIUM to a Chrome/Chromium binary`,
    );
  }
  let playwright: typeof import('playwright-core');
  try {
    playwright = await import('playwright-core');
  } catch {
    throw new CliError(`${what} needs the playwright-core package: npm install playwright-core`);
  }
  const browser = await playwright.chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: viewport.width, height: Math.min(viewport.height, 4000) }, deviceScaleFactor });
    const tab = await context.newPage();
    if ('html' in page) await tab.setContent(page.html, { waitUntil: 'load' });
    else {
      await tab.goto(pathToFileURL(page.file).href, { waitUntil: 'load' });
      if (page.ready !== undefined) await tab.waitForSelector(page.ready, { timeout: 15_000 });
    }
    return await act(tab);
  } finally {
    await browser.close();
  }
}
