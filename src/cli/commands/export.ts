// `indepth export MODEL --format opengraph|dot|mermaid [--scenario FILE | --from ID… --fail SPEC…]
// [--control NAME=on|off]… [--only-reached] [--full] [-o FILE]`: the graph for BloodHound or for docs
// (DOT and Mermaid with the members of each user entry as one node, unless --full).

import type { Command } from 'commander';
import { collapseGroups } from '../../export/collapse-groups.js';
import { exportGraph } from '../../export/export-graph.js';
import { EXPORT_FORMATS, isExportFormat } from '../../export/formats.js';
import { CliError, type CliIo } from '../io.js';
import { loadModel } from '../load.js';
import { addWhatIfFlags, questionError, questionFromFlags, type WhatIfFlags } from '../what-if-flags.js';
import { writeReport } from './check.js';

interface ExportOptions extends WhatIfFlags {
  format: string;
  onlyReached?: boolean;
  full?: boolean;
  output?: string;
}

export function registerExport(program: Command, io: CliIo): void {
  const command = program
    .command('export')
    .description('export the deployment graph for BloodHound (OpenGraph JSON) or for docs (Graphviz DOT, Mermaid), optionally marking what a scenario reaches')
    .argument('<model>', 'model file')
    .requiredOption('--format <format>', `output format: ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  addWhatIfFlags(command, 'scenario whose reached nodes and failed boundaries to mark; flags add to it')
    .option('--only-reached', 'keep only the reached nodes and the attack edges between them (needs a scenario or --from)')
    .option('--full', 'dot and mermaid: one node per member of a user entry (default: each entry’s members drawn as one node per role, as in the diagram)')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  indepth export models/cross-org-shared.yaml --format opengraph --scenario scenarios/kernel-0day.yaml -o shared.json',
        '  indepth export models/cross-org-shared.yaml --format mermaid --from mallory --fail kernel --only-reached',
        '  indepth export models/cross-org-separated.yaml --format dot | dot -Tsvg > separated.svg',
      ].join('\n'),
    )
    .action((file: string, options: ExportOptions) => {
      const problems: string[] = [];
      if (!isExportFormat(options.format)) {
        problems.push(`--format: expected one of ${Object.keys(EXPORT_FORMATS).join(', ')}, got \`${options.format}\``);
      }
      const { question, scenario, asked, problems: flagProblems } = questionFromFlags(options);
      problems.push(...flagProblems);
      if (asked && question.from.length === 0) problems.push('--fail and --control mark a scenario: give a foothold with --from (or a --scenario with `from`)');
      if (options.onlyReached === true && !asked) problems.push('--only-reached needs a scenario: give --from or --scenario');
      if (problems.length > 0 || !isExportFormat(options.format)) throw new CliError(problems.join('\nindepth: '));

      const loaded = loadModel(file);
      const outcome = exportGraph(loaded.prepared, loaded.locations, asked ? question : null, { onlyReached: options.onlyReached === true });
      if (!outcome.ok) throw questionError(outcome.problems, scenario);
      // BloodHound gets every node; the formats people read get one node per group unless --full.
      const graph = options.format === 'opengraph' || options.full === true ? outcome.graph : collapseGroups(outcome.graph);
      writeReport(io, options.output, EXPORT_FORMATS[options.format](graph), 1);
    });
}
