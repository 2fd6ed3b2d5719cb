// ARM template expressions (`[concat(parameters('a'), '-x')]`): parsed and evaluated with the
// template functions the importer supports; any other function gives Unknown with its name, so the
// caller lists it as an assumption. Reference: learn.microsoft.com/azure/azure-resource-manager/templates/template-functions

import { isObject, isUnknown, Unknown, type HclValue } from './hcl/value.js';

export interface ArmScope {
  parameter(name: string): HclValue;
  variable(name: string): HclValue;
  readonly subscriptionId: string;
  readonly resourceGroup: string;
  readonly copyIndex: number | null;
}

/** Whether a template string is an expression (`[…]`, but not the `[[` escape). */
export function isExpression(text: string): boolean {
  return text.startsWith('[') && !text.startsWith('[[') && text.endsWith(']');
}

export function evaluateArm(text: string, scope: ArmScope): HclValue {
  if (!isExpression(text)) return text.startsWith('[[') ? text.slice(1) : text;
  const p = { src: text.slice(1, -1), pos: 0 };
  try {
    const value = expr(p, scope);
    ws(p);
    if (p.pos < p.src.length) return new Unknown(`unexpected \`${p.src.slice(p.pos, p.pos + 10)}\` in \`${text}\``);
    return value;
  } catch (error) {
    return new Unknown(error instanceof Error ? error.message : String(error));
  }
}

type P = { src: string; pos: number };

function ws(p: P): void {
  while (/\s/.test(p.src[p.pos] ?? '')) p.pos += 1;
}

function expr(p: P, scope: ArmScope): HclValue {
  ws(p);
  let value: HclValue;
  const c = p.src[p.pos];
  if (c === "'") {
    let s = '';
    p.pos += 1;
    for (;;) {
      const ch = p.src[p.pos];
      if (ch === undefined) throw new Error('unterminated string');
      if (ch === "'" && p.src[p.pos + 1] === "'") {
        s += "'";
        p.pos += 2;
      } else if (ch === "'") {
        p.pos += 1;
        break;
      } else {
        s += ch;
        p.pos += 1;
      }
    }
    value = s;
  } else if (c !== undefined && /[-0-9]/.test(c)) {
    const n = /^-?[0-9]+/.exec(p.src.slice(p.pos))?.[0] ?? '0';
    p.pos += n.length;
    value = Number(n);
  } else {
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(p.src.slice(p.pos))?.[0];
    if (name === undefined) throw new Error(`unexpected \`${c ?? 'end'}\``);
    p.pos += name.length;
    ws(p);
    if (p.src[p.pos] !== '(') throw new Error(`expected \`(\` after ${name}`);
    p.pos += 1;
    const args: HclValue[] = [];
    ws(p);
    while (p.src[p.pos] !== ')') {
      args.push(expr(p, scope));
      ws(p);
      if (p.src[p.pos] === ',') p.pos += 1;
      else if (p.src[p.pos] !== ')') throw new Error(`expected \`,\` or \`)\` in ${name}()`);
      ws(p);
    }
    p.pos += 1;
    value = call(name, args, scope);
  }
  for (;;) {
    ws(p);
    if (p.src[p.pos] === '.') {
      p.pos += 1;
      const prop = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(p.src.slice(p.pos))?.[0] ?? '';
      p.pos += prop.length;
      value = member(value, prop);
    } else if (p.src[p.pos] === '[') {
      p.pos += 1;
      const key = expr(p, scope);
      ws(p);
      if (p.src[p.pos] !== ']') throw new Error('expected `]`');
      p.pos += 1;
      value = isUnknown(key) ? key : member(value, key as string | number);
    } else return value;
  }
}

