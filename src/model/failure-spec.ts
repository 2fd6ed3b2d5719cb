// The grammar of a scenario's `fail` entries: a boundary type (`kernel`: every kernel boundary),
// one instance (`session@pool1-vm3`, as domain/boundary.ts instanceId writes it), a failure group
// (`build:win11`, as EdgeAttributes.groups names it), or the hosts more than N days behind on
// patches (`patch>30`, `kernel@patch>30`: every pool whose patch cadence exceeds 30 days).

import { BOUNDARY_TYPES, isBoundaryType, type BoundaryType } from '../domain/boundary.js';
import { didYouMean } from './suggest.js';

export type FailureSpec =
  | { readonly kind: 'type'; readonly type: BoundaryType }
  | { readonly kind: 'instance'; readonly type: BoundaryType; readonly instance: string }
  | { readonly kind: 'group'; readonly group: string }
  | { readonly kind: 'patchBehind'; readonly type: BoundaryType | null; readonly days: number };

/** `patch>30` or `kernel@patch>30`: boundaries of host pools whose patch cadence exceeds 30 days. */
export const PATCH_BEHIND = /^(?:([a-z]+)@)?patch>(\d+)$/;

/** The type (or null for every type) and day count of a `patch>N` spec; null for any other spec. */
export function patchBehind(text: string): { readonly type: string | null; readonly days: number } | null {
  const match = PATCH_BEHIND.exec(text);
  return match === null ? null : { type: match[1] ?? null, days: Number(match[2]) };
}

export type FailureSpecResult = { readonly ok: true; readonly spec: FailureSpec } | { readonly ok: false; readonly message: string };

/** Whichever of `@` and `:` comes first decides: `type@place` is an instance, `prefix:name` a group. */
export function parseFailureSpec(text: string): FailureSpecResult {
  const behind = patchBehind(text);
  if (behind !== null) {
    if (behind.type !== null && !isBoundaryType(behind.type)) {
      return { ok: false, message: `\`${behind.type}\` in failure \`${text}\` is not a boundary type${didYouMean(behind.type, BOUNDARY_TYPES)}` };
    }
    return { ok: true, spec: { kind: 'patchBehind', type: behind.type as BoundaryType | null, days: behind.days } };
  }
  if (text.startsWith('patch>') || text.includes('@patch>')) {
    return { ok: false, message: `failure \`${text}\` must read \`patch>DAYS\` or \`TYPE@patch>DAYS\` with a whole number of days, e.g. \`kernel@patch>30\`` };
  }
  const separator = /[@:]/.exec(text);
  const head = separator === null ? text : text.slice(0, separator.index);
  if (separator?.[0] === ':') {
    return separator.index > 0 && separator.index < text.length - 1
      ? { ok: true, spec: { kind: 'group', group: text } }
      : { ok: false, message: `failure group \`${text}\` must read \`prefix:name\`, e.g. \`build:win11\`` };
  }
  if (!isBoundaryType(head)) {
    return {
      ok: false,
      message: `\`${head}\` in failure \`${text}\` is not a boundary type: expected one of ${BOUNDARY_TYPES.map((type) => `\`${type}\``).join(', ')}${didYouMean(head, BOUNDARY_TYPES)}`,
    };
  }
  if (separator === null) return { ok: true, spec: { kind: 'type', type: head } };
  return separator.index < text.length - 1
    ? { ok: true, spec: { kind: 'instance', type: head, instance: text } }
    : { ok: false, message: `boundary instance \`${text}\` must name a place after \`@\`, e.g. \`session@pool1-vm3\`` };
}
