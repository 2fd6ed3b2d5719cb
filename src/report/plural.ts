// Counts in sentences: "1 data store", "14 data stores", "0 data stores".

/** `n` and the noun, plural unless n is 1 (`plural(1, 'failure')` → "1 failure"); `many` for irregular nouns. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : many}`;
}
