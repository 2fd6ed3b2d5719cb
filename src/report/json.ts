// JSON output shared by every command: two-space indented, trailing newline, keys in the order the
// result objects were built, so the same input always gives byte-identical text.

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Code-unit string order; it lives in util/ (analyze/ and report/ both use it), re-exported here for existing importers. */
export { byString } from '../util/string-order.js';
