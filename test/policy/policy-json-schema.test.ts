// The policy format, like the model's, converts to a JSON Schema for editors (src/model/json-schema.ts);
// that schema accepts what the loader accepts and refuses unknown keys and bad values.

import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { toJsonSchema } from '../../src/model/json-schema.js';
import { POLICY_SCHEMA } from '../../src/policy/policy-schema.js';
import { POLICIES } from '../../src/policy/registry.js';
import { ROOT } from '../support/model.js';

const schema = toJsonSchema(POLICY_SCHEMA, 'An indepth policy file: settings of the built-in policies and custom ones.');
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

describe('policy JSON Schema', () => {
  it('has a key per built-in policy under `policies`', () => {
    const policies = (schema['properties'] as Record<string, { properties: Record<string, unknown> }>)['policies']!;
    expect(Object.keys(policies.properties)).toEqual(POLICIES.map((p) => p.id));
  });

  it('accepts the example policy of docs/ci.md', () => {
    const doc = readFileSync(`${ROOT}docs/ci.md`, 'utf8');
    const example = [...doc.matchAll(/```yaml\n(name: contoso[\s\S]*?)```/g)][0]![1]!;
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses unknown keys and bad values, as the loader does', () => {
    expect(validate({ policies: { 'cross-org-depht': {} } })).toBe(false);
    expect(validate({ policies: { 'cross-org-depth': { minDepth: 0 } } })).toBe(false);
    expect(validate({ custom: [{ id: 'x', title: 't', from: [], minDepth: 2 }] })).toBe(false);
    expect(validate({ $schema: './policy.schema.json', custom: [{ id: 'x', title: 't', from: ['a'], minDepth: 2 }] })).toBe(true);
  });
});
