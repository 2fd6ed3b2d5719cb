// The validator: walks a YAML syntax tree against a schema (schema-dsl.ts), collecting every issue
// with its position, and builds the output only from keys the schema declares — so input keys
// such as `__proto__` are reported as unknown and never reach an object.

import { isAlias, isMap, isPair, isScalar, isSeq, type ParsedNode, type YAMLMap, type YAMLSeq } from 'yaml';
import { ID_RULE_TEXT, isValidId } from './id-rules.js';
import type { InputIssue } from './issues.js';
import { Positions } from './positions.js';
import type { ArraySchema, Fields, ObjectSchema, Schema } from './schema-dsl.js';
import { didYouMean } from './suggest.js';
import type { SourceLocation } from './types.js';
import { expected, got, listOf, quote } from './value-text.js';
import type { YamlSource } from './yaml-source.js';

/** An entity met during the walk; ids are checked for uniqueness afterwards (entity-ids.ts). */
export interface WalkedEntity {
  readonly collection: string;
  readonly noun: string;
  /** Null for entities without an id field (extra edges), which are keyed by index. */
  readonly id: string | null;
  readonly index: number;
  /** The id value's position, or the item's for entities without an id. */
  readonly location: SourceLocation;
}

/** An id written where an entity of `collection` is expected; resolved once all ids are known. */
export interface WalkedReference {
  /** Every collection the id may name (it must name an entity of one of them). */
  readonly collections: readonly string[];
  readonly noun: string;
  readonly id: string;
  readonly location: SourceLocation;
  /** The entity (or object) holding the reference, as messages name it: "user `alice`". */
  readonly owner: string;
}

export interface WalkResult {
  /** The output built so far; every declared field is present and valid only if `issues` is empty. */
  readonly value: Readonly<Record<string, unknown>> | undefined;
  readonly issues: InputIssue[];
  readonly entities: readonly WalkedEntity[];
  readonly references: readonly WalkedReference[];
  readonly positions: Positions;
}

/** Where a value sits: its key path under the nearest named owner, for messages. */
interface Place {
  /** "user `alice`", "`costs`"; null at the top level of the file. */
  readonly owner: string | null;
  /** The key (or `key[3]`) under the owner. */
  readonly path: string;
  /** The position of an item in its list (entity labels and `extra.edges/3` use it). */
  readonly index: number;
  /** Where to report when the value itself is missing (`key:` with nothing after it). */
  readonly fallback: SourceLocation;
}

/** Validates a whole document whose top level must be a mapping of `schema`'s keys. */
export function validateDocument(schema: ObjectSchema, source: YamlSource, noun: string): WalkResult {
  return new Walker(source, noun).document(schema);
}

class Walker {
  readonly issues: InputIssue[] = [];
  readonly entities: WalkedEntity[] = [];
  readonly references: WalkedReference[] = [];
  readonly positions: Positions;

  constructor(
    private readonly source: YamlSource,
    /** What the file is called in messages ("model", "scenario"). */
    private readonly noun: string,
  ) {
    this.positions = new Positions(source.file);
  }

  document(schema: ObjectSchema): WalkResult {
    const root = this.source.root;
    let value: Record<string, unknown> | undefined;
    if (this.rejectAliasing(root)) {
      value = undefined;
    } else if (isMap(root)) {
      value = this.object(schema, root, { owner: null, path: '', index: 0, fallback: this.start(root) });
    } else {
      this.report(
        this.start(root),
        `the top level of the ${this.noun} file must be a mapping of keys to values, got ${got(root)}`,
      );
    }
    return {
      value,
      issues: this.issues,
      entities: this.entities,
      references: this.references,
      positions: this.positions,
    };
  }

