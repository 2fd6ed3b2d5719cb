// `indepth export MODEL --format opengraph|dot|mermaid [--scenario FILE | --from ID… --fail SPEC…]
// [--control NAME=on|off]… [--only-reached] [-o FILE]`: the graph for BloodHound or for docs.

import type { Command } from 'commander';
import { exportGraph } from '../../export/export-graph.js';
import { EXPORT_FORMATS, isExportFormat } from '../../export/formats.js';
import { CliError, type CliIo } from '../io.js';
import { loadModel, loadScenario } from '../load.js';
import { collect, parseControlToggles } from '../options.js';
import { writeReport } from './check.js';
import { questionError } from './simulate.js';

interface ExportOptions {
  format: string;
  scenario?: string;
  from: string[];
  fail: string[];
  control: string[];
  onlyReached?: boolean;
  output?: string;
}

export function registerExport(program: Command, io: CliIo): void {
  program
    .command('export')
    .description('export the deployment graph for BloodHound (OpenGraph JSON) or for docs (Graphviz DOT, Mermaid), optionally marking what a scenario reaches')
    .argument('<model>', 'model file')
    .requiredOption('--format <format>', `output format: ${Object.keys(EXPORT_FORMATS).join(', ')}`)
    .option('-s, --scenario <file>', 'scenario whose reached nodes and failed boundaries to mark; flags add to it')
    .option('-f, --from <id>', 'foothold to mark from: node id, user group, or organization; repeatable', collect, [])
    .option('--fail <spec>', 'failed boundary: type, instance, group or type@group; repeatable', collect, [])
    .option('--control <name=on|off>', 'turn a control on or off; repeatable', collect, [])
    .option('--only-reached', 'keep only the reached nodes and the attack edges between them (needs a scenario or --from)')
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
      const toggles = parseControlToggles(options.control);
      problems.push(...toggles.problems);
      const scenario = options.scenario === undefined ? undefined : loadScenario(options.scenario);
      const from = [...(scenario?.from ?? []), ...options.from];
      const fail = [...(scenario?.fail ?? []), ...options.fail];
      const asked = scenario !== undefined || from.length > 0 || fail.length > 0 || options.control.length > 0;
      if (asked && from.length === 0) problems.push('--fail and --control mark a scenario: give a foothold with --from (or a --scenario with `from`)');
      if (options.onlyReached === true && !asked) problems.push('--only-reached needs a scenario: give --from or --scenario');
      if (problems.length > 0 || !isExportFormat(options.format)) throw new CliError(problems.join('\nindepth: '));

      const loaded = loadModel(file);
      const question = asked ? { name: scenario?.name ?? 'what-if', from, fail, controls: { ...(scenario?.controls ?? {}), ...toggles.values } } : null;
      const outcome = exportGraph(loaded.prepared, loaded.locations, question, { onlyReached: options.onlyReached === true });
      if (!outcome.ok) throw questionError(outcome.problems, scenario);
      writeReport(io, options.output, EXPORT_FORMATS[options.format](outcome.graph), 1);
    });
}
