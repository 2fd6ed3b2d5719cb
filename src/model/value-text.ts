// How values and expectations read in issue messages: "must be an integer >= 1, got the string `two`".

import { isMap, isScalar, isSeq, type ParsedNode } from 'yaml';
import type { Schema } from './schema-dsl.js';

const MAX_SHOWN = 60;

/** A value in backticks, cut short if long, so a message stays one readable line. */
export function quote(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return `\`${oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine}\``;
}

export function listOf(values: readonly string[]): string {
  return values.map((value) => `\`${value}\``).join(', ');
}

/** What a schema accepts, as the end of "… must be ___". */
export function expected(schema: Schema): string {
  switch (schema.kind) {
    case 'string':
      return schema.minLength > 0 ? 'a non-empty string' : 'a string';
    case 'id':
      return 'an id (a string)';
    case 'ref':
      return `the id of ${article(schema.noun)} ${schema.noun}`;
    case 'integer':
      return `an integer >= ${schema.minimum}`;
    case 'number':
      return `a number >= ${schema.minimum}`;
    case 'boolean':
      return '`true` or `false`';
    case 'enum':
      return `one of ${listOf(schema.values)}`;
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping of keys to values';
    case 'nullable':
      return `${expected(schema.inner)}, or null`;
  }
}

/** What was actually written, as the end of "…, got ___". */
export function got(node: ParsedNode | null): string {
  if (node === null) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node)) return 'an alias';
  const value: unknown = node.value;
  if (value === null) return 'null';
  if (typeof value === 'string') return `the string ${quote(value)}`;
  if (typeof value === 'number' || typeof value === 'bigint') return `the number ${quote(node.source)}`;
  if (typeof value === 'boolean') return `\`${String(value)}\``;
  if (value instanceof Uint8Array) return 'binary data';
  return quote(node.source);
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? 'an' : 'a';
}
