// `indepth validate MODEL…`: load each model, derive its graph, report every problem at once.

import type { Command } from 'commander';
import { InputError, formatIssue } from '../../model/issues.js';
import type { CliIo } from '../io.js';
import { loadModel } from '../load.js';
import { printText } from '../output.js';

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check model files: schema, references, and the derived graph; prints every problem as file:line:col')
    .argument('<models...>', 'model files (.yaml, .yml or .json)')
    .addHelpText('after', '\nExamples:\n  indepth validate models/cross-org-shared.yaml models/cross-org-separated.yaml\n  indepth validate examples/broken.yaml   # every problem, as file:line:col')
    .action((files: string[]) => {
      let failed = false;
      for (const file of files) {
        try {
          // The compiled form is the whole derived graph: validating costs what preparing for `depth` does.
          const { compiled } = loadModel(file).prepared;
          printText(io, `${file}: ok (${compiled.nodeCount} nodes, ${compiled.edgeCount} edges)\n`);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          failed = true;
          io.err(error.issues.map((i) => `${formatIssue(i)}\n`).join(''));
        }
      }
      if (failed) throw new InputError([]);
    });
}
