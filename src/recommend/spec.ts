// The input of `indepth recommend`: organizations, how many of their users need only standard rights
// and how many need local administrator rights, and which organizations trust each other; plus the
// prices and failure likelihoods the alternatives are weighed with. Declared in the schema DSL, so
// it is read by the same validator as models (file:line:col issues, did-you-mean references).

import { MAX_PRICE, MAX_PRINCIPALS } from '../model/limits.js';
import { checkReferences } from '../model/references.js';
import { indexEntities } from '../model/entity-ids.js';
import { sortIssues, type InputIssue } from '../model/issues.js';
import { readTextFile } from '../model/read-text-file.js';
import {
  arrayOf,
  defaultsOf,
  derived,
  id,
  ignored,
  integer,
  nullable,
  number,
  object,
  optional,
  ref,
  required,
  string,
  withDefault,
  type Infer,
} from '../model/schema-dsl.js';
import { COSTS_SCHEMA, RISK_SCHEMA } from '../model/schema.js';
import type { SourceLocation } from '../model/types.js';
import { validateDocument } from '../model/validate.js';
import { readYamlSource } from '../model/yaml-source.js';

const organization = object(
  'Organization',
  {
    id: required(id(), 'Id', 'Unique id of the organization; letters, digits, `.`, `_`, `-`.'),
    name: derived(string({ minLength: 1 }), (s) => (typeof s['id'] === 'string' ? s['id'] : undefined), 'Name', 'Display name. Defaults to the id.'),
    users: withDefault(integer({ minimum: 0, maximum: MAX_PRINCIPALS }), 0, 'Standard users', 'Users who need only standard privileges (knowledge workers).'),
    admins: withDefault(
      integer({ minimum: 0, maximum: MAX_PRINCIPALS }),
      0,
      'Administrators',
      'Users who need local administrative privileges (to install apps): the guide gives them personal desktops.',
    ),
    identityAdmins: withDefault(
      integer({ minimum: 0, maximum: MAX_PRINCIPALS }),
      1,
      'Identity administrators',
      'People who administer the organization\u2019s identities (tenant admins). In a tenant shared with other organizations they control everyone\u2019s principals.',
    ),
    trusts: withDefault(
      arrayOf(ref('organizations', 'organization'), { unique: true }),
      [],
      'Trusts',
      'Organizations this one trusts to share multi-session hosts and identity with ("a sufficient and agreed-upon trust relationship"). Trust must be mutual: both list each other.',
    ),
  },
  { collection: 'organizations', noun: 'organization' },
);

export const SPEC_SCHEMA = object('indepth recommendation spec', {
  $schema: ignored(string(), 'JSON Schema', 'Ignored.'),
  name: required(string({ minLength: 1 }), 'Name', 'Name of the deployment; the recommended model gets it.'),
  description: withDefault(string(), '', 'Description', 'What the deployment is for.'),
  organizations: required(arrayOf(organization, { minItems: 1 }), 'Organizations', 'The organizations to host.'),
  costs: optional(
    COSTS_SCHEMA,
    'Costs',
    'Prices, as in a model file; `sessionsPerHost` sizes the multi-session pools. Absent: no costs given, so no alternative is marked Pareto-optimal (cost against risk needs a cost).',
  ),
  personalVmHourly: withDefault(
    nullable(number({ minimum: 0, maximum: MAX_PRICE })),
    null,
    'Personal desktop hourly price',
    'Hourly price of a personal desktop VM; null uses `costs.vmHourly`.',
  ),
  risk: optional(RISK_SCHEMA, 'Risk', 'Failure likelihoods the alternatives are weighed with, as in a model file.'),
});

export type Spec = Infer<typeof SPEC_SCHEMA>;
export type SpecOrganization = Spec['organizations'][number];

export type SpecParseResult =
  | { readonly ok: true; readonly spec: Spec; readonly locate: (org: string) => SourceLocation }
  | { readonly ok: false; readonly issues: readonly InputIssue[] };

export function parseSpec(text: string, file: string): SpecParseResult {
  const read = readYamlSource(text, file, 'spec');
  if (!read.ok) return { ok: false, issues: sortIssues(read.issues) };
  const walk = validateDocument(SPEC_SCHEMA, read.source, 'spec');
  if (walk.value === undefined) return { ok: false, issues: sortIssues(walk.issues) };
  const entities = indexEntities(walk.entities);
  const issues: InputIssue[] = [...walk.issues, ...entities.issues, ...checkReferences(walk.references, entities.idsByCollection)];
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  const spec = walk.value as unknown as Spec;
  const start: SourceLocation = { file, line: 1, column: 1 };
  return { ok: true, spec, locate: (org) => entities.locations.get(`organizations/${org}`) ?? start };
}

export function loadSpecFile(path: string): SpecParseResult {
  const read = readTextFile(path, 'spec');
  return read.ok ? parseSpec(read.text, path) : read;
}
