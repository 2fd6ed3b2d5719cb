// What an entity id may look like. `@`, `/`, `#`, `:` and spaces are kept out because derived node
// ids use them (`session@pool1-vm3`, `users/alice`, `build:win11`); `internet` and `web` are built-in nodes.

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Node ids the compiler creates itself; no entity may take them. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['internet', 'web']);

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export const ID_RULE_TEXT =
  'an id starts with a letter or digit and contains only letters, digits, `.`, `_` and `-`';
