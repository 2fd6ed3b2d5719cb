// Where each validated value came from. The validator builds plain output objects and arrays and
// records here the source position of each (and of each of their keys or items), so later checks
// can point at `users[2].vm` without walking the YAML again, and which lists lost invalid items.

import type { SourceLocation } from './types.js';

interface Entry {
  readonly self: SourceLocation;
  readonly members: Map<string | number, SourceLocation>;
}

export class Positions {
  private readonly table = new WeakMap<object, Entry>();
  private readonly incomplete = new WeakSet<object>();

  /** `file:1:1`, for values that were never in the file. */
  readonly start: SourceLocation;

  constructor(readonly file: string) {
    this.start = { file, line: 1, column: 1 };
  }

  /** Records where an output object or array starts. */
  record(container: object, self: SourceLocation): void {
    this.table.set(container, { self, members: new Map() });
  }

  /** Records where a key's value (or an array item) was written. */
  recordMember(container: object, member: string | number, at: SourceLocation): void {
    this.table.get(container)?.members.set(member, at);
  }

  /** Marks a list that had an invalid item (reported, and left out of the output). */
  markIncomplete(list: object): void {
    this.incomplete.add(list);
  }

  /** Whether every item written in the file is in the list: "x is in no list" is only sound then. */
  isComplete(list: object): boolean {
    return !this.incomplete.has(list);
  }

  /**
   * The position of `container[member]`; for a member that was defaulted rather than written,
   * the container's own position, so an issue about it still points at the right entity.
   */
  of(container: object, member?: string | number): SourceLocation {
    const entry = this.table.get(container);
    if (entry === undefined) return this.start;
    return (member === undefined ? undefined : entry.members.get(member)) ?? entry.self;
  }
}
