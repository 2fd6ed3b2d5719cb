// `indepth report MODEL [MODEL2] [--scenario FILE | --from ID… --fail SPEC…] -o review.md|review.html|review.pdf
// [--png page.png]`: the architecture review as one document — Markdown (with SVG images beside it and
// Mermaid), self-contained HTML, or PDF printed from that HTML by headless Chromium.

import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { Command } from 'commander';
import { compareModels } from '../../analyze/compare.js';
import { typesPresent } from '../../analyze/type-subsets.js';
import { whatIf, type WhatIfQuestion } from '../../analyze/what-if.js';
import { collapseGroups } from '../../export/collapse-groups.js';
import { exportGraph } from '../../export/export-graph.js';
import { formatMermaid } from '../../export/mermaid.js';
import { createPolicyContext } from '../../policy/context.js';
import { defaultPolicyConfig } from '../../policy/load-policy.js';
import { runPolicies } from '../../policy/run-policies.js';
import { settingLocations } from '../../policy/setting-locations.js';
import { readTextFile } from '../../model/read-text-file.js';
import { buildReview, type ReviewFigure, type ReviewedModel } from '../../report/review.js';
import { reviewHtml } from '../../report/review-html.js';
import { reviewMarkdown } from '../../report/review-markdown.js';
import { renderDiagramSvg } from '../../../viz/diagram/render.js';
import { CliError, type CliIo } from '../io.js';
import { loadModel, type LoadedModel } from '../load.js';
import { quietOption } from '../options.js';
import { addWhatIfFlags, questionError, questionFromFlags, type WhatIfFlags } from '../what-if-flags.js';
import { diagramOf, printPdf, screenshot } from './diagram.js';

interface ReportOptions extends WhatIfFlags {
  output?: string;
  png?: string;
  quiet?: boolean;
}

const FORMATS = ['.md', '.html', '.pdf'] as const;

export function registerReport(program: Command, io: CliIo): void {
  const command = program
    .command('report')
    .description('architecture review document: the deployment, the leakage matrix, the blast radius of the worst single failure, depth per organization, the guide’s findings with fixes, risk and cost')
    .argument('<model>', 'model file')
    .argument('[second]', 'a second model of the same organizations (e.g. the separated topology), reviewed side by side');
  addWhatIfFlags(command, 'the what-if to draw (default: the single boundary-type failure that leaks the most data across organizations)')
    .requiredOption('-o, --output <file>', 'write the review here; the extension picks the format: .md (with SVG images in <name>-files/), .html (self-contained) or .pdf (Chromium)')
    .option('--png <file>', 'also write an image of the review’s first page (Chromium)')
    .addOption(quietOption('no notes on stderr (what is reviewed, what was written)'))
    .addHelpText(
      'after',
      '\nExamples:\n  indepth report models/cross-org-shared.yaml models/cross-org-separated.yaml -o review.html\n  indepth report models/cross-org-shared.yaml --scenario scenarios/kernel-0day.yaml -o review.pdf',
    )
    .action(async (first: string, second: string | undefined, options: ReportOptions) => {
      const problems: string[] = [];
      const output = options.output!;
      const format = extname(output).toLowerCase();
      if (!(FORMATS as readonly string[]).includes(format)) problems.push(`-o: the file name must end in ${FORMATS.join(', ')} (it picks the format), got \`${output}\``);
      const { question, scenario, asked, problems: flagProblems } = questionFromFlags(options);
      problems.push(...flagProblems);
      if (asked && question.from.length === 0) problems.push('--fail and --control need a foothold: give --from (or a --scenario with `from`)');
      if (problems.length > 0) throw new CliError(problems.join('\nindepth: '));

      const loaded = [first, ...(second === undefined ? [] : [second])].map(loadModel);
      const [a, b] = [loaded[0]!, loaded[1] ?? loaded[0]!];
      if (options.quiet !== true) io.err(`indepth: reviewing ${loaded.map((l) => l.file).join(' and ')}…\n`);
      const compare = compareModels(a.prepared, b.prepared, { fromOrgs: [], order: 2, controls: {} });
      const picked = asked ? question : worstSingleFailure(loaded, compare.attackers);
      const figures: ReviewFigure[] = [];
      if (picked !== null) {
        for (const l of loaded) {
          const drawn = diagramOf(l, picked);
          if (!drawn.ok) throw questionError(drawn.problems, scenario);
          figures.push({
            model: l.model.name,
            name: `blast-${l.model.name}`.replace(/[^A-Za-z0-9._-]/g, '-'),
            caption: `${drawn.state.headline} (${drawn.state.title})`,
            svg: renderDiagramSvg(drawn.structure, drawn.state, { width: 1920, focus: true }),
            mermaid: mermaidOf(l, picked),
          });
        }
      }
      const scenarioNote = picked === null ? 'no single failure leaks' : asked ? `the what-if ${picked.name}` : `the worst single failure (${picked.fail.join(', ')} from ${picked.from.join(', ')})`;
      const review = buildReview({ models: loaded.map(reviewed), compare, figures, scenarioNote });
      const html = reviewHtml(review);
      if (format === '.md') {
        const stem = basename(output, extname(output));
        const { markdown, files } = reviewMarkdown(review, `${stem}-files`);
        for (const [path, svg] of files) {
          mkdirSync(dirname(join(dirname(output), path)), { recursive: true });
          writeFileSync(join(dirname(output), path), svg);
        }
        writeFileSync(output, markdown);
      } else if (format === '.html') writeFileSync(output, html);
      else await printPdf({ html }, output);
      if (options.png !== undefined) await screenshot({ html }, options.png, { width: 1240, height: 1754 }, false, 1);
      if (options.quiet !== true) io.err(`indepth: wrote ${output}${options.png === undefined ? '' : ` and ${options.png}`}\n`);
    });
}

