// `indepth view MODEL [MODEL2] -o out.html [--scenario FILE] [--from ID] [--fail SPEC…] [--control NAME=on|off]… [--png out.png] [--quiet]`: one
// self-contained HTML file (engine bundled in, data embedded, no network) to explore what-ifs by
// clicking; with two models, side by side (shared vs separated). The page is streamed to the file.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { resolveFailures } from '../../engine/scenario.js';
import { hasFoothold, type PackedViewerModel, type ViewerPayload } from '../../report/diagram-viewer-data.js';
import { packViewerModel } from '../../report/diagram-viewer-pack.js';
import { viewerHtmlChunks } from '../../../viz/viewer/page.js';
import { CliError, type CliIo } from '../io.js';
import { checkOutputPath, writeOutput } from '../output.js';
import { loadModel } from '../load.js';
import { quietOption } from '../options.js';
import { addWhatIfFlags, questionError, questionFromFlags, type WhatIfFlags } from '../what-if-flags.js';
import type { QuestionProblem } from '../../analyze/what-if.js';
import { terminalSafe } from '../../domain/terminal-safe.js';
import { screenshot } from './diagram.js';

interface ViewOptions extends WhatIfFlags {
  output: string;
  png?: string;
  quiet?: boolean;
}

export function registerView(program: Command, io: CliIo): void {
  const command = program
    .command('view')
    .description('interactive what-if viewer: one self-contained HTML file (the engine bundled in, no network); two models side by side')
    .argument('<model>', 'model file')
    .argument('[model2]', 'a second model to compare (e.g. the separated variant)')
    .requiredOption('-o, --output <file>', 'write the HTML here');
  addWhatIfFlags(command, 'scenario the page opens on: its foothold, failures and control toggles; flags add to it')
    .option('--png <file>', 'also write a screenshot of the page (the name must end in .png), rendered by headless Chromium')
    .addOption(quietOption('no note on stderr of the file written'))
    .addHelpText(
      'after',
      [
        '',
        'The page opens on one foothold (--from; default: the first organization\u2019s standard users) with the --fail boundaries failed; both can be changed by clicking.',
        '',
        'Examples:',
        '  indepth view models/cross-org-shared.yaml models/cross-org-separated.yaml -o compare.html --from mallory --fail kernel',
        '  indepth view models/cross-org-shared.yaml --scenario scenarios/kernel-0day.yaml -o kernel.html --png kernel.png',
      ].join('\n'),
    )
    .action(async (file: string, file2: string | undefined, options: ViewOptions) => {
      const inputs = [file, ...(file2 === undefined ? [] : [file2]), ...(options.scenario === undefined ? [] : [options.scenario])];
      checkOutputPath(options.output, { option: '-o', inputs, writes: { format: 'HTML', extensions: ['.html', '.htm'] } });
      if (options.png !== undefined) checkOutputPath(options.png, { option: '--png', inputs, extensions: ['.png'] });
      const { question, scenario, problems: toggleProblems } = questionFromFlags(options);
      const flagProblems = [...toggleProblems];
      if (question.from.length > 1) {
        flagProblems.push(`--from: the page opens on one foothold, got ${question.from.length} (${question.from.join(', ')}); give one (the others can be picked in the page)`);
      }
      if (flagProblems.length > 0) throw new CliError(flagProblems.join('\nindepth: '));
      // One model in memory at a time: each is loaded, checked against the flags and packed, then let go.
      const from = question.from[0] ?? null;
      const failKnown = question.fail.map(() => false);
      let fromKnown = false;
      const models: PackedViewerModel[] = [];
      for (const f of [file, ...(file2 === undefined ? [] : [file2])]) {
        const { prepared } = loadModel(f);
        question.fail.forEach((spec, index) => (failKnown[index] ||= resolveFailures(prepared.compiled, [spec]).ok));
        fromKnown ||= from !== null && hasFoothold(prepared, from);
        models.push(packViewerModel(prepared));
      }
      const problems: QuestionProblem[] = [];
      question.fail.forEach((spec, index) => {
        if (!failKnown[index]) {
          problems.push({ field: 'fail', index, message: `unknown boundary failure \`${spec}\`; use a boundary type, an instance like \`kernel@pool1-vm1\`, or a group like \`build:…\`` });
        }
      });
      if (from !== null && !fromKnown) {
        problems.push({ field: 'from', index: 0, message: `no foothold \`${from}\` in ${models.map((m) => m.name).join(' or ')}; use a user, an organization, internet or web` });
      }
      if (problems.length > 0) throw questionError(problems, scenario);
      const payload: ViewerPayload = { models, initial: { from, fail: question.fail, controls: question.controls } };
      let bytes = 0;
      const counted = function* (chunks: Iterable<string>): Generator<string> {
        for (const chunk of chunks) {
          bytes += Buffer.byteLength(chunk, 'utf8');
          yield chunk;
        }
      };
      writeOutput(io, options.output, counted(viewerHtmlChunks({ title: `indepth — ${models.map((m) => m.name).join(' vs ')}`, payload, bundle: await viewerBundle() })));
      if (options.quiet !== true) io.err(`wrote ${terminalSafe(options.output)} (${Math.round(bytes / 1024)} KiB, self-contained)\n`);
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
