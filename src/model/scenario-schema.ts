// The scenario file format, declared once as data like the model's (schema.ts): the validator and
// schema/scenario.schema.json are generated from SCENARIO_SCHEMA.

import { CONTROL_DESCRIPTIONS } from '../domain/controls.js';
import { CONTROL_TITLES, eachControl, SCHEMA_KEY_FIELD } from './schema.js';
import {
  arrayOf,
  boolean,
  object,
  optional,
  required,
  string,
  withDefault,
  type Infer,
  type SameType,
} from './schema-dsl.js';
import type { Scenario } from './scenario.js';

const controlOverrides = object(
  'Control overrides',
  eachControl((name) => optional(boolean(), CONTROL_TITLES[name], CONTROL_DESCRIPTIONS[name])),
);

export const SCENARIO_SCHEMA = object('indepth scenario', {
  $schema: SCHEMA_KEY_FIELD,
  name: required(string({ minLength: 1 }), 'Name', 'Name of the scenario.'),
  description: withDefault(string(), '', 'Description', 'What the scenario asks.'),
  from: withDefault(
    arrayOf(string({ minLength: 1 }), { minItems: 1, unique: true }),
    [],
    'Footholds',
    'Node ids the attacker controls at the start: a user (`mallory`, with that user\u2019s rights), `internet`, or any other node of the model.',
  ),
  fail: withDefault(
    arrayOf(string({ minLength: 1 }), { unique: true }),
    [],
    'Failures',
    'Boundaries that fail: a boundary type (`kernel`: every kernel boundary), one instance (`session@pool1-vm3`) or a failure group (`build:win11`).',
  ),
  controls: withDefault(
    controlOverrides,
    {},
    'Control overrides',
    'Controls to turn on or off for this scenario; unnamed controls keep the model\u2019s values.',
  ),
});

// Compile-time guard: the schema produces exactly a Scenario without its positions.
const schemaMatchesScenario: SameType<Infer<typeof SCENARIO_SCHEMA>, Omit<Scenario, 'locations'>> = true;
void schemaMatchesScenario;
