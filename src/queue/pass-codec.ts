// An attacker pass crossing Redis: AttackerPass as plain JSON (typed arrays as number arrays),
// tagged with the codec's shape, and read back with every field checked against the task and pass
// input it answers — a result of another shape (another engine's fields) or of another unit is refused.

import type { AttackerPass, PassInput } from '../analyze/attacker-pass.js';
import { isBoundaryType } from '../domain/boundary.js';

/**
 * What a field holds, which says how it travels and how it is checked: `attacker` the task's name,
 * `bound` the task's AttackerPass.below, `count` a non-negative integer, `types` boundary types, `families` the minimal-set families,
 * `dataFamily` one family index per data node, `storeNode` one data position per store (-1: none),
 * `storePath` one list of compiled edges per store (the last two empty without witnesses).
 */
type Codec = 'attacker' | 'bound' | 'count' | 'types' | 'families' | 'dataFamily' | 'storeNode' | 'storePath';

/**
 * How each field of AttackerPass travels. Exhaustive both ways (`satisfies`): a field added to or
 * removed from AttackerPass does not compile until it is listed here, and the shape string changes.
 */
const FIELDS = {
  attacker: 'attacker',
  below: 'bound',
  footholds: 'count',
  types: 'types',
  antichains: 'families',
  dataAntichain: 'dataFamily',
  dataBeyondReadAntichain: 'dataFamily',
  storeNode: 'storeNode',
  storePath: 'storePath',
  storeBeyondReadPath: 'storePath',
} as const satisfies Record<keyof AttackerPass, Codec>;

type Field = keyof typeof FIELDS;

/** The result shape of a `pass` job: its codec version and field list. */
export const PASS_SHAPE = `attacker-pass/2 ${Object.entries(FIELDS)
  .map(([field, codec]) => `${field}:${codec}`)
  .join(',')}`;

type Plain<T> = T extends Int32Array ? number[] : T extends readonly Int32Array[] ? number[][] : T;

/** A pass as a job's return value (what BullMQ stores as JSON). */
export type EncodedPass = { readonly shape: string } & { readonly [F in keyof AttackerPass]: Plain<AttackerPass[F]> };

export function encodePass(pass: AttackerPass): EncodedPass {
  const out: Record<string, unknown> = { shape: PASS_SHAPE };
  for (const field of Object.keys(FIELDS) as Field[]) {
    const value = pass[field];
    out[field] = value instanceof Int32Array ? Array.from(value) : FIELDS[field] === 'storePath' ? (value as readonly Int32Array[]).map((p) => Array.from(p)) : value;
  }
  return out as EncodedPass;
}

/** What the enqueuing side knows a pass must look like. */
export interface PassExpectation {
  readonly attacker: string;
  /** The task's bound (passBound): a pass bounded otherwise answers another question. */
  readonly below: 1 | null;
  readonly input: Pick<PassInput, 'data' | 'stores' | 'witnesses' | 'arrays'>;
}

/** The pass a job returned, checked field by field; a string saying what is wrong otherwise. */
export function decodePass(value: unknown, expected: PassExpectation): AttackerPass | string {
  if (typeof value !== 'object' || value === null) return 'not a pass';
  const v = value as Record<string, unknown>;
  if (v['shape'] !== PASS_SHAPE) return `a result of another shape (${typeof v['shape'] === 'string' ? v['shape'] : 'none'}; expected ${PASS_SHAPE})`;
  const extra = Object.keys(v).filter((key) => key !== 'shape' && !(key in FIELDS));
  if (extra.length > 0) return `unexpected fields ${extra.join(', ')}`;
  const { input } = expected;
  const dataCount = input.data.length;
  const storeCount = input.witnesses ? input.stores.length : 0;
  const families = v['antichains'];
  const familyCount = Array.isArray(families) ? families.length : 0;
  const out: Record<string, unknown> = {};
  for (const field of Object.keys(FIELDS) as Field[]) {
    const decoded = decodeField(FIELDS[field], v[field], { attacker: expected.attacker, below: expected.below, dataCount, storeCount, familyCount, edgeCount: input.arrays.edgeCount });
    if (typeof decoded === 'string') return `${field} ${decoded}`;
    out[field] = decoded.value;
  }
  return out as unknown as AttackerPass;
}

interface Bounds {
  readonly attacker: string;
  readonly below: 1 | null;
  readonly dataCount: number;
  readonly storeCount: number;
  readonly familyCount: number;
  readonly edgeCount: number;
}

/** One field read back: `{ value }`, or what is wrong with it (after the field's name). */
function decodeField(codec: Codec, value: unknown, bounds: Bounds): { readonly value: unknown } | string {
  switch (codec) {
    case 'attacker':
      return value === bounds.attacker ? { value } : `is \`${String(value)}\`, not \`${bounds.attacker}\``;
    case 'bound':
      return value === bounds.below ? { value } : `is ${JSON.stringify(value) ?? 'missing'}, not ${String(bounds.below)}`;
    case 'count':
      return Number.isSafeInteger(value) && (value as number) >= 0 ? { value } : 'is not a count';
    case 'types':
      return isTypeList(value) ? { value } : 'is not a list of boundary types';
    case 'families':
      return Array.isArray(value) && value.every((family) => Array.isArray(family) && family.every(isTypeList)) ? { value } : 'is not a list of type-set families';
    case 'dataFamily': {
      const out = int32s(value, bounds.dataCount, 0, bounds.familyCount);
      return out === undefined ? `is not ${bounds.dataCount} family indices` : { value: out };
    }
    case 'storeNode': {
      const out = int32s(value, bounds.storeCount, -1, bounds.dataCount);
      return out === undefined ? `is not ${bounds.storeCount} data positions` : { value: out };
    }
    case 'storePath': {
      if (!Array.isArray(value) || value.length !== bounds.storeCount) return `is not ${bounds.storeCount} paths`;
      const paths: Int32Array[] = [];
      for (const path of value) {
        const edges = int32s(path, Array.isArray(path) ? path.length : -1, 0, bounds.edgeCount);
        if (edges === undefined) return 'holds a path that is not a list of edges';
        paths.push(edges);
      }
      return { value: paths };
    }
  }
}

function isTypeList(value: unknown): value is AttackerPass['types'] {
  return Array.isArray(value) && value.every((t) => typeof t === 'string' && isBoundaryType(t));
}

/** `length` integers in [min, bound), as an Int32Array; undefined otherwise. */
function int32s(value: unknown, length: number, min: number, bound: number): Int32Array | undefined {
  if (!Array.isArray(value) || value.length !== length) return undefined;
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    const n = value[i] as unknown;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n >= bound) return undefined;
    out[i] = n;
  }
  return out;
}
