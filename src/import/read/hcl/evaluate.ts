// Evaluates a parsed Terraform expression against a scope (`var`, `local`, resources, `count`,
// `each`, module outputs). Anything it cannot know is Unknown with a reason, never an exception.

import { FUNCTIONS } from './functions.js';
import type { Expr } from './parse-expression.js';
import { isObject, isUnknown, toText, Unknown, type HclValue } from './value.js';

/** Resolves a root name (`var`, `local`, `azurerm_storage_account`, `count`, a for-expression variable). */
export type Lookup = (name: string) => HclValue | undefined;

/** Functions whose errors `try`/`can` absorb are evaluated the same way here: Unknown stays Unknown. */
export function evaluate(expr: Expr, lookup: Lookup): HclValue {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'template': {
      let out = '';
      let unknown: Unknown | null = null;
      for (const part of expr.parts) {
        const t = toText(evaluate(part, lookup));
        if (t instanceof Unknown) {
          if (t.placeholder === null) return t;
          unknown ??= t;
          out += t.placeholder;
        } else out += t;
      }
      return unknown === null ? out : new Unknown(unknown.reason, out);
    }
    case 'name': {
      const v = lookup(expr.name);
      return v === undefined ? new Unknown(`\`${expr.name}\` is not defined`) : v;
    }
    case 'attr':
      return attribute(evaluate(expr.target, lookup), expr.name);
    case 'index':
      return index(evaluate(expr.target, lookup), evaluate(expr.key, lookup));
    case 'splat': {
      const target = evaluate(expr.target, lookup);
      if (isUnknown(target)) return target;
      const items = target === null ? [] : Array.isArray(target) ? target : [target];
      return items.map((item) => expr.each.reduce<HclValue>((v, step) => (step.kind === 'attr' ? attribute(v, step.name) : index(v, evaluate(step.key, lookup))), item));
    }
    case 'call': {
      if (expr.name === 'try') {
        for (const arg of expr.args) {
          const v = evaluate(arg, lookup);
          if (!isUnknown(v)) return v;
        }
        return new Unknown('try() with no known alternative');
      }
      if (expr.name === 'can') return isUnknown(evaluate(expr.args[0] ?? { kind: 'literal', value: null }, lookup)) ? new Unknown('can() of an unknown value') : true;
      if (['lower', 'upper', 'replace', 'trimspace'].includes(expr.name)) {
        // Keep a readable stand-in through simple string functions: lower("x-{var.env}") stays one.
        const first = evaluate(expr.args[0] ?? { kind: 'literal', value: null }, lookup);
        if (first instanceof Unknown && first.placeholder !== null) return first;
      }
      const fn = FUNCTIONS[expr.name.replace(/^provider::[^:]+::/, '')];
      if (fn === undefined) return new Unknown(`function ${expr.name}() is not evaluated by the importer`);
      let args = expr.args.map((a) => evaluate(a, lookup));
      if (expr.expand) {
        const last = args[args.length - 1];
        if (Array.isArray(last)) args = [...args.slice(0, -1), ...last];
      }
      const unknownArg = args.find(isUnknown);
      if (unknownArg !== undefined && !['coalesce', 'merge', 'concat', 'length', 'tolist', 'toset', 'flatten', 'distinct', 'jsonencode'].includes(expr.name)) return unknownArg;
      return fn(args);
    }
    case 'unary': {
      const v = evaluate(expr.value, lookup);
      if (isUnknown(v)) return v;
      return expr.op === '-' ? -Number(v) : !truthy(v);
    }
    case 'binary':
      return binary(expr.op, evaluate(expr.left, lookup), () => evaluate(expr.right, lookup));
    case 'conditional': {
      const test = evaluate(expr.test, lookup);
      if (isUnknown(test)) return test;
      return evaluate(truthy(test) ? expr.then : expr.otherwise, lookup);
    }
    case 'tuple':
      return expr.items.map((item) => evaluate(item, lookup));
    case 'object': {
      const out: Record<string, HclValue> = {};
      for (const { key, value } of expr.items) {
        const k = key.kind === 'name' ? key.name : toText(evaluate(key, lookup));
        if (k instanceof Unknown) return k;
        out[k] = evaluate(value, lookup);
      }
      return out;
    }
    case 'for': {
      const collection = evaluate(expr.collection, lookup);
      if (isUnknown(collection)) return collection;
      const entries: [HclValue, HclValue][] = Array.isArray(collection) ? collection.map((v, i) => [i, v]) : isObject(collection) ? Object.entries(collection) : [];
      const listOut: HclValue[] = [];
      const mapOut: Record<string, HclValue> = {};
      for (const [k, v] of entries) {
        const inner: Lookup = (name) => (name === expr.valueVar ? v : name === expr.keyVar ? k : lookup(name));
        if (expr.condition !== null) {
          const c = evaluate(expr.condition, inner);
          if (isUnknown(c)) return c;
          if (!truthy(c)) continue;
        }
        if (expr.keyExpr === null) listOut.push(evaluate(expr.valueExpr, inner));
        else {
          const key = toText(evaluate(expr.keyExpr, inner));
          if (key instanceof Unknown) return key;
          const value = evaluate(expr.valueExpr, inner);
          if (expr.grouped) mapOut[key] = [...((mapOut[key] as HclValue[] | undefined) ?? []), value];
          else mapOut[key] = value;
        }
      }
      return expr.keyExpr === null ? listOut : mapOut;
    }
  }
}

