// `indepth import SOURCE… [-o model.yaml]`: Terraform, ARM templates and ARM resource JSON in, an
// indepth model out, every assumption written beside what it is about and summarized on stderr.

import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { importDeployment } from '../../import/import.js';
import { sdkResourceGraph } from '../../import/read/azure-live.js';
import { AZURE_SOURCE } from '../../import/read-sources.js';
import { DEFAULT_GROUP_SIZE, type OrgBy } from '../../import/map/context.js';
import type { OrgRule } from '../../import/map/organizations.js';
import { diffModels, formatModelDiff } from '../../import/diff.js';
import { formatAssumptions, formatWarnings } from '../../import/write-yaml.js';
import { importCounts } from '../../import/model-draft.js';
import { formatIssue } from '../../model/issues.js';
import { loadModelFile } from '../../model/load-model.js';
import { readTextFile } from '../../model/read-text-file.js';
import { InputError } from '../../model/issues.js';
import { CliError, type CliIo } from '../io.js';
import { collect, parseIntegerOption, quietOption } from '../options.js';

interface ImportOptions {
  output?: string;
  orgBy: string;
  orgMap?: string;
  groupSize: string;
  var: string[];
  varFile: string[];
  parameters: string[];
  name?: string;
  diff?: string;
  subscription: string[];
  quiet?: boolean;
}

export function registerImport(program: Command, io: CliIo): void {
  program
    .command('import')
    .description('read a deployment (Terraform .tf/.tfvars, `terraform show -json`, ARM templates, ARM REST / Resource Graph JSON) into a model; every assumption is a YAML comment')
    .argument('<sources...>', '`azure` (live, with --subscription), or files or directories: a Terraform directory, .tf/.tfvars files, .json (ARM resources, REST examples, `az graph query` output, ARM templates and parameter files, `terraform show -json`)')
    .option('-o, --output <file>', 'write the model here (default: stdout)')
    .option('--org-by <how>', 'organizations from `subscription`, `resource-group` or `tag:NAME`', 'subscription')
    .option('--org-map <file>', 'YAML/JSON mapping `organizations: {ORG: [glob on resource id | tag:NAME=VALUE, …]}`; overrides --org-by')
    .option('--group-size <n>', 'members assumed in an Entra group whose members the input does not list', String(DEFAULT_GROUP_SIZE))
    .option('--var <name=value>', 'a Terraform variable, as `terraform -var`; repeatable', collect, [])
    .option('--var-file <file>', 'a Terraform .tfvars file; repeatable', collect, [])
    .option('--parameters <file>', 'an ARM template parameters file; repeatable', collect, [])
    .option('--subscription <id>', '`indepth import azure`: a subscription to read through Azure Resource Graph (signs in with DefaultAzureCredential: az login, environment, managed identity); repeatable', collect, [])
    .option('--name <name>', 'model name (default: from the first source)')
    .option('--diff <model>', 'compare with a reviewed model: print what the deployment adds, removes or changes, instead of writing a model')
    .addOption(quietOption('no assumption summary on stderr'))
    .addHelpText(
      'after',
      '\nExamples:\n  indepth import infra/terraform/avd -o avd.yaml\n  indepth import azure --subscription 11111111-2222-3333-4444-555555555555 -o avd.yaml\n  indepth import hostpools.json sessionhosts.json appgroups.json roles.json --org-by tag:customer\n  indepth import --diff reviewed.yaml infra/terraform/avd',
    )
    .action(async (sources: string[], options: ImportOptions) => {
      const problems: string[] = [];
      const groupSize = parseIntegerOption('--group-size', options.groupSize, 1, 10_000_000, problems);
      const vars: Record<string, string> = {};
      for (const v of options.var) {
        const eq = v.indexOf('=');
        if (eq <= 0) problems.push(`--var: expected NAME=VALUE, got \`${v}\``);
        else vars[v.slice(0, eq)] = v.slice(eq + 1);
      }
      let orgBy: OrgBy | null = null;
      if (options.orgMap !== undefined) orgBy = readOrgMap(options.orgMap, problems);
      else if (options.orgBy === 'subscription' || options.orgBy === 'resource-group') orgBy = { kind: options.orgBy };
      else if (/^tag:.+/.test(options.orgBy)) orgBy = { kind: 'tag', tag: options.orgBy.slice(4) };
      else problems.push(`--org-by: expected \`subscription\`, \`resource-group\` or \`tag:NAME\`, got \`${options.orgBy}\``);
      const live = sources.includes(AZURE_SOURCE) && !existsSync(AZURE_SOURCE);
      if (live && options.subscription.length === 0) problems.push('import azure: give at least one --subscription ID');
      if (!live && options.subscription.length > 0) problems.push('--subscription: only with the source `azure` (live Azure)');
      if (problems.length > 0 || orgBy === null) throw new CliError(problems.join('\nindepth: '));
      const azure = live ? { graph: await sdkResourceGraph(), subscriptions: options.subscription } : undefined;

      const name = options.name ?? (sources[0] ?? 'imported').replace(/\/+$/, '').split('/').pop()?.replace(/\.[a-z.]+$/i, '') ?? 'imported';
      const result = await importDeployment(sources, { vars, varFiles: options.varFile, parameterFiles: options.parameters, ...(azure === undefined ? {} : { azure }), orgBy, groupSize, name: name === '' ? 'imported' : name });
      if (result.issues.length > 0) io.err(result.issues.map((i) => `${formatIssue(i)}\n`).join(''));
      if (result.resourceCount === 0 && result.issues.length > 0) throw new CliError('nothing could be read from the input');

      if (options.diff !== undefined) {
        const reviewed = loadModelFile(options.diff);
        if (!reviewed.ok) throw new InputError(reviewed.issues);
        const diff = diffModels(reviewed.model, result.model);
        io.out(formatModelDiff(diff, options.diff));
        if (diff.length > 0) throw new CliError(`${diff.length} difference${diff.length === 1 ? '' : 's'} between ${options.diff} and the deployment`, 1);
        return;
      }
      if (options.output === undefined) io.out(result.yaml);
      else {
        try {
          writeFileSync(options.output, result.yaml);
        } catch (error) {
          throw new CliError(`cannot write ${options.output}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (options.quiet !== true) {
        io.err(`indepth import: ${result.resourceCount} resources read; ${importCounts(result.model)}; ${result.assumptions.filter((a) => a.fact !== true).length} assumptions:\n`);
        io.err(formatAssumptions(result.assumptions));
      }
      io.err(formatWarnings(result.assumptions));
      if (result.issues.length > 0) throw new CliError(`${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} in the input; the model holds the part that could be read`);
    });
}

function readOrgMap(file: string, problems: string[]): OrgBy | null {
  const read = readTextFile(file, 'organization mapping');
  if (!read.ok) {
    problems.push(read.issues.map(formatIssue).join('; '));
    return null;
  }
  let value: unknown;
  try {
    value = parseYaml(read.text);
  } catch (error) {
    problems.push(`${file}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    return null;
  }
  const orgs = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)['organizations'] : undefined;
  if (typeof orgs !== 'object' || orgs === null || Array.isArray(orgs)) {
    problems.push(`${file}: expected \`organizations: {ORG: [pattern, …]}\``);
    return null;
  }
  const rules: OrgRule[] = [];
  for (const [organization, match] of Object.entries(orgs)) {
    const patterns = Array.isArray(match) ? match.map(String) : typeof match === 'string' ? [match] : [];
    if (patterns.length === 0) problems.push(`${file}: organization \`${organization}\` has no patterns`);
    rules.push({ organization, match: patterns });
  }
  return { kind: 'rules', rules };
}
