// Reads every SOURCE of `indepth import` into one inventory: it decides by a file's shape which
// reader applies (ARM resource JSON, ARM template, `terraform show -json`, Terraform configuration).
// The only file-system access of the importer.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { readTextFile } from '../model/read-text-file.js';
import { emptyInventory, mergeInventory, type Inventory } from './inventory.js';
import { readArmJson } from './read/arm-json.js';
import { isRecord } from './read/arm-resource.js';
import { readArmTemplate } from './read/arm-template.js';
import { readAzure, type ResourceGraph } from './read/azure-live.js';
import { readJsonDocument, type PositionedDocument } from './read/json-document.js';
import { readTerraform, type TerraformFile } from './read/terraform.js';
import { readTerraformShow } from './read/terraform-show.js';

export interface SourceOptions {
  /** `-var NAME=VALUE` values for Terraform. */
  readonly vars: Readonly<Record<string, string>>;
  /** Extra Terraform variable files. */
  readonly varFiles: readonly string[];
  /** ARM template parameter files. */
  readonly parameterFiles: readonly string[];
  /** Live Azure, read when a source is `azure` (and no file of that name exists). */
  readonly azure?: { readonly graph: ResourceGraph; readonly subscriptions: readonly string[] };
}

/** The source name that means "read live Azure". */
export const AZURE_SOURCE = 'azure';

const TFVARS = /\.tfvars(\.json|\.sample)?$/;

export async function readSources(sources: readonly string[], options: SourceOptions): Promise<Inventory> {
  const inventory = emptyInventory();
  const tfFiles: TerraformFile[] = [];
  const varFiles: TerraformFile[] = [];
  const templates: { file: string; document: PositionedDocument }[] = [];
  const parameters: { file: string; document: PositionedDocument }[] = [];
  const readText = (file: string): string | null => {
    const read = readTextFile(file, 'input');
    if (read.ok) return read.text;
    inventory.issues.push(...read.issues);
    return null;
  };
  const addFile = (file: string, fromDirectory: boolean): void => {
    if (file.endsWith('.tf')) {
      const text = readText(file);
      if (text !== null) tfFiles.push({ file, text });
    } else if (TFVARS.test(file)) {
      const text = readText(file);
      if (text !== null) varFiles.push({ file, text });
    } else if (extname(file) === '.json' || !fromDirectory) {
      const text = readText(file);
      if (text === null) return;
      const parsed = readJsonDocument(text, file);
      if (!parsed.ok) {
        inventory.issues.push(...parsed.issues);
        return;
      }
      const value = parsed.document.value;
      if (isTemplate(value)) templates.push({ file, document: parsed.document });
      else if (isParameters(value)) parameters.push({ file, document: parsed.document });
      else if (isTerraformShow(value)) mergeInventory(inventory, readTerraformShow(parsed.document, file));
      else mergeInventory(inventory, readArmJson(parsed.document, file));
    }
  };
  for (const source of sources) {
    if (source === AZURE_SOURCE && options.azure !== undefined && !existsSync(source)) {
      mergeInventory(inventory, await readAzure(options.azure.graph, options.azure.subscriptions));
      continue;
    }
    let isDirectory = false;
    try {
      isDirectory = statSync(source).isDirectory();
    } catch {
      inventory.issues.push({ location: { file: source, line: 1, column: 1 }, message: 'cannot read input: no such file or directory' });
      continue;
    }
    if (!isDirectory) {
      addFile(source, false);
      continue;
    }
    const names = readdirSync(source).sort();
    const tf = names.filter((n) => n.endsWith('.tf'));
    if (tf.length > 0) {
      for (const name of tf) addFile(join(source, name), true);
      const auto = names.filter((n) => n === 'terraform.tfvars' || n === 'terraform.tfvars.json' || /\.auto\.tfvars(\.json)?$/.test(n));
      const chosen = auto.length > 0 ? auto : names.filter((n) => n === 'terraform.tfvars.sample');
      for (const name of chosen) addFile(join(source, name), true);
      if (auto.length === 0 && chosen.length > 0) {
        inventory.assumptions.push({ subject: null, message: `no terraform.tfvars in ${source}: variable values taken from its terraform.tfvars.sample` });
      }
    } else {
      for (const name of names) if (extname(name) === '.json') addFile(join(source, name), true);
    }
  }
  for (const file of options.varFiles) {
    const text = readText(file);
    if (text !== null) varFiles.push({ file, text });
  }
  for (const file of options.parameterFiles) {
    const text = readText(file);
    if (text === null) continue;
    const parsed = readJsonDocument(text, file);
    if (parsed.ok) parameters.push({ file, document: parsed.document });
    else inventory.issues.push(...parsed.issues);
  }
  if (tfFiles.length > 0) mergeInventory(inventory, await readTerraform(tfFiles, varFiles, options.vars));
  else if (varFiles.length > 0) inventory.issues.push({ location: { file: varFiles[0]?.file ?? '', line: 1, column: 1 }, message: 'a Terraform variable file was given without any .tf configuration' });
  for (const template of templates) mergeInventory(inventory, readArmTemplate(template.document, template.file, parameters.map((p) => p.document)));
  return inventory;
}

function isTemplate(value: unknown): boolean {
  return isRecord(value) && (String(value['$schema'] ?? '').includes('deploymentTemplate') || (Array.isArray(value['resources']) || isRecord(value['resources'])) && 'contentVersion' in value);
}

function isParameters(value: unknown): boolean {
  return isRecord(value) && String(value['$schema'] ?? '').includes('deploymentParameters');
}

function isTerraformShow(value: unknown): boolean {
  return isRecord(value) && 'format_version' in value && ('values' in value || 'planned_values' in value);
}

export function sourceLabel(source: string): string {
  return basename(source.replace(/\/+$/, '')) || source;
}
