// JSON output shared by every command: two-space indented, trailing newline, keys in the order the
// result objects were built, so the same input always gives byte-identical text.

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Compare strings by code unit, the same on every machine and locale. */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