  /** Any value; undefined when invalid (after reporting why). */
  private value(schema: Schema, node: ParsedNode | null, place: Place): unknown {
    if (node !== null && this.rejectAliasing(node)) return undefined;
    switch (schema.kind) {
      case 'nullable':
        return isNull(node) ? null : this.value(schema.inner, node, place);
      case 'object':
        return isMap(node) ? this.object(schema, node, place) : this.mismatch(schema, node, place);
      case 'array':
        return isSeq(node) ? this.array(schema, node, place) : this.mismatch(schema, node, place);
      default:
        return this.scalar(schema, node, place);
    }
  }

  private scalar(schema: Schema, node: ParsedNode | null, place: Place): unknown {
    const value: unknown = isScalar(node) ? node.value : undefined;
    const at = this.at(node, place);
    switch (schema.kind) {
      case 'string':
        if (typeof value !== 'string') return this.mismatch(schema, node, place);
        if (value.length < schema.minLength) return this.fail(at, `${subject(place)} must not be empty`);
        if (schema.maxLength !== undefined && value.length > schema.maxLength) {
          return this.fail(at, `${subject(place)} must be at most ${schema.maxLength} characters, got ${value.length}`);
        }
        return value;
      case 'id':
        if (typeof value !== 'string') return this.mismatch(schema, node, place);
        if (!isValidId(value)) {
          return this.fail(at, `id ${quote(value)} of ${place.owner ?? `the ${this.noun}`} is not valid: ${ID_RULE_TEXT}`);
        }
        return value;
      case 'ref':
        if (typeof value !== 'string') return this.mismatch(schema, node, place);
        this.references.push({
          collections: schema.collections,
          noun: schema.noun,
          id: value,
          location: at,
          owner: place.owner ?? `the ${this.noun}`,
        });
        return value;
      case 'integer':
      case 'number': {
        const accepted = schema.kind === 'integer' ? Number.isSafeInteger(value) : Number.isFinite(value);
        if (typeof value !== 'number' || !accepted) return this.mismatch(schema, node, place);
        if (value < schema.minimum) {
          return this.fail(at, `${subject(place)} must be >= ${schema.minimum}, got ${got(node)}`);
        }
        if (schema.maximum !== undefined && value > schema.maximum) {
          return this.fail(at, `${subject(place)} must be <= ${schema.maximum}, got ${got(node)}`);
        }
        return value;
      }
      case 'boolean':
        return typeof value === 'boolean' ? value : this.mismatch(schema, node, place);
      case 'enum':
        if (typeof value === 'string' && schema.values.includes(value)) return value;
        if (typeof value !== 'string') return this.mismatch(schema, node, place);
        return this.fail(at, `${subject(place)} must be one of ${acceptedValues(value, schema.values)}, got ${quote(value)}${didYouMean(value, schema.values)}`);
      default:
        return this.mismatch(schema, node, place);
    }
  }

  private array(schema: ArraySchema, seq: YAMLSeq.Parsed, place: Place): unknown[] {
    const output: unknown[] = [];
    this.positions.record(output, this.start(seq));
    const seen = new Set<unknown>();
    seq.items.forEach((item, index) => {
      const itemPlace: Place = { ...place, path: `${place.path}[${index}]`, index, fallback: this.start(seq) };
      // The parser turns `[a: 1]` into a one-key mapping; a bare pair here is only a safeguard.
      if (isPair(item)) {
        this.report(itemPlace.fallback, `${subject(itemPlace)} must be ${expected(schema.items)}, got a key: value pair`);
        this.positions.markIncomplete(output);
        return;
      }
      const value = this.value(schema.items, item, itemPlace);
      if (value === undefined) {
        this.positions.markIncomplete(output);
        return;
      }
      if (schema.unique && seen.has(value)) {
        this.report(this.at(item, itemPlace), `${subject(place)} lists ${quote(String(value))} more than once`);
        return;
      }
      seen.add(value);
      this.positions.recordMember(output, output.length, this.at(item, itemPlace));
      output.push(value);
    });
    if (seq.items.length < schema.minItems) {
      const count = schema.minItems === 1 ? 'at least one item' : `at least ${schema.minItems} items`;
      this.report(this.start(seq), `${subject(place)} must list ${count}`);
    }
    return output;
  }

