// Text tables for terminals: every column as wide as its widest cell (header included), two spaces
// between columns, numbers right-aligned where asked, no trailing spaces. One piece for every report,
// so a long id widens its column instead of running into the next one.

export type Align = 'left' | 'right';

export interface TableOptions {
  /** Put before every line (e.g. two spaces under a heading). */
  readonly indent?: string;
  /** Spaces between columns; default 2. */
  readonly gap?: number;
  /** Per column; default left. */
  readonly align?: readonly Align[];
}

/** Rows of cells (the first row is usually the header) → one line per row. */
export function formatTable(rows: readonly (readonly string[])[], options: TableOptions = {}): string[] {
  const { indent = '', gap = 2, align = [] } = options;
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((r) => width(r[c] ?? ''))));
  return rows.map((row) => {
    const cells = row.map((cell, c) => {
      const pad = ' '.repeat(widths[c]! - width(cell));
      return align[c] === 'right' ? pad + cell : c === row.length - 1 ? cell : cell + pad;
    });
    return `${indent}${cells.join(' '.repeat(gap))}`.replace(/ +$/, '');
  });
}

/** Display width, counting code points (the reports use no wide characters). */
function width(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
