// Two total orders on strings, both the same on every machine and locale: code-unit order for
// machine output (JSON, SARIF, golden files) and natural order for lists a person reads, where
// `pool-vm2` comes before `pool-vm10` and `workers#2` before `workers#10`.

/** Compare strings by UTF-16 code unit (what `Array.prototype.sort` does without a comparator). */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const DIGIT_RUN = /[0-9]+/g;

/**
 * Natural order: runs of ASCII digits compare by numeric value (of any length, without converting
 * to a number), everything else by code unit. Ties in value (`#2` and `#02`) are broken by
 * `byString`, so the order is total and deterministic: sorting never depends on input order.
 */
export function byNaturalOrder(a: string, b: string): number {
  if (a === b) return 0;
  const left = tokens(a);
  const right = tokens(b);
  const n = Math.min(left.length, right.length);
  for (let i = 0; i < n; i++) {
    // Both lists alternate text, digits, text, …: odd positions hold digit runs.
    const order = i % 2 === 1 ? byNumericValue(left[i]!, right[i]!) : byString(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length || byString(a, b);
}

/** Alternating runs: text, digits, text, … (the first may be empty). */
function tokens(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const match of text.matchAll(DIGIT_RUN)) {
    out.push(text.slice(last, match.index), match[0]);
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out;
}

/** Two digit runs by value: fewer significant digits is smaller; equal length compares digit by digit. */
function byNumericValue(x: string, y: string): number {
  const a = x.replace(/^0+(?=\d)/, '');
  const b = y.replace(/^0+(?=\d)/, '');
  return a.length - b.length || byString(a, b);
}