  private object(schema: ObjectSchema, map: YAMLMap.Parsed, place: Place): Record<string, unknown> {
    const label = this.label(schema, map, place);
    const mapStart = this.start(map);
    const written = new Map<string, { readonly value: unknown; readonly at: SourceLocation }>();

    for (const pair of map.items) {
      const keyAt = pair.key === null ? mapStart : this.start(pair.key);
      const key = this.key(pair.key, keyAt);
      if (key === undefined) continue;
      // Object.hasOwn, not `in`: `constructor` or `__proto__` must not find Object.prototype.
      const field = Object.hasOwn(schema.fields, key) ? schema.fields[key] : undefined;
      if (field === undefined) {
        const known = Object.keys(schema.fields).filter((name) => schema.fields[name]?.presence !== 'ignored');
        this.report(keyAt, `unknown key ${quote(key)} in ${label ?? `the ${this.noun}`}${didYouMean(key, known)}`);
        continue;
      }
      const fieldPlace: Place = { owner: label, path: key, index: 0, fallback: keyAt };
      const value = this.value(field.schema, pair.value, fieldPlace);
      // Invalid values stay out (reported); a present-but-invalid key is still not "missing".
      written.set(key, { value, at: this.at(pair.value, fieldPlace) });
    }

    const output = this.assemble(schema.fields, written, label, mapStart);
    this.recordEntity(schema, output, place, mapStart);
    return output;
  }

  /** The output object in schema key order (stable JSON), with defaults filled in for absent keys. */
  private assemble(
    fields: Fields,
    written: ReadonlyMap<string, { readonly value: unknown; readonly at: SourceLocation }>,
    label: string | null,
    mapStart: SourceLocation,
  ): Record<string, unknown> {
    const values = new Map<string, unknown>();
    for (const [key, field] of Object.entries(fields)) {
      const entry = written.get(key);
      if (entry !== undefined) {
        if (entry.value !== undefined) values.set(key, entry.value);
      } else if (field.presence === 'required') {
        this.report(mapStart, `missing required key ${quote(key)} in ${label ?? `the ${this.noun}`}`);
      } else if (field.presence === 'default') {
        values.set(key, copyOf(field.defaultValue));
      }
    }
    // Derived defaults read their siblings, so they are computed once all of those are in place.
    let siblings: Readonly<Record<string, unknown>> | undefined;
    for (const [key, field] of Object.entries(fields)) {
      if (written.has(key) || field.presence !== 'derived' || field.derive === undefined) continue;
      siblings ??= Object.fromEntries(values);
      const value = field.derive(siblings);
      if (value !== undefined) values.set(key, value);
    }

    const output: Record<string, unknown> = {};
    this.positions.record(output, mapStart);
    for (const key of Object.keys(fields)) {
      if (!values.has(key) || fields[key]?.presence === 'ignored') continue;
      output[key] = values.get(key);
      const entry = written.get(key);
      if (entry !== undefined) this.positions.recordMember(output, key, entry.at);
    }
    return output;
  }

  private recordEntity(schema: ObjectSchema, output: Record<string, unknown>, place: Place, mapStart: SourceLocation): void {
    if (schema.entity === null) return;
    const { collection, noun } = schema.entity;
    if (!Object.hasOwn(schema.fields, 'id')) {
      this.entities.push({ collection, noun, id: null, index: place.index, location: mapStart });
      return;
    }
    const id = output['id'];
    // An entity with a missing or invalid id has been reported already and cannot be referred to.
    if (typeof id !== 'string') return;
    this.entities.push({ collection, noun, id, index: place.index, location: this.positions.of(output, 'id') });
  }

