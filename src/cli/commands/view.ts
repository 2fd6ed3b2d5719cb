// `indepth view MODEL [MODEL2] -o out.html [--from ID] [--fail SPEC…] [--png out.png]`: one
// self-contained HTML file (engine bundled in, data embedded, no network) to explore what-ifs by
// clicking; with two models, side by side (shared vs separated).

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { resolveFailures } from '../../engine/scenario.js';
import { viewerModel, type ViewerPayload } from '../../report/diagram-viewer-data.js';
import { renderViewerHtml } from '../../../viz/viewer/page.js';
import { CliError, type CliIo } from '../io.js';
import { checkOutputPath, writeOutput } from '../output.js';
import { loadModel } from '../load.js';
import { collect } from '../options.js';
import { screenshot } from './diagram.js';

interface ViewOptions {
  output: string;
  from?: string;
  fail: string[];
  png?: string;
}

export function registerView(program: Command, io: CliIo): void {
  program
    .command('view')
    .description('interactive what-if viewer: one self-contained HTML file (the engine bundled in, no network); two models side by side')
    .argument('<model>', 'model file')
    .argument('[model2]', 'a second model to compare (e.g. the separated variant)')
    .requiredOption('-o, --output <file>', 'write the HTML here')
    .option('-f, --from <id>', 'foothold selected when the page opens (default: the first user)')
    .option('--fail <spec>', 'boundary failed when the page opens: a type, an instance or a group; repeatable', collect, [])
    .option('--png <file>', 'also write a screenshot of the page (the name must end in .png), rendered by headless Chromium')
    .addHelpText(
      'after',
      '\nExample:\n  indepth view models/cross-org-shared.yaml models/cross-org-separated.yaml -o compare.html --from mallory --fail kernel',
    )
    .action(async (file: string, file2: string | undefined, options: ViewOptions) => {
      const inputs = [file, ...(file2 === undefined ? [] : [file2])];
      checkOutputPath(options.output, { option: '-o', inputs });
      if (options.png !== undefined) checkOutputPath(options.png, { option: '--png', inputs, extensions: ['.png'] });
      const loaded = [file, ...(file2 === undefined ? [] : [file2])].map((f) => loadModel(f));
      const unknown = options.fail.filter((spec) => !loaded.some((l) => resolveFailures(l.prepared.compiled, [spec]).ok));
      if (unknown.length > 0) {
        throw new CliError(unknown.map((spec) => `--fail: unknown boundary failure \`${spec}\`; use a boundary type, an instance like \`kernel@pool1-vm1\`, or a group like \`build:…\``).join('\nindepth: '));
      }
      const models = loaded.map((l) => viewerModel(l.prepared));
      const from = options.from ?? null;
      if (from !== null && !models.some((m) => m.footholds.some((f) => f.name === from))) {
        throw new CliError(`--from: no foothold \`${from}\` in ${models.map((m) => m.name).join(' or ')}; use a user, an organization, internet or web`);
      }
      const payload: ViewerPayload = { models, initial: { from, fail: options.fail } };
      const html = renderViewerHtml({ title: `indepth — ${models.map((m) => m.name).join(' vs ')}`, payload, bundle: await viewerBundle() });
      writeOutput(io, options.output, [html]);
      io.err(`wrote ${options.output} (${Math.round(html.length / 1024)} KiB, self-contained)\n`);
      if (options.png !== undefined) {
        await screenshot({ file: resolve(options.output), ready: 'body[data-ready="true"]' }, options.png, { width: models.length > 1 ? 1900 : 1500, height: 1000 });
      }
    });
}

/**
 * The bundled viewer script. The built CLI reads dist/viewer/viewer.js (made by `npm run build`);
 * run from source (tests, ts loaders) it bundles the current sources in memory, so it is never stale.
 */
export async function viewerBundle(): Promise<string> {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    const { bundleViewer } = await import('../../../viz/build-viewer.js');
    return bundleViewer();
  }
  const built = resolve(dirname(here), '../../../viewer/viewer.js');
  if (!existsSync(built)) throw new CliError(`the viewer bundle is missing (${built}): run \`npm run build\``);
  return readFileSync(built, 'utf8');
}
