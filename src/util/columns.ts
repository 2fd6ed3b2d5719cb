// Typed columns carved out of one ArrayBuffer, for the compiler and the engine. V8 runs a full garbage
// collection when ArrayBuffer memory grows by tens of MB since the last one (external memory pressure):
// at millions of nodes, ten column allocations cost several full collections of a multi-GB heap, one costs one.

/** The element types a column can have. */
export type ColumnType = 'int32' | 'uint32' | 'uint16' | 'int8' | 'uint8';

interface ArrayTypes {
  readonly int32: Int32Array<ArrayBuffer>;
  readonly uint32: Uint32Array<ArrayBuffer>;
  readonly uint16: Uint16Array<ArrayBuffer>;
  readonly int8: Int8Array<ArrayBuffer>;
  readonly uint8: Uint8Array<ArrayBuffer>;
}
type ArrayOf<T extends ColumnType> = ArrayTypes[T];

const CONSTRUCTORS = { int32: Int32Array, uint32: Uint32Array, uint16: Uint16Array, int8: Int8Array, uint8: Uint8Array } as const;

/** Column name → [element type, length in elements]. */
export type ColumnLayout = Readonly<Record<string, readonly [ColumnType, number]>>;

export type Columns<L extends ColumnLayout> = { [K in keyof L]: ArrayOf<L[K][0]> };

/**
 * Zero-filled columns of the given types and lengths, views into one ArrayBuffer allocated once
 * (each column starts on an 8-byte boundary). A structured clone (worker threads) of any of them
 * copies the whole buffer once, so group only columns that travel together.
 */
export function carveColumns<const L extends ColumnLayout>(layout: L): Columns<L> {
  const align = (bytes: number) => Math.ceil(bytes / 8) * 8;
  let total = 0;
  for (const [type, length] of Object.values(layout)) total += align(CONSTRUCTORS[type].BYTES_PER_ELEMENT * length);
  const buffer = new ArrayBuffer(total);
  const out: Record<string, ArrayTypes[ColumnType]> = {};
  let offset = 0;
  for (const [name, [type, length]] of Object.entries(layout)) {
    out[name] = new CONSTRUCTORS[type](buffer, offset, length);
    offset += align(CONSTRUCTORS[type].BYTES_PER_ELEMENT * length);
  }
  return out as Columns<L>;
}
