// Building blocks shared by the model and pair arbitraries. Every `oneof` lists its simplest choice
// first and cross-shrinks to it, so a shrunk counterexample has single users, standard privilege,
// no cross-org grants — unless the failure needs them.

import fc from 'fast-check';
import { CONTROL_NAMES, DEFAULT_CONTROLS, type ControlName } from '../../src/domain/controls.js';
import { PRIVILEGES, type Privilege } from '../../src/model/types.js';

/** `oneof` constraints: shrinking may jump to the first (simplest) alternative. */
export const SHRINK_TO_FIRST = { withCrossShrink: true } as const;

/** An index into some list, resolved modulo its length (so it shrinks to 0, the list's first). */
export const smallIndex = fc.nat({ max: 7 });

export const indexList = (maxLength: number, minLength = 0) => fc.uniqueArray(smallIndex, { minLength, maxLength });

/** Mostly single users; groups of 2–5 identical users now and then. */
export const userCount = fc.oneof(
  SHRINK_TO_FIRST,
  { arbitrary: fc.constant(1), weight: 3 },
  { arbitrary: fc.integer({ min: 2, max: 5 }), weight: 1 },
);

/** Standard users most often; each privileged kind about one user in seven. */
export const privilege = fc.oneof(
  SHRINK_TO_FIRST,
  { arbitrary: fc.constant<Privilege>('standard'), weight: 4 },
  { arbitrary: fc.constantFrom<Privilege>(...PRIVILEGES.filter((p) => p !== 'standard')), weight: 3 },
);

/** Usually false; weight 0 means never. Shrinks to false. */
export function rarely(weightFalse: number, weightTrue = 1): fc.Arbitrary<boolean> {
  if (weightTrue === 0) return fc.constant(false);
  return fc.oneof(SHRINK_TO_FIRST, { arbitrary: fc.constant(false), weight: weightFalse }, { arbitrary: fc.constant(true), weight: weightTrue });
}

/** Usually no index at all; weight 0 means always none. Shrinks to []. */
export function rareIndices(weightNone: number, weightSome: number, maxLength: number): fc.Arbitrary<readonly number[]> {
  if (weightSome === 0) return fc.constant([]);
  return fc.oneof(SHRINK_TO_FIRST, { arbitrary: fc.constant([]), weight: weightNone }, { arbitrary: indexList(maxLength, 1), weight: weightSome });
}

/** Every control on or off; shrinks to the loader's defaults (which a model document leaves out). */
export const controlsArbitrary: fc.Arbitrary<Record<ControlName, boolean>> = fc.record(
  Object.fromEntries(CONTROL_NAMES.map((c) => [c, fc.boolean().map((flip) => flip !== DEFAULT_CONTROLS[c])])) as Record<
    ControlName,
    fc.Arbitrary<boolean>
  >,
);

/** The controls that differ from the defaults; undefined when none do (the document leaves it out). */
export function controlsDoc(controls: Readonly<Record<ControlName, boolean>>): Partial<Record<ControlName, boolean>> | undefined {
  const changed = CONTROL_NAMES.filter((c) => controls[c] !== DEFAULT_CONTROLS[c]);
  return changed.length === 0 ? undefined : Object.fromEntries(changed.map((c) => [c, controls[c]]));
}

/** Whether a user signs in from a modelled device: usually (the default, left out); shrinks to it. */
export const hasDevice = rarely(3).map((none) => !none);
