// JSON as a stream of chunks: byte-identical to `toJson` (two-space indent, trailing newline), but
// never one string, so an output larger than V8's longest string (about 512 MiB) can be written, and
// an array may be a lazy iterable whose elements are built one at a time while writing.

/** An array given as an iterable, serialized like an array without being materialized. */
export class LazyArray<T> {
  constructor(readonly items: Iterable<T>) {}
}

export function lazyArray<T>(items: Iterable<T>): LazyArray<T> {
  return new LazyArray(items);
}

/** Arrays and objects are walked this deep; below it, each value is one JSON.stringify call. */
const STREAM_DEPTH = 3;

/**
 * The chunks of `JSON.stringify(value, null, 2) + '\n'` (a LazyArray as the array of its items), with
 * DEL and the C1 controls written as `\u00XX` escapes (same value, safe to print on a terminal).
 */
export function* jsonChunks(value: unknown): Generator<string> {
  yield* chunksOf(value, '', 0);
  yield '\n';
}

function* chunksOf(value: unknown, indent: string, depth: number): Generator<string> {
  if (value instanceof LazyArray) {
    yield* arrayChunks(value.items, indent, depth);
    return;
  }
  if (depth >= STREAM_DEPTH || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield leaf(value, indent);
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayChunks(value, indent, depth);
    return;
  }
  const inner = `${indent}  `;
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '{\n' : ',\n'}${inner}${safe(JSON.stringify(key))}: `;
    first = false;
    yield* chunksOf(item, inner, depth + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

function* arrayChunks(items: Iterable<unknown>, indent: string, depth: number): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    yield first ? `[\n${inner}` : `,\n${inner}`;
    first = false;
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
    else yield* chunksOf(item, inner, depth + 1);
  }
  yield first ? '[]' : `\n${indent}]`;
}

function leaf(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return safe(indent === '' ? text : text.replace(/\n/g, `\n${indent}`));
}

const UNSAFE = /[\u007f-\u009f]/g;

function safe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
