// `indepth graph MODEL [--json]`: the rule-derived graph, summarized or dumped whole.

import type { Command } from 'commander';
import { dumpGraph, formatGraphSummary } from '../../report/graph-dump.js';
import type { CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';

export function registerGraph(program: Command, io: CliIo): void {
  program
    .command('graph')
    .description('derive the deployment graph of a model: a summary, or every node and edge with --json')
    .argument('<model>', 'model file')
    .option('--json', 'print every node and edge as JSON (sorted, streamed)')
    .addHelpText('after', '\nExamples:\n  indepth graph models/cross-org-shared.yaml\n  indepth graph models/cross-org-shared.yaml --json > graph.json')
    .action((file: string, options: { json?: boolean }) => {
      const { graph } = loadModel(file);
      if (options.json === true) printJson(io, dumpGraph(graph));
      else printText(io, formatGraphSummary(graph));
    });
}
