// `indepth export MODEL --format opengraph|dot|mermaid [--scenario FILE | --from ID… --fail SPEC…]
// [--control NAME=on|off]… [--only-reached] [--full] [-o FILE] [--split-size SIZE]`: the graph for
// BloodHound or for docs (DOT and Mermaid with the members of each user entry as one node, unless
// --full), streamed; an OpenGraph file larger than BloodHound's upload limit becomes several.

import type { Command } from 'commander';
import { collapseGroups } from '../../export/collapse-groups.js';
import { exportGraph } from '../../export/export-graph.js';
import { EXPORT_FORMATS, isExportFormat } from '../../export/formats.js';
import { BLOODHOUND_UPLOAD_BYTES, openGraphFiles } from '../../export/opengraph.js';
import { CliError, type CliIo } from '../io.js';
import { loadModel } from '../load.js';
import { parseByteSize, quietOption } from '../options.js';
import { checkOutputPath, writeOutput } from '../output.js';
import { addWhatIfFlags, questionError, questionFromFlags, type WhatIfFlags } from '../what-if-flags.js';

interface ExportOptions extends WhatIfFlags {
  format: string;
  onlyReached?: boolean;
  full?: boolean;
  output?: string;
  splitSize: string;
  quiet?: boolean;
}

/** What each format writes, for refusing `-o graph.png` (other names are accepted). */
const EXPORT_FILES: Record<keyof typeof EXPORT_FORMATS, { format: string; extensions: readonly string[] }> = {
  opengraph: { format: 'OpenGraph JSON', extensions: ['.json'] },
  dot: { format: 'Graphviz DOT', extensions: ['.dot', '.gv'] },
  mermaid: { format: 'Mermaid', extensions: ['.mmd', '.mermaid'] },
};

export function registerExport(program: Command, io: CliIo): void {
  const command = program
    .command('export')
    .description('export the deployment graph for BloodHound (OpenGraph JSON) or for docs (Graphviz DOT, Mermaid), optionally marking what a scenario reaches')
    .argument('<model>', 'model file')
    .requiredOption('--format <format>', `output format: ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  addWhatIfFlags(command, 'scenario whose reached nodes and failed boundaries to mark; flags add to it')
    .option('--only-reached', 'keep only the reached nodes and the attack edges between them (needs a scenario or --from)')
    .option('--full', 'dot and mermaid: one node per member of a user entry (default: each entry’s members drawn as one node per role, as in the diagram)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addOption(quietOption('no note on stderr of the files a split wrote'))
    .option('--split-size <size>', 'opengraph with -o: split into files of at most this size (e.g. 500MB), each a valid upload; past it `out.json` becomes out.json, out.2.json, …', '1GB')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  indepth export models/cross-org-shared.yaml --format opengraph --scenario scenarios/kernel-0day.yaml -o shared.json',
        '  indepth export models/cross-org-shared.yaml --format mermaid --from mallory --fail kernel --only-reached',
        '  indepth export models/cross-org-separated.yaml --format dot | dot -Tsvg > separated.svg',
        '',
        `BloodHound CE's File Ingest takes files up to 1 GB; a larger OpenGraph export is split at --split-size (default 1GB = ${BLOODHOUND_UPLOAD_BYTES} bytes) into files to upload together.`,
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
      const splitSize = parseByteSize('--split-size', options.splitSize, problems);
      if (problems.length > 0 || !isExportFormat(options.format)) throw new CliError(problems.join('\nindepth: '));
      if (options.output !== undefined) checkOutputPath(options.output, { option: '-o', inputs: [file, ...(options.scenario === undefined ? [] : [options.scenario])], writes: EXPORT_FILES[options.format] });

      const loaded = loadModel(file);
      const outcome = exportGraph(loaded.prepared, loaded.locations, asked ? question : null, { onlyReached: options.onlyReached === true });
      if (!outcome.ok) throw questionError(outcome.problems, scenario);
      // BloodHound gets every node; the formats people read get one node per group unless --full.
      const graph = options.format === 'opengraph' || options.full === true ? outcome.graph : collapseGroups(outcome.graph);
      if (options.format !== 'opengraph' || options.output === undefined) {
        writeOutput(io, options.output, EXPORT_FORMATS[options.format](graph));
        return;
      }
      const written: string[] = [];
      for (const part of openGraphFiles(graph, splitSize)) {
        const name = written.length === 0 ? options.output : partName(options.output, written.length + 1);
        if (written.length > 0) checkOutputPath(name, { option: '-o', inputs: [file] });
        writeOutput(io, name, part);
        written.push(name);
      }
      if (written.length > 1 && options.quiet !== true) {
        io.err(`wrote ${written.length} files of at most ${options.splitSize} each (upload them together): ${written.join(', ')}\n`);
      }
    });
}

/** `shared.json`, part 2 → `shared.2.json`. */
export function partName(file: string, part: number): string {
  const dot = file.lastIndexOf('.');
  const slash = file.lastIndexOf('/');
  return dot > slash + 1 ? `${file.slice(0, dot)}.${part}${file.slice(dot)}` : `${file}.${part}`;
}
