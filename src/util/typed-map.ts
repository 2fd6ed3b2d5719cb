// An Int32Array mapped from a list, with a plain loop: `Int32Array.from(list, fn)` goes through V8's
// iterator path, 6–8× slower (60 vs 9 ms for 118k entries measured at a million nodes, per pass).

/** out[i] = f(source[i], i), for every index of `source`. */
export function mapToInt32<T>(source: ArrayLike<T>, f: (value: T, index: number) => number): Int32Array {
  const out = new Int32Array(source.length);
  for (let i = 0; i < source.length; i++) out[i] = f(source[i]!, i);
  return out;
}
