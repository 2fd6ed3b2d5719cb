// The policy file format, declared once as data like the model's (src/model/schema.ts) and read by the
// same validator, so a policy file's problems print as `file:line:col: message` like a model's. The
// built-in policies' keys come from the registry: each policy declares its own settings.

import { SCHEMA_KEY_FIELD } from '../model/schema.js';
import {
  arrayOf,
  boolean,
  defaultsOf,
  enumOf,
  id,
  integer,
  object,
  ref,
  required,
  string,
  withDefault,
  type Field,
  type Infer,
  type ObjectSchema,
  type SameType,
} from '../model/schema-dsl.js';
import { CLASSIFICATIONS } from '../model/types.js';
import type { CustomPolicy } from './custom-policy.js';
import { SEVERITIES, type Policy } from './policy.js';
import { POLICIES } from './registry.js';

const target = object('Target', {
  organizations: withDefault(
    arrayOf(ref('organizations', 'organization'), { unique: true }),
    [],
    'Organizations',
    'Only data stores owned by these organizations.',
  ),
  data: withDefault(arrayOf(ref('data', 'data store'), { unique: true }), [], 'Data stores', 'Only these data stores.'),
  classifications: withDefault(
    arrayOf(enumOf(CLASSIFICATIONS), { unique: true }),
    [],
    'Classifications',
    'Only data stores of these classifications.',
  ),
});

/** GitHub code scanning's limits on a SARIF rule: its name (our policy id) and its descriptions. */
export const GITHUB_NAME_MAX = 255;
export const GITHUB_DESCRIPTION_MAX = 1024;

export const CUSTOM_POLICY_SCHEMA = object(
  'Custom policy',
  {
    id: required(id(), 'Id', 'Unique id of the policy: the first half of its finding ids (`id@data-store`).'),
    title: required(string({ minLength: 1, maxLength: GITHUB_DESCRIPTION_MAX }), 'Title', 'One line saying what must hold (GitHub code scanning takes at most 1024 characters).'),
    description: withDefault(string({ maxLength: GITHUB_DESCRIPTION_MAX }), '', 'Description', 'Why it must hold (GitHub code scanning takes at most 1024 characters).'),
    guide: withDefault(string(), '', 'Guide', 'The sentence of the guide, or of your own standard, that the policy enforces.'),
    fix: withDefault(
      string(),
      '',
      'Fix',
      'How to fix a finding; empty to let indepth derive it from the attack path (the shared entity it crosses).',
    ),
    severity: withDefault(enumOf(SEVERITIES), 'error', 'Severity', '`error`, `warning` or `note` (SARIF levels).'),
    from: required(
      arrayOf(string({ minLength: 1 }), { minItems: 1, unique: true }),
      'Footholds',
      'Where the attacker starts, all at once: a user or user group id, an organization id (any standard user of it), `internet`, or any node id.',
    ),
    target: withDefault(
      target,
      defaultsOf(target),
      'Target',
      'Which data stores must be deep enough; the lists narrow each other. With none given: every data store of an organization none of the footholds belongs to.',
    ),
    minDepth: required(integer({ minimum: 1 }), 'Minimum depth', 'Fewest boundary failures (by type) that may reach a target data store.'),
  },
  { collection: 'custom', noun: 'custom policy' },
);

/** `enabled`, `severity` and the policy's own settings: the object under `policies.<id>`. */
export function settingsSchema(policy: Policy): ObjectSchema {
  return object(policy.title, {
    enabled: withDefault(boolean(), true, 'Enabled', 'Whether the policy runs.'),
    severity: withDefault(enumOf(SEVERITIES), policy.severity, 'Severity', '`error`, `warning` or `note` (SARIF levels).'),
    ...policy.settings,
  });
}

function builtInField(policy: Policy): Field {
  const schema = settingsSchema(policy);
  return withDefault(schema, defaultsOf(schema), policy.title, policy.description);
}

const builtIns = object('Built-in policies', Object.fromEntries(POLICIES.map((p) => [p.id, builtInField(p)])));

export const POLICY_SCHEMA = object('indepth policy', {
  $schema: SCHEMA_KEY_FIELD,
  name: withDefault(string({ minLength: 1 }), 'indepth policy', 'Name', 'Name of the policy set, shown in reports.'),
  description: withDefault(string(), '', 'Description', 'What the policy set is for.'),
  policies: withDefault(
    builtIns,
    defaultsOf(builtIns),
    'Built-in policies',
    'Settings of the built-in policies by id; every built-in policy runs unless `enabled: false`.',
  ),
  trusted: withDefault(
    arrayOf(arrayOf(ref('organizations', 'organization'), { minItems: 2, unique: true })),
    [],
    'Trusted organizations',
    'Groups of organization ids that trust each other, as one organization does itself (`[[contoso, fabrikam]]`; an organization is in at most one group). They are `full` trust groups, like the model\u2019s `trust` with `level: full`: within a group, data and profile containers are authorized, `cross-org-depth` and `classification-depth` (`otherOrganizations`) take no attacker/victim pair, and an identity tenant, subscription or multi-session pool shared only by its organizations is no finding. To trust with data only, declare a `trust` group in the model instead.',
  ),
  custom: withDefault(arrayOf(CUSTOM_POLICY_SCHEMA), [], 'Custom policies', 'Minimum depths of your own: footholds, target data stores, minimum.'),
});

// Compile-time guard: the custom policy schema produces exactly a CustomPolicy.
const schemaMatchesCustom: SameType<Infer<typeof CUSTOM_POLICY_SCHEMA>, CustomPolicy> = true;
void schemaMatchesCustom;
