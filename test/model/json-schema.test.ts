// The committed JSON Schemas equal the ones generated from the declarations (run
// `node dist/src/schema/write-json-schema.js` after changing a schema), and help editors everywhere.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemaFiles } from '../../src/schema/schema-files.js';

const committed = (name: string): string => readFileSync(new URL(`../../schema/${name}`, import.meta.url), 'utf8');

type JsonNode = { readonly [key: string]: unknown };

/** Every property schema in a JSON Schema, with its path. */
function properties(node: JsonNode, path = ''): [string, JsonNode][] {
  const found: [string, JsonNode][] = [];
  const props = node['properties'] as Record<string, JsonNode> | undefined;
  for (const [key, child] of Object.entries(props ?? {})) {
    found.push([`${path}.${key}`, child], ...properties(child, `${path}.${key}`));
  }
  const items = node['items'] as JsonNode | undefined;
  if (items !== undefined) found.push(...properties(items, `${path}[]`));
  return found;
}

describe.each([...renderSchemaFiles()])('schema/%s', (name, generated) => {
  const schema = JSON.parse(generated) as JsonNode;

  it('is committed exactly as generated', () => {
    expect(committed(name)).toBe(generated);
  });

  it('gives every property a title and a description', () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(5);
    for (const [path, property] of all) {
      expect(property['title'], path).toEqual(expect.any(String));
      expect(property['description'], path).toEqual(expect.any(String));
    }
  });

  it('accepts `$schema` and refuses unknown keys, as the loader does', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['properties']).toHaveProperty('$schema');
    expect(schema['additionalProperties']).toBe(false);
    const required: Record<string, string[] | undefined> = {
      'model.schema.json': ['name', 'organizations'],
      'scenario.schema.json': ['name'],
      // Every part of a policy file has a default: an empty file runs the default policies.
      'policy.schema.json': undefined,
    };
    expect(schema['required']).toEqual(required[name]);
  });
});

describe('schema/model.schema.json', () => {
  const schema = JSON.parse(committed('model.schema.json')) as JsonNode;
  const user = Object.fromEntries(properties(schema))['.users[].privilege'];

  it('lists enum values and defaults for completion', () => {
    expect(user).toMatchObject({
      type: 'string',
      enum: ['standard', 'localAdmin', 'tenantAdmin', 'subscriptionOwner'],
      default: 'standard',
    });
  });
});
