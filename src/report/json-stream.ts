// JSON as a stream of chunks: byte-identical to `toJson` (two-space indent, trailing newline), or with
// `compact` to `JSON.stringify(value)`, but never one string, so an output larger than V8's longest
// string (about 512 MiB) can be written, and an array may be a lazy iterable whose elements are built
// one at a time while writing.

/** An array given as an iterable, serialized like an array without being materialized. */
export class LazyArray<T> {
  constructor(readonly items: Iterable<T>) {}
}

export function lazyArray<T>(items: Iterable<T>): LazyArray<T> {
  return new LazyArray(items);
}

interface Layout {
  /** Indentation added per level ('' when compact). */
  readonly step: string;
  readonly newline: string;
  readonly colon: string;
  /** Arrays and objects are walked this deep; below it, each value is one JSON.stringify call. */
  readonly depth: number;
}

const PRETTY: Layout = { step: '  ', newline: '\n', colon: ': ', depth: 3 };
/** The viewer page's packed columns (payload → models → model → columns → base64 text) are leaves here. */
const COMPACT: Layout = { step: '', newline: '', colon: ':', depth: 4 };
/** Compact leaf arrays are written this many elements per chunk: one string per slice, not per array. */
const SLICE = 8192;

export interface JsonChunkOptions {
  /** No whitespace and no trailing newline: the chunks of `JSON.stringify(value)` (for data embedded in a page). */
  readonly compact?: boolean;
}

/**
 * The chunks of `JSON.stringify(value, null, 2) + '\n'` (a LazyArray as the array of its items), or
 * with `compact` of `JSON.stringify(value)`, with DEL and the C1 controls written as `\u00XX` escapes
 * (same value, safe to print on a terminal).
 */
export function* jsonChunks(value: unknown, options: JsonChunkOptions = {}): Generator<string> {
  const layout = options.compact === true ? COMPACT : PRETTY;
  yield* chunksOf(value, '', 0, layout);
  if (layout.newline !== '') yield '\n';
}

function* chunksOf(value: unknown, indent: string, depth: number, layout: Layout): Generator<string> {
  if (value instanceof LazyArray) {
    yield* arrayChunks(value.items, indent, depth, layout);
    return;
  }
  if (depth >= layout.depth && layout.step === '' && Array.isArray(value) && value.length > SLICE) {
    yield* sliceChunks(value);
    return;
  }
  if (depth >= layout.depth || value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield leaf(value, indent, layout);
    return;
  }
  if (Array.isArray(value)) {
    yield* arrayChunks(value, indent, depth, layout);
    return;
  }
  const { newline, colon } = layout;
  const inner = `${indent}${layout.step}`;
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    yield `${first ? '{' : ','}${newline}${inner}${safe(JSON.stringify(key))}${colon}`;
    first = false;
    yield* chunksOf(item, inner, depth + 1, layout);
  }
  yield first ? '{}' : `${newline}${indent}}`;
}

function* arrayChunks(items: Iterable<unknown>, indent: string, depth: number, layout: Layout): Generator<string> {
  const { newline } = layout;
  const inner = `${indent}${layout.step}`;
  let first = true;
  for (const item of items) {
    yield `${first ? '[' : ','}${newline}${inner}`;
    first = false;
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
    else yield* chunksOf(item, inner, depth + 1, layout);
  }
  yield first ? '[]' : `${newline}${indent}]`;
}

/** A long compact array as `[`, slices of its elements (each one JSON.stringify call), `]`. */
function* sliceChunks(items: readonly unknown[]): Generator<string> {
  yield '[';
  for (let i = 0; i < items.length; i += SLICE) {
    const text = JSON.stringify(items.slice(i, i + SLICE));
    yield safe(`${i === 0 ? '' : ','}${text.slice(1, -1)}`);
  }
  yield ']';
}

function leaf(value: unknown, indent: string, layout: Layout): string {
  const text = layout.step === '' ? JSON.stringify(value) : JSON.stringify(value, null, 2);
  return safe(indent === '' ? text : text.replace(/\n/g, `\n${indent}`));
}

const UNSAFE = /[\u007f-\u009f]/g;

function safe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
}
