// `indepth recommend SPEC [-o model.yaml] [--json]`: the guide's topology for a set of organizations.

import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../model/issues.js';
import { recommend } from '../../recommend/recommend.js';
import { loadSpecFile } from '../../recommend/spec.js';
import { toJson } from '../../report/json.js';
import { formatRecommendation } from '../../report/recommend-text.js';
import { CliError, type CliIo } from '../io.js';

interface RecommendOptions {
  output?: string;
  json?: boolean;
}

export function registerRecommend(program: Command, io: CliIo): void {
  program
    .command('recommend')
    .description('recommend a topology per the guide\u2019s table from organizations, trust and admin needs; verify it and weigh the alternatives')
    .argument('<spec>', 'spec file: organizations with `users`, `admins` and `trusts` (docs/risk.md)')
    .option('-o, --output <file>', 'write the recommended model here (default: stdout, with the report on stderr)')
    .option('--json', 'the report as JSON (with the model text in `yaml`)')
    .addHelpText('after', '\nExample:\n  indepth recommend hosting.yaml -o hosting-model.yaml')
    .action((file: string, options: RecommendOptions) => {
      const parsed = loadSpecFile(file);
      if (!parsed.ok) throw new InputError(parsed.issues);
      const outcome = recommend(parsed.spec, file);
      if (!outcome.ok) {
        throw new InputError(outcome.problems.map((p) => ({ location: parsed.locate(p.organization ?? ''), message: p.message })));
      }
      const { recommendation } = outcome;
      if (options.output !== undefined) writeFileSync(options.output, recommendation.yaml);
      const report = options.json === true ? toJson(recommendation) : formatRecommendation(recommendation, options.output ?? null);
      if (options.output !== undefined || options.json === true) io.out(report);
      else {
        io.out(recommendation.yaml);
        io.err(report);
      }
      if (!recommendation.passed) throw new CliError('the recommended model fails its own verification (see the checks above); please report it with the spec');
    });
}
