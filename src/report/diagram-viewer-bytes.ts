// The byte-level codec of the viewer page's columns: LEB128 varints (zigzag for signed deltas) and
// front-coded string columns, written in Node and read in the browser. Pure: no zlib, no I/O (the
// page deflates and inflates whole columns around these).

const encoder = new TextEncoder();

/** A growable byte buffer of varints and raw bytes. */
export class ByteWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;

  private room(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  /** An unsigned integer below 2^53 (LEB128: 7 bits a byte, low first). */
  uint(value: number): void {
    if (!(value >= 0 && Number.isSafeInteger(value))) throw new RangeError(`varint: ${value} is not a non-negative safe integer`);
    this.room(8);
    let v = value;
    while (v >= 0x80) {
      this.bytes[this.length++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.bytes[this.length++] = v;
  }

  /** A signed integer from -2^52 to 2^52 - 1, zigzag-mapped (0, -1, 1, -2 … → 0, 1, 2, 3 …). */
  int(value: number): void {
    this.uint(value < 0 ? -2 * value - 1 : 2 * value);
  }

  byte(value: number): void {
    this.room(1);
    this.bytes[this.length++] = value;
  }

  /** A well-formed string as UTF-8 (a lone surrogate would become U+FFFD: escape it first, as JSON does). */
  text(value: string): void {
    this.room(value.length * 3);
    this.length += encoder.encodeInto(value, this.bytes.subarray(this.length)).written;
  }

  /** The bytes written so far (a view: copy it before writing more). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Reads what a ByteWriter wrote, in the same order; reading past the end throws. */
export class ByteReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  uint(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.bytes.length) throw new RangeError('varint: read past the end of the column');
      const b = this.bytes[this.at++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 0x80;
    }
  }

  int(): number {
    const z = this.uint();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  byte(): number {
    if (this.at >= this.bytes.length) throw new RangeError('byte: read past the end of the column');
    return this.bytes[this.at++]!;
  }

  get done(): boolean {
    return this.at === this.bytes.length;
  }
}

/**
 * A string column, front-coded: per string the length of the prefix it shares with the previous one
 * and the length of the rest (UTF-16 code units, as varints), and the rests concatenated, as lines of
 * JSON strings in UTF-8 (lossless for any JS string, lone surrogates included; a line per few
 * thousand strings, so no column-long string is built). Sorted ids shrink to their differing tails.
 */
export interface FrontCoded {
  readonly lengths: Uint8Array;
  /** UTF-8 of JSON string lines; their contents concatenated are the rests. */
  readonly tails: Uint8Array;
}

const TAILS_PER_LINE = 4096;

export function frontCode(strings: Iterable<string>): FrontCoded {
  const lengths = new ByteWriter();
  const tails = new ByteWriter();
  let line: string[] = [];
  const flush = () => {
    tails.text(`${JSON.stringify(line.join(''))}\n`);
    line = [];
  };
  let previous = '';
  for (const s of strings) {
    const max = Math.min(previous.length, s.length);
    let k = 0;
    while (k < max && previous.charCodeAt(k) === s.charCodeAt(k)) k++;
    lengths.uint(k);
    lengths.uint(s.length - k);
    line.push(s.slice(k));
    if (line.length === TAILS_PER_LINE) flush();
    previous = s;
  }
  if (line.length > 0) flush();
  return { lengths: lengths.view().slice(), tails: tails.view().slice() };
}

/** The strings of `frontCode` (its tails as text), in order; throws when the column is not `count` strings long. */
export function frontDecode(coded: { readonly lengths: Uint8Array; readonly tails: string }, count: number): string[] {
  const lengths = new ByteReader(coded.lengths);
  const tails = coded.tails
    .split('\n')
    .slice(0, -1)
    .map((line) => {
      const part = JSON.parse(line) as unknown;
      if (typeof part !== 'string') throw new TypeError('front-coded strings: a line of tails is not a string');
      return part;
    })
    .join('');
  const out = new Array<string>(count);
  let previous = '';
  let at = 0;
  for (let i = 0; i < count; i++) {
    const k = lengths.uint();
    const n = lengths.uint();
    if (k > previous.length || at + n > tails.length) throw new RangeError(`front-coded strings: string ${i} is out of range`);
    const s = previous.slice(0, k) + tails.slice(at, at + n);
    at += n;
    out[i] = s;
    previous = s;
  }
  if (!lengths.done || at !== tails.length) throw new RangeError(`front-coded strings: more data than ${count} strings`);
  return out;
}

/** Integers as the first value and successive differences (near-ascending node indices become small numbers, which deflate well). */
export function deltas(values: readonly number[]): number[] {
  return values.map((v, i) => (i === 0 ? v : v - values[i - 1]!));
}

/** The inverse of `deltas`. */
export function undeltas(values: readonly number[]): number[] {
  const out = new Array<number>(values.length);
  let sum = 0;
  values.forEach((d, i) => (out[i] = sum += d));
  return out;
}
