// Terraform configurations: blocks parsed by @cdktf/hcl2json (a maintained HCL parser), variables
// resolved from defaults, *.tfvars and -var, locals, `count` and literal `for_each` expanded, and
// every resource, data source and Azure Verified Module call translated into the inventory.

import { parse } from '@cdktf/hcl2json';
import type { InputIssue } from '../../model/issues.js';
import type { SourceLocation } from '../../model/types.js';
import { emptyInventory, type Inventory } from '../inventory.js';
import { finishTranslation, translatorFor, translatorKey, type Computed, type TerraformInstance } from './azurerm.js';
import { evaluate, type Lookup } from './hcl/evaluate.js';
import { lazyObject } from './hcl/lazy.js';
import { HclSyntaxError, parseTemplate } from './hcl/parse-expression.js';
import { isObject, isUnknown, Unknown, type HclValue } from './hcl/value.js';

export interface TerraformFile {
  readonly file: string;
  readonly text: string;
}

type Json = Record<string, unknown>;
type Block = { readonly kind: 'resource' | 'data' | 'module'; readonly type: string; readonly name: string; readonly body: Json; readonly origin: SourceLocation };

const META = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'providers', 'source', 'version', 'connection', 'provisioner', 'timeouts']);

/** Reads `.tf` files as one configuration (root module). Never throws: syntax errors are positioned issues. */
export async function readTerraform(files: readonly TerraformFile[], varFiles: readonly TerraformFile[], cliVars: Readonly<Record<string, string>>): Promise<Inventory> {
  const inventory = emptyInventory();
  const variables = new Map<string, { body: Json; origin: SourceLocation }>();
  const localExprs = new Map<string, unknown>();
  const providers = new Map<string, Json>();
  const blocks: Block[] = [];
  for (const { file, text } of files) {
    const json = await parseHcl(file, text, inventory.issues);
    if (json === null) continue;
    const at = (pattern: RegExp): SourceLocation => locate(text, file, pattern);
    for (const [name, bodies] of Object.entries(asJson(json['variable']))) {
      variables.set(name, { body: firstBody(bodies), origin: at(new RegExp(`variable\\s+"${escape(name)}"`)) });
    }
    for (const locals of asArray(json['locals'])) for (const [name, value] of Object.entries(asJson(locals))) localExprs.set(name, value);
    for (const [name, bodies] of Object.entries(asJson(json['provider']))) {
      for (const body of asArray(bodies)) {
        const b = asJson(body);
        providers.set(typeof b['alias'] === 'string' ? `${name}.${b['alias']}` : name, b);
      }
    }
    for (const kind of ['resource', 'data'] as const) {
      for (const [type, named] of Object.entries(asJson(json[kind]))) {
        for (const [name, bodies] of Object.entries(asJson(named))) {
          blocks.push({ kind, type, name, body: firstBody(bodies), origin: at(new RegExp(`${kind}\\s+"${escape(type)}"\\s+"${escape(name)}"`)) });
        }
      }
    }
    for (const [name, bodies] of Object.entries(asJson(json['module']))) {
      const body = firstBody(bodies);
      blocks.push({ kind: 'module', type: String(body['source'] ?? ''), name, body, origin: at(new RegExp(`module\\s+"${escape(name)}"`)) });
    }
  }

  // Variable values: defaults, then variable files in order, then -var (Terraform's precedence).
  const values = new Map<string, HclValue>();
  for (const [name, { body }] of variables) if ('default' in body) values.set(name, literal(body['default']));
  for (const { file, text } of varFiles) {
    let parsed: Json | null;
    if (file.endsWith('.json')) {
      try {
        parsed = asJson(JSON.parse(text));
      } catch (error) {
        inventory.issues.push({ location: { file, line: 1, column: 1 }, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
        parsed = null;
      }
    } else parsed = await parseHcl(file, text, inventory.issues);
    for (const [name, value] of Object.entries(parsed ?? {})) {
      if (!variables.has(name)) {
        inventory.assumptions.push({ subject: null, message: `${file} sets \`${name}\`, which no variable block declares: ignored (Terraform warns the same)`, origin: locate(text, file, new RegExp(`^\\s*${escape(name)}\\s*=`, 'm')) });
        continue;
      }
      values.set(name, literal(value));
    }
  }
  for (const [name, value] of Object.entries(cliVars)) values.set(name, cliValue(value));
  const missing = new Set<string>();
  const varObject = lazyObject([...variables.keys()], (name) => {
    const value = values.get(name);
    if (value !== undefined) return value;
    missing.add(name);
    return new Unknown(`variable \`${name}\` has no value (no default, not in a .tfvars file or -var)`, `{var.${name}}`);
  });

  const issues = inventory.issues;
  const evalIn = (raw: unknown, lookup: Lookup, origin: SourceLocation): HclValue => evaluateRaw(raw, lookup, origin, issues);
  const root: Record<string, HclValue> = {};
  const rootLookup: Lookup = (name) => root[name];
  root['var'] = varObject;
  root['local'] = lazyObject([...localExprs.keys()], (name) => evalIn(localExprs.get(name), rootLookup, files[0] === undefined ? { file: '', line: 1, column: 1 } : locate(files[0].text, files[0].file, /locals/)));
  root['path'] = { module: '.', root: '.', cwd: '.' };
  root['terraform'] = { workspace: 'default' };

  const subscriptionOf = (body: Json): string | null => {
    const ref = typeof body['provider'] === 'string' ? body['provider'].replace(/^\$\{|\}$/g, '') : 'azurerm';
    const provider = providers.get(ref);
    const sub = provider === undefined ? undefined : evalIn(provider['subscription_id'], rootLookup, blocks[0]?.origin ?? { file: '', line: 1, column: 1 });
    return typeof sub === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(sub) ? sub : null;
  };

  // Each block's value (what references see) and its instances, computed lazily.
  const translated = new Map<Block, { instances: { inst: TerraformInstance; out: ReturnType<NonNullable<ReturnType<typeof translatorFor>>> | null }[]; value: HclValue }>();
  const unresolved: string[] = [];
  const unreadModules: Block[] = [];
  const valueOf = (block: Block): HclValue => {
    const done = translated.get(block);
    if (done !== undefined) return done.value;
    const key = translatorKey(block.kind, block.type, block.kind === 'module' ? block.type : undefined);
    const translator = translatorFor(key);
    const expand = instancesOf(block, rootLookup, (raw, lookup) => evalIn(raw, lookup, block.origin));
    const instances = expand.keys.map((instanceKey) => {
      const meta: Record<string, HclValue> = expand.kind === 'count' ? { count: { index: instanceKey as number } } : expand.kind === 'for_each' ? { each: { key: instanceKey as string, value: expand.values.get(instanceKey as string) ?? null } } : {};
      const lookup: Lookup = (name) => (name in meta ? meta[name] : rootLookup(name));
      const args = lazyObject(
        Object.keys(block.body).filter((k) => !META.has(k)),
        (k) => evalIn(block.body[k], lookup, block.origin),
      );
      const address = `${block.kind === 'resource' ? '' : `${block.kind}.`}${block.kind === 'module' ? block.name : `${block.type}.${block.name}`}${expand.kind === 'count' ? `[${String(instanceKey)}]` : expand.kind === 'for_each' ? `["${String(instanceKey)}"]` : ''}`;
      const inst: TerraformInstance = { address, type: block.type, get: (name) => (name in args ? (args[name] as HclValue) : null), subscription: subscriptionOf(block.body), origin: block.origin };
      const out = translator === undefined ? null : translator(inst, unresolved);
      const computed: Computed = out?.computed ?? {};
      // References see the block's own arguments, then what the translation computed (`id`, `resource`).
      const seen = lazyObject([...new Set([...Object.keys(args), ...Object.keys(computed)])], (k) => (k in computed ? (computed[k] as HclValue) : (args[k] as HclValue)));
      return { inst, out, seen };
    });
    if (translator === undefined && block.kind === 'module') unreadModules.push(block);
    const value: HclValue =
      expand.kind === 'count' ? instances.map((i) => i.seen) : expand.kind === 'for_each' ? Object.fromEntries(instances.map((i, k) => [String(expand.keys[k]), i.seen])) : expand.kind === 'unknown' ? expand.reason : (instances[0]?.seen ?? null);
    translated.set(block, { instances: instances.map(({ inst, out }) => ({ inst, out })), value });
    return value;
  };
  const grouped = new Map<string, Block[]>();
  for (const block of blocks) {
    const top = block.kind === 'resource' ? block.type : block.kind;
    grouped.set(top, [...(grouped.get(top) ?? []), block]);
  }
  for (const [top, list] of grouped) {
    if (top === 'module') root['module'] = lazyObject(list.map((b) => b.name), (name) => valueOf(list.find((b) => b.name === name) as Block));
    else if (top === 'data') {
      const types = [...new Set(list.map((b) => b.type))];
      root['data'] = lazyObject(types, (type) => lazyObject(list.filter((b) => b.type === type).map((b) => b.name), (name) => valueOf(list.find((b) => b.type === type && b.name === name) as Block)));
    } else root[top] = lazyObject(list.map((b) => b.name), (name) => valueOf(list.find((b) => b.name === name) as Block));
  }

  for (const block of blocks) valueOf(block);
  for (const block of blocks) {
    const entry = translated.get(block);
    if (entry === undefined) continue;
    if (isUnknown(entry.value)) inventory.assumptions.push({ subject: null, message: `${block.kind === 'resource' ? '' : `${block.kind}.`}${block.kind === 'module' ? block.name : `${block.type}.${block.name}`}: instance count unknown (${entry.value.reason}): not imported`, origin: block.origin });
    for (const { out } of entry.instances) if (out !== null) inventory.resources.push(...out.resources);
  }
  for (const block of unreadModules) {
    inventory.assumptions.push({ subject: null, message: `module \`${block.name}\` (${block.type}): not an Azure Verified Module the importer knows; its resources are not imported`, origin: block.origin });
  }
  for (const address of [...new Set(unresolved)]) {
    const block = blocks.find((b) => address.startsWith(`${b.kind === 'resource' ? '' : `${b.kind}.`}${b.kind === 'module' ? b.name : `${b.type}.${b.name}`}`));
    inventory.assumptions.push({ subject: null, message: `\`${address}\` is known only after \`terraform apply\` or has no value: a stand-in name is used`, ...(block === undefined ? {} : { origin: block.origin }) });
  }
  for (const [name, { origin }] of variables) {
    if (missing.has(name)) inventory.assumptions.push({ subject: null, message: `variable \`${name}\` has no value (no default, not in a .tfvars file or -var)`, origin });
  }
  inventory.resources.splice(0, inventory.resources.length, ...finishTranslation(inventory.resources));
  return inventory;
}

type Expansion =
  | { kind: 'single'; keys: [null] }
  | { kind: 'count'; keys: number[] }
  | { kind: 'for_each'; keys: string[]; values: Map<string, HclValue> }
  | { kind: 'unknown'; keys: []; reason: Unknown };

function instancesOf(block: Block, lookup: Lookup, evalIn: (raw: unknown, lookup: Lookup) => HclValue): Expansion {
  if ('count' in block.body) {
    const count = evalIn(block.body['count'], lookup);
    if (isUnknown(count)) return { kind: 'unknown', keys: [], reason: count };
    const n = Math.max(0, Math.min(10_000, Math.floor(Number(count))));
    if (!Number.isFinite(n)) return { kind: 'unknown', keys: [], reason: new Unknown(`count is not a number`) };
    return { kind: 'count', keys: Array.from({ length: n }, (_, i) => i) };
  }
  if ('for_each' in block.body) {
    const each = evalIn(block.body['for_each'], lookup);
    const u = isUnknown(each) ? each : null;
    if (u !== null) return { kind: 'unknown', keys: [], reason: u };
    const values = new Map<string, HclValue>();
    if (Array.isArray(each)) for (const v of each) values.set(String(v), v);
    else if (isObject(each)) for (const [k, v] of Object.entries(each)) values.set(k, v);
    return { kind: 'for_each', keys: [...values.keys()], values };
  }
  return { kind: 'single', keys: [null] };
}

/** Evaluates a value from hcl2json: strings are templates, lists and objects are walked. */
function evaluateRaw(raw: unknown, lookup: Lookup, origin: SourceLocation, issues: InputIssue[]): HclValue {
  if (typeof raw === 'string') {
    if (!raw.includes('${') && !raw.includes('%{')) return raw;
    try {
      return evaluate(parseTemplate(raw), lookup);
    } catch (error) {
      if (!(error instanceof HclSyntaxError)) throw error;
      issues.push({ location: origin, message: `cannot evaluate \`${raw.length > 80 ? `${raw.slice(0, 77)}...` : raw}\`: ${error.message}` });
      return new Unknown(error.message);
    }
  }
  if (Array.isArray(raw)) return raw.map((item) => evaluateRaw(item, lookup, origin, issues));
  if (isJson(raw)) return lazyObject(Object.keys(raw), (k) => evaluateRaw(raw[k], lookup, origin, issues));
  return (raw ?? null) as HclValue;
}

/** A variable default or .tfvars value: a constant (Terraform allows no references there). */
function literal(raw: unknown): HclValue {
  return evaluateRaw(raw, () => undefined, { file: '', line: 1, column: 1 }, []);
}

function cliValue(text: string): HclValue {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^[[{]/.test(text)) {
    try {
      return JSON.parse(text) as HclValue;
    } catch {
      return text;
    }
  }
  return text;
}

async function parseHcl(file: string, text: string, issues: InputIssue[]): Promise<Json | null> {
  try {
    return asJson(await parse(file, text));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const found = [...message.matchAll(/([^\s:[\]]+):(\d+),(\d+)(?:-\d+(?:,\d+)?)?: ([^;\]]+);?\s*([^\]]*?)(?=(?:, and \d+ other|\]|$))/g)];
    if (found.length === 0) issues.push({ location: { file, line: 1, column: 1 }, message: `not valid HCL: ${message}` });
    for (const m of found) issues.push({ location: { file, line: Number(m[2]), column: Number(m[3]) }, message: `not valid HCL: ${(m[4] ?? '').trim()}${m[5] !== undefined && m[5].trim() !== '' ? `; ${m[5].trim()}` : ''}` });
    return null;
  }
}

function locate(text: string, file: string, pattern: RegExp): SourceLocation {
  const match = pattern.exec(text);
  if (match === null) return { file, line: 1, column: 1 };
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  return { file, line, column: match.index - before.lastIndexOf('\n') };
}

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function asJson(v: unknown): Json {
  return isJson(v) ? v : {};
}
function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}
function firstBody(v: unknown): Json {
  return asJson(asArray(v)[0]);
}
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