function reviewed(l: LoadedModel): ReviewedModel {
  const text = readTextFile(l.file, 'model');
  const context = createPolicyContext(l.file, l.prepared, l.locations, text.ok ? settingLocations(text.text, l.file) : new Map());
  return {
    file: l.file,
    model: l.model,
    vms: l.deployment.pools.reduce((n, p) => n + p.vms.length, 0),
    users: l.deployment.allMembers.length,
    check: runPolicies(defaultPolicyConfig(), context),
  };
}

/**
 * The (attacker organization, boundary type) whose failure lets that organization's standard users
 * reach the most data of other organizations, summed over the models reviewed; ties go to the first
 * organization, then the first type in the guide's order. Null when no single failure leaks anything.
 */
export function worstSingleFailure(loaded: readonly LoadedModel[], attackers: readonly string[]): WhatIfQuestion | null {
  const types = [...new Set(loaded.flatMap((l) => typesPresent(l.prepared.compiled)))];
  let best: { question: WhatIfQuestion; leaked: number } | null = null;
  for (const attacker of attackers) {
    for (const type of types) {
      const question: WhatIfQuestion = { name: `${type} failure from ${attacker}`, from: [attacker], fail: [type], controls: {} };
      let leaked = 0;
      for (const l of loaded) {
        const outcome = whatIf(l.prepared, question);
        if (outcome.ok) leaked += outcome.result.organizations.filter((o) => o.id !== attacker).reduce((n, o) => n + o.reached.data, 0);
      }
      if (leaked > (best?.leaked ?? 0)) best = { question, leaked };
    }
  }
  return best?.question ?? null;
}

function mermaidOf(l: LoadedModel, question: WhatIfQuestion): string | null {
  const outcome = exportGraph(l.prepared, l.locations, question, { onlyReached: true });
  return outcome.ok ? formatMermaid(collapseGroups(outcome.graph)) : null;
}
