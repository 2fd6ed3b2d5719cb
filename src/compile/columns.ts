// Typed columns carved out of one ArrayBuffer. V8 starts a full garbage collection whenever 64 MB of
// ArrayBuffer memory has been allocated since the last one (external memory pressure): at millions of
// nodes, ten column allocations cost ten full collections of a multi-gigabyte heap, one costs one.

/** The element types a column can have. */
export type ColumnType = 'int32' | 'uint16' | 'uint8';

type ArrayOf<T extends ColumnType> = T extends 'int32' ? Int32Array<ArrayBuffer> : T extends 'uint16' ? Uint16Array<ArrayBuffer> : Uint8Array<ArrayBuffer>;

/** Column name → [element type, length in elements]. */
export type ColumnLayout = Readonly<Record<string, readonly [ColumnType, number]>>;

export type Columns<L extends ColumnLayout> = { [K in keyof L]: ArrayOf<L[K][0]> };

const BYTES: Readonly<Record<ColumnType, number>> = { int32: 4, uint16: 2, uint8: 1 };

/**
 * Zero-filled columns of the given types and lengths, views into one ArrayBuffer allocated once
 * (each column starts on an 8-byte boundary). A structured clone (worker threads) of any of them
 * copies the whole buffer once, so group only columns that travel together.
 */
export function carveColumns<const L extends ColumnLayout>(layout: L): Columns<L> {
  const align = (bytes: number) => Math.ceil(bytes / 8) * 8;
  let total = 0;
  for (const [type, length] of Object.values(layout)) total += align(BYTES[type] * length);
  const buffer = new ArrayBuffer(total);
  const out: Record<string, Int32Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint8Array<ArrayBuffer>> = {};
  let offset = 0;
  for (const [name, [type, length]] of Object.entries(layout)) {
    out[name] = type === 'int32' ? new Int32Array(buffer, offset, length) : type === 'uint16' ? new Uint16Array(buffer, offset, length) : new Uint8Array(buffer, offset, length);
    offset += align(BYTES[type] * length);
  }
  return out as Columns<L>;
}