  /** How messages name an object: "user `alice`", "`users[3]`", "`costs`"; null at the top level. */
  private label(schema: ObjectSchema, map: YAMLMap.Parsed, place: Place): string | null {
    if (schema.entity !== null) {
      const idNode = map.items.find((pair) => isScalar(pair.key) && pair.key.value === 'id')?.value;
      const id: unknown = isScalar(idNode) ? idNode.value : undefined;
      return typeof id === 'string' && isValidId(id)
        ? `${schema.entity.noun} ${quote(id)}`
        : `\`${schema.entity.collection}[${place.index}]\``;
    }
    return place.owner === null && place.path === '' ? null : subject(place);
  }

  /** A mapping key as text; keys must be plain scalars (`? [a, b]` keys and `<<` merges are refused). */
  private key(node: ParsedNode | null, at: SourceLocation): string | undefined {
    if (node === null) return this.fail(at, 'a key is missing before `:`');
    if (this.rejectAliasing(node)) return undefined;
    if (!isScalar(node)) return this.fail(at, `keys must be plain text, got ${got(node)}`);
    const key = String(node.value);
    if (key === '<<' && node.type === 'PLAIN') {
      return this.fail(at, 'merge keys (`<<`) are not supported: write the keys out');
    }
    return key;
  }

  /**
   * Anchors and aliases are refused outright: resolving them is how "billion laughs" inputs
   * explode, and a model reads better with every value written where it applies.
   */
  private rejectAliasing(node: ParsedNode): boolean {
    if (isAlias(node)) {
      this.report(this.start(node), `aliases (\`*${node.source}\`) are not supported: write the value out`);
      return true;
    }
    if (node.anchor !== undefined) {
      // A node's range starts after its anchor; point at the `&name` the user wrote.
      const offset = this.source.text.lastIndexOf(`&${node.anchor}`, node.range[0]);
      const at = offset === -1 ? this.start(node) : this.source.locate(offset);
      this.report(at, `anchors (\`&${node.anchor}\`) are not supported: write the value out`);
    }
    return false;
  }

  private mismatch(schema: Schema, node: ParsedNode | null, place: Place): undefined {
    // `id: 2024` or `osBuild: 10.0` read as numbers in YAML; quoting is the fix the user needs.
    const wantsText = ['string', 'id', 'ref'].includes(schema.kind === 'nullable' ? schema.inner.kind : schema.kind);
    const value: unknown = isScalar(node) ? node.value : undefined;
    const hint = wantsText && (typeof value === 'number' || typeof value === 'boolean') ? ' (quote it to make it text)' : '';
    return this.fail(this.at(node, place), `${subject(place)} must be ${expected(schema)}, got ${got(node)}${hint}`);
  }

  private fail(at: SourceLocation, message: string): undefined {
    this.report(at, message);
    return undefined;
  }

  private report(location: SourceLocation, message: string): void {
    this.issues.push({ location, message });
  }

  /** A value's position; an empty value (`key:` and nothing) reports at its key instead. */
  private at(node: ParsedNode | null, place: Place): SourceLocation {
    if (node === null || (isScalar(node) && node.source === '' && node.value === null)) return place.fallback;
    return this.start(node);
  }

  private start(node: ParsedNode): SourceLocation {
    return this.source.locate(node.range[0]);
  }
}

/** "`count` of user `alice`", or "`name`" at the top level. */
function subject(place: Place): string {
  return place.owner === null ? `\`${place.path}\`` : `\`${place.path}\` of ${place.owner}`;
}

/** A fresh copy of an array or object default, so no two entities share (and could alias through) one. */
function copyOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}

function isNull(node: ParsedNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** Lists longer than this are not spelled out when a suggestion names the likely value (26 role names on one line buried it). */
const LONG_LIST = 12;

/** The accepted values as "… must be one of ___": all of them, or their count when a close one will be suggested. */
function acceptedValues(value: string, values: readonly string[]): string {
  return values.length > LONG_LIST && didYouMean(value, values) !== '' ? `${values.length} values` : listOf(values);
}
