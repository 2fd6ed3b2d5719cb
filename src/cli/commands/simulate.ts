// `indepth simulate MODEL [--scenario FILE] [--from ID]… [--fail SPEC]… [--control NAME=on|off]… [--json]`

import type { Command } from 'commander';
import { whatIf } from '../../analyze/what-if.js';
import { formatWhatIf } from '../../report/what-if-text.js';
import { CliError, type CliIo } from '../io.js';
import { printJson, printText } from '../output.js';
import { loadModel } from '../load.js';
import { addWhatIfFlags, NO_FOOTHOLD, questionError, questionFromFlags, type WhatIfFlags } from '../what-if-flags.js';

interface SimulateOptions extends WhatIfFlags {
  json?: boolean;
}

export function registerSimulate(program: Command, io: CliIo): void {
  const command = program
    .command('simulate')
    .description('what-if: what an attacker at the footholds reaches when the given boundaries fail')
    .argument('<model>', 'model file');
  addWhatIfFlags(command)
    .option('--json', 'machine-readable output')
    .addHelpText(
      'after',
      '\nExamples:\n  indepth simulate models/cross-org-shared.yaml --from mallory --fail kernel\n  indepth simulate models/cross-org-shared.yaml --scenario scenarios/kernel-0day.yaml --json',
    )
    .action((file: string, options: SimulateOptions) => {
      const { prepared } = loadModel(file);
      const { question, scenario, problems } = questionFromFlags(options);
      if (question.from.length === 0) throw new CliError([...problems, NO_FOOTHOLD].join('\nindepth: '));
      const outcome = whatIf(prepared, question);
      if (!outcome.ok || problems.length > 0) throw questionError(outcome.ok ? [] : outcome.problems, scenario, problems);
      if (options.json === true) printJson(io, outcome.result);
      else printText(io, formatWhatIf(outcome.result));
    });
}
