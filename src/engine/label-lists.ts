// Flat, sorted label lists: `width` ascending instance indices per label, labels back to back in
// lexicographic order without duplicates. Sorting, merging and searching them without objects.

/** Lexicographic order of the label at pool[start..] against `label` (negative: it sorts first). */
export function compareLabel(pool: Int32Array, start: number, label: readonly number[], width: number): number {
  for (let k = 0; k < width; k++) {
    const d = pool[start + k]! - label[k]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** The arrays one after another. */
export function concat(parts: readonly Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) (out.set(part, at), (at += part.length));
  return out;
}

/** Single instances, sorted, without duplicates. */
export function sortedUnique(values: Int32Array): Int32Array {
  return sortedUniqueLabels(values, 1);
}

/** Labels (flattened, `width` each) sorted lexicographically with duplicates removed. */
export function sortedUniqueLabels(all: Int32Array, width: number): Int32Array {
  const out = new Int32Array(all.length);
  let o = 0;
  if (width === 1) {
    for (const x of all.slice().sort()) if (o === 0 || out[o - 1] !== x) out[o++] = x;
    return out.subarray(0, o);
  }
  if (width === 2) {
    // Pairs as one exact double each (instance indices are int32), so the native numeric sort applies.
    const keys = new Float64Array(all.length / 2);
    for (let l = 0; l < keys.length; l++) keys[l] = all[2 * l]! * 2 ** 32 + all[2 * l + 1]!;
    keys.sort();
    for (let l = 0; l < keys.length; l++) {
      if (l > 0 && keys[l] === keys[l - 1]) continue;
      out[o++] = Math.floor(keys[l]! / 2 ** 32);
      out[o++] = keys[l]! % 2 ** 32;
    }
    return out.subarray(0, o);
  }
  const order = Array.from({ length: all.length / width }, (_, l) => l * width);
  order.sort((a, b) => {
    for (let k = 0; k < width; k++) {
      const d = all[a + k]! - all[b + k]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  for (const at of order) {
    let duplicate = o > 0;
    for (let k = 0; duplicate && k < width; k++) duplicate = out[o - width + k] === all[at + k];
    if (duplicate) continue;
    for (let k = 0; k < width; k++) out[o++] = all[at + k]!;
  }
  return out.subarray(0, o);
}

/** Whether `value` occurs in sorted[from .. to). */
export function binarySearch(sorted: Int32Array, value: number, from = 0, to = sorted.length): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = sorted[mid]!;
    if (x === value) return true;
    if (x < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Linear merge of two sorted label lists (`width` each), without duplicates. */
export function mergeArrays(a: Int32Array, b: Int32Array, width: number): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length || j < b.length) {
    let order = i >= a.length ? 1 : j >= b.length ? -1 : 0;
    for (let k = 0; order === 0 && k < width; k++) order = a[i + k]! - b[j + k]!;
    if (order <= 0) for (let k = 0; k < width; k++) out[o++] = a[i + k]!;
    else for (let k = 0; k < width; k++) out[o++] = b[j + k]!;
    if (order <= 0) i += width;
    if (order >= 0) j += width;
  }
  return out.subarray(0, o);
}

/** The values two ascending arrays share, ascending. */
export function intersection(a: Int32Array, b: Int32Array): Int32Array {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.filter((x) => binarySearch(long, x));
}

