// A tiny schema language: input formats are declared once as data, and both the AST validator
// (validate.ts) and the JSON Schema for editors (json-schema.ts) are generated from it.
// `Infer<S>` gives the TypeScript type a schema produces, so a schema can be checked against types.ts.

export interface StringSchema {
  readonly kind: 'string';
  readonly minLength: number;
  /** Longest accepted, in UTF-16 code units (as JSON Schema counts); none when absent. */
  readonly maxLength?: number;
}

/** An entity id: a string matching ID_PATTERN, unique across the file (see entity-ids.ts). */
export interface IdSchema {
  readonly kind: 'id';
}

export interface IntegerSchema {
  readonly kind: 'integer';
  readonly minimum: number;
  /** Largest value allowed (inclusive); absent for no upper limit but the safe-integer range. */
  readonly maximum?: number;
}

export interface NumberSchema {
  readonly kind: 'number';
  readonly minimum: number;
  /** Largest value allowed (inclusive); absent for no upper limit. */
  readonly maximum?: number;
}

export interface BooleanSchema {
  readonly kind: 'boolean';
}

export interface EnumSchema<V extends string = string> {
  readonly kind: 'enum';
  readonly values: readonly V[];
}

/** The id of an entity in another collection (`organizations`, `users`, …), resolved after the walk. */
export interface RefSchema {
  readonly kind: 'ref';
  /** The collections the id may name: one (`organizations`), or several (a role assignment's principal: a user, group or managed identity). */
  readonly collections: readonly string[];
  /** What one entity of the collection is called in messages ("organization", "host pool"). */
  readonly noun: string;
}

export interface ArraySchema<I extends Schema = Schema> {
  readonly kind: 'array';
  readonly items: I;
  readonly minItems: number;
  /** Whether the same value may appear twice (it may not in a list of references). */
  readonly unique: boolean;
}

export interface NullableSchema<I extends Schema = Schema> {
  readonly kind: 'nullable';
  readonly inner: I;
}

/** A collection item that is a model entity: its position is recorded under `collection/id`. */
export interface EntitySpec {
  readonly collection: string;
  readonly noun: string;
}

export interface ObjectSchema<F extends Fields = Fields> {
  readonly kind: 'object';
  readonly title: string;
  readonly fields: F;
  readonly entity: EntitySpec | null;
}

export type Schema =
  | StringSchema
  | IdSchema
  | IntegerSchema
  | NumberSchema
  | BooleanSchema
  | EnumSchema
  | RefSchema
  | ArraySchema
  | NullableSchema
  | ObjectSchema;

/**
 * How a key's absence is handled: `required` is an issue; `default` and `derived` fill a value
 * (derived from the sibling values, like `name` defaulting to the id); `optional` leaves the key
 * out; `ignored` accepts and drops the key (a model's `$schema`).
 */
export type Presence = 'required' | 'default' | 'derived' | 'optional' | 'ignored';

export type Siblings = Readonly<Record<string, unknown>>;

export interface Field<S extends Schema = Schema, P extends Presence = Presence> {
  readonly schema: S;
  readonly presence: P;
  readonly title: string;
  readonly description: string;
  /** The value of an absent `default` field. */
  readonly defaultValue?: unknown;
  /** Computes an absent `derived` field from the validated siblings; undefined if they are invalid. */
  readonly derive?: (siblings: Siblings) => unknown;
}

export type Fields = { readonly [key: string]: Field };

// ---- schema constructors -------------------------------------------------------------------

export function string(options: { minLength?: number; maxLength?: number } = {}): StringSchema {
  return { kind: 'string', minLength: options.minLength ?? 0, ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }) };
}

export function id(): IdSchema {
  return { kind: 'id' };
}

export function integer(options: { minimum: number; maximum?: number }): IntegerSchema {
  return options.maximum === undefined
    ? { kind: 'integer', minimum: options.minimum }
    : { kind: 'integer', minimum: options.minimum, maximum: options.maximum };
}

export function number(options: { minimum: number; maximum?: number }): NumberSchema {
  return options.maximum === undefined
    ? { kind: 'number', minimum: options.minimum }
    : { kind: 'number', minimum: options.minimum, maximum: options.maximum };
}

export function boolean(): BooleanSchema {
  return { kind: 'boolean' };
}

