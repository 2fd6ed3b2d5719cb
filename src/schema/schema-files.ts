// The JSON Schema files committed under schema/, rendered from the schema declarations. The write
// script saves them; a test fails when the committed files differ, so they never drift.

import { toJsonSchema } from '../model/json-schema.js';
import { SCENARIO_SCHEMA } from '../model/scenario-schema.js';
import { MODEL_SCHEMA } from '../model/schema.js';
import { POLICY_SCHEMA } from '../policy/policy-schema.js';

/** File name under schema/ → exact file content. */
export function renderSchemaFiles(): ReadonlyMap<string, string> {
  const render = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  return new Map([
    [
      'model.schema.json',
      render(
        toJsonSchema(
          MODEL_SCHEMA,
          'An indepth deployment model: organizations, identity tenants, subscriptions, host pools, users, apps, data and controls. The rules derive the security-boundary graph from it.',
        ),
      ),
    ],
    [
      'scenario.schema.json',
      render(
        toJsonSchema(
          SCENARIO_SCHEMA,
          'An indepth what-if scenario: the attacker\u2019s footholds, the boundaries that fail, and control overrides.',
        ),
      ),
    ],
    [
      'policy.schema.json',
      render(
        toJsonSchema(
          POLICY_SCHEMA,
          'An indepth policy file for `indepth check`: which default policies run and with what settings, and custom depth policies.',
        ),
      ),
    ],
  ]);
}
