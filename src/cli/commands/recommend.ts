// `indepth recommend SPEC [-o model.yaml] [--policy-out policy.yaml] [--json]`: the guide's topology for a
// set of organizations, and optionally a policy file declaring its trust groups for `indepth check`.

import type { Command } from 'commander';
import { InputError } from '../../model/issues.js';
import { recommend, trustPolicyYaml } from '../../recommend/recommend.js';
import { loadSpecFile } from '../../recommend/spec.js';
import { formatRecommendation } from '../../report/recommend-text.js';
import { checkOutputPath, printJson, printText, writeOutput } from '../output.js';
import { terminalSafe } from '../../domain/terminal-safe.js';
import { CliError, EXIT_CANNOT_WRITE, type CliIo } from '../io.js';
import { quietOption } from '../options.js';

interface RecommendOptions {
  output?: string;
  policyOut?: string;
  json?: boolean;
  quiet?: boolean;
}

export function registerRecommend(program: Command, io: CliIo): void {
  program
    .command('recommend')
    .description('recommend a topology per the guide\u2019s table from organizations, trust and admin needs; verify it and weigh the alternatives')
    .argument('<spec>', 'spec file: organizations with `users`, `admins` and `trusts` (docs/risk.md)')
    .option('-o, --output <file>', 'write the recommended model here (default: stdout, with the report on stderr)')
    .option(
      '--policy-out <file>',
      'also write a policy file declaring the spec\u2019s trust groups (`trusted`), for `indepth check MODEL --policy FILE`',
    )
    .option('--json', 'the report as JSON (with the model text in `yaml`)')
    .addOption(quietOption('without -o: the model on standard output and no report on stderr'))
    .addHelpText(
      'after',
      [
        '',
        'Organizations that trust each other share a pool, tenant and subscription in the recommended model, which',
        '`indepth check` flags unless told of the trust: --policy-out writes the policy file that tells it.',
        '',
        'Examples:',
        '  indepth recommend hosting.yaml -o hosting-model.yaml',
        '  indepth recommend hosting.yaml -o hosting-model.yaml --policy-out hosting-policy.yaml',
        '  indepth check hosting-model.yaml --policy hosting-policy.yaml',
      ].join('\n'),
    )
    .action((file: string, options: RecommendOptions) => {
      for (const [option, path] of [['-o', options.output], ['--policy-out', options.policyOut]] as const) {
        if (path !== undefined) checkOutputPath(path, { option, inputs: [file] });
      }
      if (options.output !== undefined && options.output === options.policyOut) {
        throw new CliError('-o and --policy-out name the same file; give each its own', EXIT_CANNOT_WRITE);
      }
      const parsed = loadSpecFile(file);
      if (!parsed.ok) throw new InputError(parsed.issues);
      const outcome = recommend(parsed.spec, file);
      if (!outcome.ok) {
        throw new InputError(outcome.problems.map((p) => ({ location: parsed.locate(p.organization ?? ''), message: p.message })));
      }
      const { recommendation } = outcome;
      if (options.output !== undefined) writeOutput(io, options.output, [recommendation.yaml]);
      if (options.policyOut !== undefined) writeOutput(io, options.policyOut, [trustPolicyYaml(recommendation, file)]);
      const report = formatRecommendation(recommendation, options.output ?? null, options.policyOut ?? null);
      if (options.json === true) printJson(io, recommendation);
      else if (options.output !== undefined) printText(io, report);
      else {
        io.out(recommendation.yaml);
        if (options.quiet !== true || !recommendation.passed) io.err(terminalSafe(report));
      }
      if (!recommendation.passed) throw new CliError('the recommended model fails its own verification (see the checks above); please report it with the spec');
    });
}
