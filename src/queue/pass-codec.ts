// An attacker pass crossing Redis: AttackerPass as plain JSON (typed arrays as number arrays),
// tagged with the codec's shape, and read back with every field checked against the task and pass
// input it answers — a result of another shape (another engine's fields) or of another unit is refused.

import type { AttackerPass, PassInput } from '../analyze/attacker-pass.js';
import { isBoundaryType } from '../domain/boundary.js';

type Codec = 'string' | 'count' | 'types' | 'antichains' | 'int32' | 'int32[]';

/**
 * How each field of AttackerPass travels. Exhaustive both ways (`satisfies`): a field added to or
 * removed from AttackerPass does not compile until it is listed here, and the shape string changes.
 */
const FIELDS = {
  attacker: 'string',
  footholds: 'count',
  types: 'types',
  antichains: 'antichains',
  dataAntichain: 'int32',
  dataBeyondReadAntichain: 'int32',
  storeNode: 'int32',
  storePath: 'int32[]',
  storeBeyondReadPath: 'int32[]',
} as const satisfies Record<keyof AttackerPass, Codec>;

/** The result shape of a `pass` job: its codec version and field list. */
export const PASS_SHAPE = `attacker-pass/1 ${Object.entries(FIELDS)
  .map(([field, codec]) => `${field}:${codec}`)
  .join(',')}`;

/** A pass as a job's return value (what BullMQ stores as JSON). */
export type EncodedPass = { readonly shape: string } & { readonly [F in keyof AttackerPass]: AttackerPass[F] extends Int32Array ? number[] : AttackerPass[F] extends readonly Int32Array[] ? number[][] : AttackerPass[F] };

export function encodePass(pass: AttackerPass): EncodedPass {
  return {
    shape: PASS_SHAPE,
    attacker: pass.attacker,
    footholds: pass.footholds,
    types: pass.types,
    antichains: pass.antichains,
    dataAntichain: Array.from(pass.dataAntichain),
    dataBeyondReadAntichain: Array.from(pass.dataBeyondReadAntichain),
    storeNode: Array.from(pass.storeNode),
    storePath: pass.storePath.map((path) => Array.from(path)),
    storeBeyondReadPath: pass.storeBeyondReadPath.map((path) => Array.from(path)),
  };
}

/** What the enqueuing side knows a pass must look like. */
export interface PassExpectation {
  readonly attacker: string;
  readonly input: Pick<PassInput, 'data' | 'stores' | 'witnesses' | 'arrays'>;
}

/** The pass a job returned, checked field by field; a string saying what is wrong otherwise. */
export function decodePass(value: unknown, expected: PassExpectation): AttackerPass | string {
  if (typeof value !== 'object' || value === null) return 'not a pass';
  const v = value as Record<string, unknown>;
  if (v['shape'] !== PASS_SHAPE) return `a result of another shape (${typeof v['shape'] === 'string' ? v['shape'] : 'none'}; expected ${PASS_SHAPE})`;
  const extra = Object.keys(v).filter((key) => key !== 'shape' && !(key in FIELDS));
  if (extra.length > 0) return `unexpected fields ${extra.join(', ')}`;
  if (v['attacker'] !== expected.attacker) return `the pass of another attacker (${String(v['attacker'])})`;
  const { input } = expected;
  const dataCount = input.data.length;
  const storeCount = input.witnesses ? input.stores.length : 0;
  const footholds = v['footholds'];
  if (!Number.isSafeInteger(footholds) || (footholds as number) < 0) return 'footholds is not a count';
  const types = v['types'];
  if (!isTypeList(types)) return 'types is not a list of boundary types';
  const antichains = v['antichains'];
  if (!Array.isArray(antichains) || !antichains.every((family) => Array.isArray(family) && family.every(isTypeList))) return 'antichains is not a list of type-set families';
  const dataAntichain = int32s(v['dataAntichain'], dataCount, 0, antichains.length);
  if (dataAntichain === undefined) return `dataAntichain is not ${dataCount} family indices`;
  const storeNode = int32s(v['storeNode'], storeCount, -1, dataCount);
  if (storeNode === undefined) return `storeNode is not ${storeCount} data positions`;
  const dataBeyondReadAntichain = int32s(v['dataBeyondReadAntichain'], dataCount, 0, antichains.length);
  if (dataBeyondReadAntichain === undefined) return `dataBeyondReadAntichain is not ${dataCount} family indices`;
  const storePath = pathsOf(v['storePath'], storeCount, input.arrays.edgeCount);
  if (typeof storePath === 'string') return `storePath ${storePath}`;
  const storeBeyondReadPath = pathsOf(v['storeBeyondReadPath'], storeCount, input.arrays.edgeCount);
  if (typeof storeBeyondReadPath === 'string') return `storeBeyondReadPath ${storeBeyondReadPath}`;
  return { attacker: expected.attacker, footholds: footholds as number, types, antichains, dataAntichain, dataBeyondReadAntichain, storeNode, storePath, storeBeyondReadPath };
}

/** `count` paths of compiled edges; what is wrong otherwise. */
function pathsOf(paths: unknown, count: number, edgeCount: number): Int32Array[] | string {
  if (!Array.isArray(paths) || paths.length !== count) return `is not ${count} paths`;
  const out: Int32Array[] = [];
  for (const path of paths) {
    const edges = int32s(path, Array.isArray(path) ? path.length : -1, 0, edgeCount);
    if (edges === undefined) return 'holds a path that is not a list of edges';
    out.push(edges);
  }
  return out;
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