export function enumOf<const V extends string>(values: readonly V[]): EnumSchema<V> {
  return { kind: 'enum', values };
}

export function ref(collection: string | readonly string[], noun: string): RefSchema {
  return { kind: 'ref', collections: typeof collection === 'string' ? [collection] : collection, noun };
}

export function arrayOf<I extends Schema>(
  items: I,
  options: { minItems?: number; unique?: boolean } = {},
): ArraySchema<I> {
  return { kind: 'array', items, minItems: options.minItems ?? 0, unique: options.unique ?? false };
}

export function nullable<I extends Schema>(inner: I): NullableSchema<I> {
  return { kind: 'nullable', inner };
}

export function object<F extends Fields>(title: string, fields: F, entity: EntitySpec | null = null): ObjectSchema<F> {
  return { kind: 'object', title, fields, entity };
}

// ---- field constructors: every key carries a title and a description for editors -------------

export function required<S extends Schema>(schema: S, title: string, description: string): Field<S, 'required'> {
  return { schema, presence: 'required', title, description };
}

export function withDefault<S extends Schema>(
  schema: S,
  defaultValue: Infer<S>,
  title: string,
  description: string,
): Field<S, 'default'>;
// The implementation sees `unknown` so the compiler need not expand Infer<S> for every possible S.
export function withDefault(schema: Schema, defaultValue: unknown, title: string, description: string): Field {
  return { schema, presence: 'default', title, description, defaultValue };
}

/** A default computed from sibling values; `description` should say what it defaults to. */
export function derived<S extends Schema>(
  schema: S,
  derive: (siblings: Siblings) => Infer<S> | undefined,
  title: string,
  description: string,
): Field<S, 'derived'> {
  return { schema, presence: 'derived', title, description, derive };
}

export function optional<S extends Schema>(schema: S, title: string, description: string): Field<S, 'optional'> {
  return { schema, presence: 'optional', title, description };
}

export function ignored<S extends Schema>(schema: S, title: string, description: string): Field<S, 'ignored'> {
  return { schema, presence: 'ignored', title, description };
}

/** What `{}` validates to, for an object whose keys all have defaults (`costs`, `controls`). */
export function defaultsOf<F extends Fields>(schema: ObjectSchema<F>): Infer<ObjectSchema<F>> {
  const value: Record<string, unknown> = {};
  const entries = Object.entries(schema.fields);
  for (const [key, field] of entries) {
    if (field.presence === 'required') throw new Error(`defaultsOf: \`${key}\` of ${schema.title} is required`);
    if (field.presence === 'default') value[key] = structuredClone(field.defaultValue);
  }
  for (const [key, field] of entries) {
    if (field.presence === 'derived' && field.derive) value[key] = field.derive(value);
  }
  // Built key by key from the schema's own fields and defaults, which Infer describes.
  return value as Infer<ObjectSchema<F>>;
}

// ---- the TypeScript type a schema produces ------------------------------------------------------

// The first test stops the recursion at the open-ended `Schema` itself (e.g. inside a generic
// function), which says nothing about the value; concrete schemas take the branches below.
export type Infer<S> = [Schema] extends [S]
  ? unknown
  : S extends StringSchema | IdSchema | RefSchema
  ? string
  : S extends IntegerSchema | NumberSchema
    ? number
    : S extends BooleanSchema
      ? boolean
      : S extends EnumSchema<infer V>
        ? V
        : S extends NullableSchema<infer I>
          ? Infer<I> | null
          : S extends ArraySchema<infer I>
            ? readonly Infer<I>[]
            : S extends ObjectSchema<infer F>
              ? InferFields<F>
              : never;

type KeysWith<F extends Fields, P extends Presence> = {
  [K in keyof F]: F[K] extends Field<Schema, infer Q> ? (Q extends P ? K : never) : never;
}[keyof F];

type InferFields<F extends Fields> = Simplify<
  { readonly [K in KeysWith<F, 'required' | 'default' | 'derived'>]: Infer<F[K]['schema']> } & {
    readonly [K in KeysWith<F, 'optional'>]?: Infer<F[K]['schema']>;
  }
>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** True when A and B are mutually assignable; used to pin a schema to its hand-written type. */
export type SameType<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
