// Schema DSL → JSON Schema (draft-07, the draft editors' YAML and JSON support understands best),
// with a title and description on every property so completion and hover explain each key.

import { ID_PATTERN } from './id-rules.js';
import type { Field, ObjectSchema, Schema } from './schema-dsl.js';

export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };
export type JsonObject = { readonly [key: string]: Json };

export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

/** A complete JSON Schema document for files whose top level is `schema`. */
export function toJsonSchema(schema: ObjectSchema, description: string): JsonObject {
  const { title: _title, ...rest } = convertObject(schema);
  return { $schema: JSON_SCHEMA_DRAFT, title: schema.title, description, ...rest };
}

function convert(schema: Schema): JsonObject {
  switch (schema.kind) {
    case 'string':
      return {
        type: 'string',
        ...(schema.minLength > 0 ? { minLength: schema.minLength } : {}),
        ...(schema.maxLength !== undefined ? { maxLength: schema.maxLength } : {}),
      };
    case 'id':
      return { type: 'string', pattern: ID_PATTERN.source };
    case 'ref':
      return { type: 'string', minLength: 1 };
    case 'integer':
      return schema.maximum === undefined
        ? { type: 'integer', minimum: schema.minimum }
        : { type: 'integer', minimum: schema.minimum, maximum: schema.maximum };
    case 'number':
      return schema.maximum === undefined
        ? { type: 'number', minimum: schema.minimum }
        : { type: 'number', minimum: schema.minimum, maximum: schema.maximum };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'string', enum: [...schema.values] };
    case 'array':
      return {
        type: 'array',
        items: convert(schema.items),
        ...(schema.minItems > 0 ? { minItems: schema.minItems } : {}),
        ...(schema.unique ? { uniqueItems: true } : {}),
      };
    case 'nullable':
      return withNull(convert(schema.inner));
    case 'object':
      return convertObject(schema);
  }
}

function convertObject(schema: ObjectSchema): JsonObject {
  const entries = Object.entries(schema.fields);
  const requiredKeys = entries.filter(([, field]) => field.presence === 'required').map(([key]) => key);
  return {
    type: 'object',
    title: schema.title,
    properties: Object.fromEntries(entries.map(([key, field]) => [key, convertField(field)])),
    ...(requiredKeys.length > 0 ? { required: requiredKeys } : {}),
    additionalProperties: false,
  };
}

function convertField(field: Field): JsonObject {
  // The field's title wins over an object's own (`Costs`): it is what the key means here.
  const { title: _objectTitle, ...converted } = convert(field.schema);
  // Static defaults only: a derived default (`name` = the id) is explained in the description.
  const hasDefault = field.presence === 'default' && field.defaultValue !== undefined;
  return {
    title: field.title,
    description: field.description,
    ...converted,
    ...(hasDefault ? { default: toJson(field.defaultValue) } : {}),
  };
}

/** Allows null beside the inner type: `type: ['integer', 'null']`, and null among enum values. */
function withNull(inner: JsonObject): JsonObject {
  const type = inner['type'];
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  const values = inner['enum'];
  return {
    ...inner,
    type: [...types, 'null'],
    ...(Array.isArray(values) ? { enum: [...values, null] } : {}),
  };
}

/** Defaults are plain data (strings, numbers, booleans, null, arrays, objects of those). */
function toJson(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  }
  throw new Error(`a schema default is not JSON data: ${String(value)}`);
}
