// The grammar of a scenario's `fail` entries: a boundary type (`kernel`: every kernel boundary),
// one instance (`session@pool1-vm3`, as domain/boundary.ts instanceId writes it) or a failure group
// (`build:win11`, as EdgeAttributes.groups names it).

import { BOUNDARY_TYPES, isBoundaryType, type BoundaryType } from '../domain/boundary.js';
import { didYouMean } from './suggest.js';

export type FailureSpec =
  | { readonly kind: 'type'; readonly type: BoundaryType }
  | { readonly kind: 'instance'; readonly type: BoundaryType; readonly instance: string }
  | { readonly kind: 'group'; readonly group: string };

export type FailureSpecResult = { readonly ok: true; readonly spec: FailureSpec } | { readonly ok: false; readonly message: string };

/** Whichever of `@` and `:` comes first decides: `type@place` is an instance, `prefix:name` a group. */
export function parseFailureSpec(text: string): FailureSpecResult {
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
