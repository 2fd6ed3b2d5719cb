// A claim of the guide as a property: a name (also the regression file prefix), the guide's
// sentence, an arbitrary of plain YAML-serializable inputs, and a predicate that throws when the
// claim fails on an input. The same predicate runs on generated inputs and on saved regressions.
// The predicate returns how many facts it checked, so a run can tell a property that holds from
// one that is vacuous on most inputs (checkClaim demands that most inputs exercise it).

import type fc from 'fast-check';

export interface Claim<Input> {
  readonly name: string;
  /** The guide's sentence the claim stands for, quoted. */
  readonly guide: string;
  readonly arbitrary: fc.Arbitrary<Input>;
  /** Throws when the claim fails; returns the number of facts checked (0: the input did not exercise it). */
  readonly predicate: (input: Input) => number;
}

/** A failed check: throws an Error whose message names what went wrong. */
export function claimFails(message: string, details?: unknown): never {
  const extra = details === undefined ? '' : `\n${JSON.stringify(details, null, 2)}`;
  throw new Error(`${message}${extra}`);
}