function member(value: HclValue, key: string | number): HclValue {
  if (isUnknown(value)) return value.placeholder === null ? value : new Unknown(value.reason, `${value.placeholder.slice(0, -1)}.${key}}`);
  if (Array.isArray(value)) return value[Number(key)] ?? new Unknown(`index ${key} out of range`);
  if (isObject(value)) {
    const found = Object.keys(value).find((k) => k.toLowerCase() === String(key).toLowerCase());
    return found === undefined ? new Unknown(`property \`${key}\` is not set`) : (value[found] as HclValue);
  }
  return new Unknown(`property \`${key}\` of a value without properties`);
}

const TEXT_FUNCTIONS = new Set(['format', 'concat', 'resourceid', 'subscriptionresourceid', 'extensionresourceid', 'tolower', 'toupper', 'string', 'replace']);

const text = (v: HclValue): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));

function call(rawName: string, args: HclValue[], scope: ArmScope): HclValue {
  const name = rawName.toLowerCase();
  const lazy = new Set(['if', 'coalesce', 'reference', 'list', 'listkeys']);
  const unknownArg = args.find(isUnknown);
  if (unknownArg !== undefined && unknownArg.placeholder !== null && TEXT_FUNCTIONS.has(name) && args.every((a) => !isUnknown(a) || a.placeholder !== null)) {
    // A name built from an unset parameter keeps a readable stand-in (`{hostPoolName}`), so the
    // resources that refer to it by resourceId() or by name still find each other.
    const result = call(rawName, args.map((a) => (isUnknown(a) ? (a.placeholder as string) : a)), scope);
    return typeof result === 'string' ? new Unknown(unknownArg.reason, result) : result;
  }
  if (unknownArg !== undefined && !lazy.has(name) && name !== 'union' && name !== 'createobject' && name !== 'createarray') return unknownArg;
  switch (name) {
    case 'parameters':
      return scope.parameter(text(args[0] ?? ''));
    case 'variables':
      return scope.variable(text(args[0] ?? ''));
    case 'concat':
      return args.every(Array.isArray) ? (args as HclValue[][]).flat() : args.map(text).join('');
    case 'format':
      return text(args[0] ?? '').replace(/\{(\d+)(?::[^}]*)?\}/g, (_, i: string) => text(args[Number(i) + 1] ?? ''));
    case 'union':
      if (args.every((a) => Array.isArray(a))) return [...new Set((args as HclValue[][]).flat().map((v) => JSON.stringify(v)))].map((v) => JSON.parse(v) as HclValue);
      return Object.assign({}, ...args.map((a) => (isObject(a) ? a : {})));
    case 'createobject': {
      const out: Record<string, HclValue> = {};
      for (let i = 0; i + 1 < args.length; i += 2) out[text(args[i] ?? '')] = args[i + 1] ?? null;
      return out;
    }
    case 'createarray':
      return args;
    case 'resourceid':
    case 'subscriptionresourceid':
    case 'extensionresourceid': {
      const parts = args.map(text);
      if (name === 'extensionresourceid') {
        const [base, type, ...names] = parts;
        return `${base}/providers/${namespaceOf(type ?? '')}/${namesPath(type ?? '', names)}`;
      }
      const typeAt = parts.findIndex((a) => a.includes('/') && !a.startsWith('/'));
      const type = parts[typeAt] ?? '';
      const before = parts.slice(0, Math.max(0, typeAt));
      const sub = before.length >= 1 && before.length <= 2 && /^[0-9a-f-]{36}$/i.test(before[0] ?? '') ? (before[0] as string) : scope.subscriptionId;
      const rg = before.length === 2 ? (before[1] as string) : before.length === 1 && !/^[0-9a-f-]{36}$/i.test(before[0] ?? '') ? (before[0] as string) : scope.resourceGroup;
      const names = parts.slice(typeAt + 1);
      return name === 'subscriptionresourceid' ? `/subscriptions/${sub}/providers/${namespaceOf(type)}/${namesPath(type, names)}` : `/subscriptions/${sub}/resourceGroups/${rg}/providers/${namespaceOf(type)}/${namesPath(type, names)}`;
    }
    case 'resourcegroup':
      return { name: scope.resourceGroup, id: `/subscriptions/${scope.subscriptionId}/resourceGroups/${scope.resourceGroup}`, location: new Unknown('the resource group location is known only at deployment') };
    case 'subscription':
      return { subscriptionId: scope.subscriptionId, id: `/subscriptions/${scope.subscriptionId}`, tenantId: new Unknown('the tenant is known only at deployment') };
    case 'if':
      if (isUnknown(args[0] ?? null)) {
        // An unknown condition takes the first branch, as an unknown resource `condition` is assumed deployed.
        const then = args[1] ?? null;
        const text = typeof then === 'string' ? then : isUnknown(then) ? then.placeholder : null;
        return new Unknown((args[0] as Unknown).reason, text);
      }
      return args[0] === true ? (args[1] ?? null) : (args[2] ?? null);
    case 'equals':
      return JSON.stringify(args[0]) === JSON.stringify(args[1]);
    case 'not':
      return args[0] !== true;
    case 'and':
      return args.every((a) => a === true);
    case 'or':
      return args.some((a) => a === true);
    case 'tolower':
      return text(args[0] ?? '').toLowerCase();
    case 'toupper':
      return text(args[0] ?? '').toUpperCase();
    case 'replace':
      return text(args[0] ?? '').split(text(args[1] ?? '')).join(text(args[2] ?? ''));
    case 'string':
      return text(args[0] ?? '');
    case 'int':
      return Math.trunc(Number(args[0]));
    case 'bool':
      return args[0] === true || String(args[0]).toLowerCase() === 'true';
    case 'length':
      return Array.isArray(args[0]) ? args[0].length : isObject(args[0]) ? Object.keys(args[0]).length : text(args[0] ?? '').length;
    case 'empty':
      return args[0] === null || args[0] === '' || (Array.isArray(args[0]) && args[0].length === 0) || (isObject(args[0]) && Object.keys(args[0]).length === 0);
    case 'coalesce':
      return args.find((a) => a !== null && !isUnknown(a)) ?? null;
    case 'contains':
      return Array.isArray(args[0]) ? args[0].some((v) => JSON.stringify(v) === JSON.stringify(args[1])) : isObject(args[0]) ? text(args[1] ?? '') in args[0] : text(args[0] ?? '').includes(text(args[1] ?? ''));
    case 'first':
      return Array.isArray(args[0]) ? (args[0][0] ?? null) : text(args[0] ?? '').slice(0, 1);
    case 'last':
      return Array.isArray(args[0]) ? (args[0][args[0].length - 1] ?? null) : text(args[0] ?? '').slice(-1);
    case 'split':
      return text(args[0] ?? '').split(text(args[1] ?? ''));
    case 'join':
      return Array.isArray(args[0]) ? args[0].map(text).join(text(args[1] ?? '')) : new Unknown('join() of a non-array');
    case 'substring':
      return text(args[0] ?? '').substr(Number(args[1] ?? 0), args[2] === undefined ? undefined : Number(args[2]));
    case 'add':
      return Number(args[0]) + Number(args[1]);
    case 'sub':
      return Number(args[0]) - Number(args[1]);
    case 'mul':
      return Number(args[0]) * Number(args[1]);
    case 'copyindex':
      return scope.copyIndex === null ? new Unknown('copyIndex() outside a copy loop') : scope.copyIndex + Number(args[0] ?? 0);
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null':
      return null;
    case 'json':
      try {
        return JSON.parse(text(args[0] ?? 'null')) as HclValue;
      } catch {
        return new Unknown('json() of text that is not JSON');
      }
    default:
      return new Unknown(`template function ${rawName}() is not supported by the importer`);
  }
}

/** `Microsoft.Network` of `Microsoft.Network/networkInterfaces`: the id holds the namespace once, then type/name pairs. */
function namespaceOf(type: string): string {
  return type.split('/')[0] ?? type;
}

function namesPath(type: string, names: readonly string[]): string {
  const types = type.split('/').slice(1);
  return types.map((t, i) => `${t}/${names[i] ?? '?'}`).join('/');
}