function attribute(target: HclValue, name: string): HclValue {
  if (isUnknown(target)) return target;
  if (isObject(target)) {
    const v = target[name];
    return v === undefined ? new Unknown(`attribute \`${name}\` is known only after apply`) : v;
  }
  if (Array.isArray(target)) return new Unknown(`\`.${name}\` of a list (a counted resource needs an index)`);
  return new Unknown(`\`.${name}\` of a value that has no attributes`);
}

function index(target: HclValue, key: HclValue): HclValue {
  if (isUnknown(target)) return target;
  if (isUnknown(key)) return key;
  if (Array.isArray(target)) return target[Number(key)] ?? new Unknown(`index ${String(key)} is out of range`);
  if (isObject(target)) return target[String(key)] ?? new Unknown(`key \`${String(key)}\` is not in the map`);
  return new Unknown('indexing a value that is not a list or map');
}

function truthy(v: HclValue): boolean {
  return v === true || v === 'true';
}

function binary(op: string, left: HclValue, right: () => HclValue): HclValue {
  if (isUnknown(left)) return left;
  if (op === '&&') return truthy(left) ? truthyOrUnknown(right()) : false;
  if (op === '||') return truthy(left) ? true : truthyOrUnknown(right());
  const r = right();
  if (isUnknown(r)) return r;
  switch (op) {
    case '==':
      return JSON.stringify(left) === JSON.stringify(r) || (typeof left !== 'object' && typeof r !== 'object' && String(left) === String(r));
    case '!=':
      return !(JSON.stringify(left) === JSON.stringify(r) || (typeof left !== 'object' && typeof r !== 'object' && String(left) === String(r)));
    case '<':
      return Number(left) < Number(r);
    case '<=':
      return Number(left) <= Number(r);
    case '>':
      return Number(left) > Number(r);
    case '>=':
      return Number(left) >= Number(r);
    case '+':
      return Number(left) + Number(r);
    case '-':
      return Number(left) - Number(r);
    case '*':
      return Number(left) * Number(r);
    case '/':
      return Number(left) / Number(r);
    case '%':
      return Number(left) % Number(r);
    default:
      return new Unknown(`operator ${op}`);
  }
}

function truthyOrUnknown(v: HclValue): HclValue {
  return isUnknown(v) ? v : truthy(v);
}
