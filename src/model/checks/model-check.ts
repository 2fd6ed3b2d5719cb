// What a semantic check sees: the model as validated so far (a field is absent where its value was
// invalid, already reported), positions to point at, and a sink for issues.

import type { Model, SourceLocation } from '../types.js';

/** A model whose fields may be missing: checks run even when other parts failed, and skip what is absent. */
export type Draft<T> = T extends readonly (infer Item)[]
  ? readonly Draft<Item>[]
  : T extends object
    ? { readonly [K in keyof T]?: Draft<T[K]> }
    : T;

export interface CheckContext {
  /** Where `container[member]` was written (the container's position if it was defaulted). */
  at(container: object, member?: string | number): SourceLocation;
  /** False when a list lost invalid items: a check must not conclude that something is missing from it. */
  complete(list: readonly unknown[]): boolean;
  report(location: SourceLocation, message: string): void;
}

/**
 * One rule that needs more than a single key to check. Each skips values that are absent (invalid,
 * reported already) or that name unknown entities (reported by the reference check), so one
 * mistake yields one issue.
 */
export interface ModelCheck {
  readonly id: string;
  readonly description: string;
  run(model: Draft<Model>, context: CheckContext): void;
}

/** Entities by id, the first of duplicates winning (a later duplicate is reported on its own). */
export function byId<E extends { readonly id?: string }>(entities: readonly E[] | undefined): Map<string, E> {
  const map = new Map<string, E>();
  for (const entity of entities ?? []) {
    if (entity.id !== undefined && !map.has(entity.id)) map.set(entity.id, entity);
  }
  return map;
}

/** "tenant `t1`", or "a tenant" when its id was invalid. */
export function named(noun: string, id: string | undefined): string {
  return id === undefined ? `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}` : `${noun} \`${id}\``;
}
