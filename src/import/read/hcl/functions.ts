// The Terraform built-in functions the importer evaluates (string, collection and type conversion
// functions, per developer.hashicorp.com/terraform/language/functions); time, randomness, files and
// network functions give Unknown, since only `terraform apply` knows their results.

import { firstUnknown, isObject, toText, Unknown, type HclValue } from './value.js';

type Fn = (args: HclValue[]) => HclValue;

const text = (v: HclValue): string | Unknown => toText(v);
function strings(args: HclValue[], f: (...s: string[]) => HclValue): HclValue {
  const texts = args.map(text);
  const u = texts.find((t): t is Unknown => t instanceof Unknown);
  return u ?? f(...(texts as string[]));
}
const list = (v: HclValue): HclValue[] | null => (Array.isArray(v) ? v : isObject(v) ? Object.values(v) : null);

function format(spec: string, args: HclValue[]): HclValue {
  let i = 0;
  let unknown: Unknown | null = null;
  const out = spec.replace(/%(%|[-+ #0]*\d*(?:\.\d+)?[sdvqft])/g, (m, verb: string) => {
    if (verb === '%') return '%';
    const arg = args[i++] ?? null;
    if (arg instanceof Unknown) unknown = arg;
    if (verb.endsWith('d')) return String(Math.trunc(Number(arg)));
    if (verb.endsWith('q')) return JSON.stringify(toText(arg));
    const t = toText(arg);
    return t instanceof Unknown ? '' : t;
  });
  return unknown ?? out;
}

export const FUNCTIONS: Readonly<Record<string, Fn>> = {
  lower: (a) => strings(a, (s) => s.toLowerCase()),
  upper: (a) => strings(a, (s) => s.toUpperCase()),
  title: (a) => strings(a, (s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  trimspace: (a) => strings(a, (s) => s.trim()),
  trim: (a) => strings(a, (s, chars) => s.replace(new RegExp(`^[${escape(chars ?? '')}]+|[${escape(chars ?? '')}]+$`, 'g'), '')),
  trimprefix: (a) => strings(a, (s, p) => (p !== undefined && s.startsWith(p) ? s.slice(p.length) : s)),
  trimsuffix: (a) => strings(a, (s, p) => (p !== undefined && p !== '' && s.endsWith(p) ? s.slice(0, -p.length) : s)),
  startswith: (a) => strings(a, (s, p) => s.startsWith(p ?? '')),
  endswith: (a) => strings(a, (s, p) => s.endsWith(p ?? '')),
  replace: (a) =>
    strings(a, (s, search, replacement) => {
      const r = (replacement ?? '').replace(/\$\{?(\d+)\}?/g, '$$$1');
      if (search !== undefined && search.length > 1 && search.startsWith('/') && search.endsWith('/')) return s.replace(new RegExp(search.slice(1, -1), 'g'), r);
      return s.split(search ?? '').join(replacement ?? '');
    }),
  substr: (a) =>
    strings(a, (s, offset, length) => {
      const o = Number(offset);
      const start = o < 0 ? Math.max(0, s.length + o) : o;
      const n = Number(length);
      return n < 0 ? s.slice(start) : s.slice(start, start + n);
    }),
  format: (a) => {
    const spec = text(a[0] ?? null);
    return spec instanceof Unknown ? spec : format(spec, a.slice(1));
  },
  join: (a) => {
    const sep = text(a[0] ?? null);
    const items = a.slice(1).flatMap((x) => list(x) ?? [x]);
    return sep instanceof Unknown ? sep : strings(items, (...s) => s.join(sep));
  },
  split: (a) => strings(a, (sep, s) => (s ?? '').split(sep ?? '')),
  concat: (a) => {
    const lists = a.map(list);
    return lists.some((l) => l === null) ? new Unknown('concat() of a non-list') : (lists as HclValue[][]).flat();
  },
  flatten: (a) => {
    const flat = (v: HclValue): HclValue[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);
    return flat(a[0] ?? []);
  },
  distinct: (a) => {
    const seen = new Set<string>();
    return (list(a[0] ?? []) ?? []).filter((v) => !seen.has(JSON.stringify(v)) && Boolean(seen.add(JSON.stringify(v))));
  },
  length: (a) => {
    const v = a[0] ?? null;
    if (typeof v === 'string') return [...v].length;
    const l = list(v);
    return l === null ? new Unknown('length() of an unknown value') : l.length;
  },
  element: (a) => {
    const l = list(a[0] ?? null);
    const i = Number(a[1]);
    return l === null || l.length === 0 || !Number.isFinite(i) ? new Unknown('element() of an unknown list') : (l[i % l.length] ?? null);
  },
  contains: (a) => (list(a[0] ?? null) ?? []).some((v) => JSON.stringify(v) === JSON.stringify(a[1] ?? null)),
  keys: (a) => (isObject(a[0]) ? Object.keys(a[0]).sort() : new Unknown('keys() of an unknown map')),
  values: (a) => (isObject(a[0]) ? Object.keys(a[0]).sort().map((k) => (a[0] as Record<string, HclValue>)[k] ?? null) : new Unknown('values() of an unknown map')),
  lookup: (a) => (isObject(a[0]) ? (a[0][text(a[1] ?? null) as string] ?? a[2] ?? new Unknown('lookup() of a missing key')) : new Unknown('lookup() in an unknown map')),
  merge: (a) => (a.every((m) => isObject(m) || m === null) ? Object.assign({}, ...a.filter((m) => m !== null)) : new Unknown('merge() of an unknown map')),
  zipmap: (a) => {
    const k = list(a[0] ?? null);
    const v = list(a[1] ?? null);
    return k === null || v === null ? new Unknown('zipmap() of unknown lists') : Object.fromEntries(k.map((key, i) => [String(key), v[i] ?? null]));
  },
  range: (a) => {
    const [start, end, step] = a.length === 1 ? [0, Number(a[0]), 1] : [Number(a[0]), Number(a[1]), Number(a[2] ?? 1)];
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) if (out.push(i) > 1024) break;
    return out;
  },
  coalesce: (a) => a.find((v) => v !== null && v !== '') ?? null,
  one: (a) => {
    const l = list(a[0] ?? null);
    return l === null ? new Unknown('one() of an unknown list') : (l[0] ?? null);
  },
  min: (a) => Math.min(...a.flatMap((x) => list(x) ?? [x]).map(Number)),
  max: (a) => Math.max(...a.flatMap((x) => list(x) ?? [x]).map(Number)),
  abs: (a) => Math.abs(Number(a[0])),
  ceil: (a) => Math.ceil(Number(a[0])),
  floor: (a) => Math.floor(Number(a[0])),
  tostring: (a) => (a[0] === null ? null : text(a[0] ?? null)),
  tonumber: (a) => (a[0] === null ? null : Number(a[0])),
  tobool: (a) => (a[0] === null ? null : a[0] === true || a[0] === 'true'),
  tolist: (a) => list(a[0] ?? null) ?? new Unknown('tolist() of an unknown value'),
  toset: (a) => {
    const seen = new Set<string>();
    return (list(a[0] ?? null) ?? []).filter((v) => !seen.has(JSON.stringify(v)) && Boolean(seen.add(JSON.stringify(v))));
  },
  tomap: (a) => (isObject(a[0]) ? a[0] : new Unknown('tomap() of an unknown value')),
  jsonencode: (a) => (firstUnknown(a[0] ?? null) ?? JSON.stringify(a[0] ?? null)),
  jsondecode: (a) => {
    const t = text(a[0] ?? null);
    if (t instanceof Unknown) return t;
    try {
      return JSON.parse(t) as HclValue;
    } catch {
      return new Unknown('jsondecode() of text that is not JSON');
    }
  },
};

function escape(chars: string): string {
  return chars.replace(/[\]\\^-]/g, '\\$&');
}
