// Policy files in, a validated PolicyConfig out — or every issue at once, through the model's YAML
// reader and schema validator. parsePolicy never throws and reads no file; the CLI reads the text.
// Ids a policy names in the model (organizations, data stores, footholds) are checked when it meets
// a model: checkPolicyAgainstModel.

import { resolveFootholds } from '../analyze/footholds.js';
import type { PreparedModel } from '../analyze/prepared.js';
import { sortIssues, type InputIssue } from '../model/issues.js';
import { checkReferences } from '../model/references.js';
import { defaultsOf } from '../model/schema-dsl.js';
import type { SourceLocation } from '../model/types.js';
import type { Positions } from '../model/positions.js';
import { validateDocument, type WalkedReference } from '../model/validate.js';
import { quote } from '../model/value-text.js';
import { readYamlSource } from '../model/yaml-source.js';
import type { CustomPolicy } from './custom-policy.js';
import type { CommonSettings } from './policy.js';
import { GITHUB_NAME_MAX, POLICY_SCHEMA } from './policy-schema.js';
import { POLICIES } from './registry.js';

export type BuiltInSettings = CommonSettings & Readonly<Record<string, unknown>>;

export interface PolicyConfig {
  /** The policy file; null for the built-in defaults. */
  readonly file: string | null;
  readonly name: string;
  readonly description: string;
  /** Settings of every built-in policy, by id. */
  readonly settings: ReadonlyMap<string, BuiltInSettings>;
  /** Groups of organizations that trust each other (`trusted`); no organization is in two. */
  readonly trusted: readonly (readonly string[])[];
  readonly custom: readonly CustomPolicy[];
  /** Organization and data store ids the custom targets and `trusted` name, resolved against a model later. */
  readonly references: readonly WalkedReference[];
  /** Custom policy id → where each of its `from` entries is written. */
  readonly fromLocations: ReadonlyMap<string, readonly SourceLocation[]>;
}

export type PolicyParseResult =
  | { readonly ok: true; readonly config: PolicyConfig }
  | { readonly ok: false; readonly issues: InputIssue[] };

interface PolicyDocument {
  readonly name: string;
  readonly description: string;
  readonly policies: Readonly<Record<string, BuiltInSettings>>;
  readonly trusted: readonly (readonly string[])[];
  readonly custom: readonly CustomPolicy[];
}

/** Every built-in policy with its default settings: what `check` runs without `--policy`. */
export function defaultPolicyConfig(): PolicyConfig {
  // POLICY_SCHEMA has no required key, and its defaults are a complete PolicyDocument.
  return toConfig(null, defaultsOf(POLICY_SCHEMA) as unknown as PolicyDocument, [], new Map());
}

/** Parses YAML or JSON policy text; `file` is only used in issue locations. */
export function parsePolicy(text: string, file: string): PolicyParseResult {
  const read = readYamlSource(text, file, 'policy');
  if (!read.ok) return { ok: false, issues: sortIssues(read.issues) };

  const walk = validateDocument(POLICY_SCHEMA, read.source, 'policy');
  if (walk.value === undefined) return { ok: false, issues: sortIssues(walk.issues) };
  const issues: InputIssue[] = [...walk.issues];
  const builtIn = new Set(POLICIES.map((p) => p.id));
  const first = new Map<string, SourceLocation>();
  for (const { id, location } of walk.entities) {
    if (id === null) continue;
    const earlier = first.get(id);
    if (id.length > GITHUB_NAME_MAX) {
      issues.push({ location, message: `custom policy id ${quote(id)} is ${id.length} characters; GitHub code scanning takes rule names of at most ${GITHUB_NAME_MAX}` });
    } else if (builtIn.has(id)) {
      issues.push({ location, message: `custom policy id ${quote(id)} is the id of a built-in policy; choose another` });
    } else if (earlier !== undefined) {
      issues.push({ location, message: `duplicate custom policy id ${quote(id)}: the custom policy at ${earlier.line}:${earlier.column} already has it` });
    } else {
      first.set(id, location);
    }
  }
  issues.push(...trustOverlaps(walk.value, walk.positions));
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };

  // No issues: every field is present and valid, so the value is a complete document.
  const document = walk.value as unknown as PolicyDocument;
  const fromLocations = new Map(
    document.custom.map((policy) => [policy.id, policy.from.map((_, index) => walk.positions.of(policy.from, index))] as const),
  );
  return { ok: true, config: toConfig(file, document, walk.references, fromLocations) };
}

function toConfig(
  file: string | null,
  document: PolicyDocument,
  references: readonly WalkedReference[],
  fromLocations: ReadonlyMap<string, readonly SourceLocation[]>,
): PolicyConfig {
  return {
    file,
    name: document.name,
    description: document.description,
    settings: new Map(POLICIES.map((p) => [p.id, document.policies[p.id]!] as const)),
    trusted: document.trusted,
    custom: document.custom,
    references,
    fromLocations,
  };
}

/** An organization in two `trusted` groups (or a group written twice): each repeat, at its position. */
function trustOverlaps(document: Readonly<Record<string, unknown>>, positions: Positions): InputIssue[] {
  const trusted = document['trusted'];
  if (!Array.isArray(trusted)) return [];
  const issues: InputIssue[] = [];
  const first = new Map<string, { readonly group: number; readonly at: SourceLocation }>();
  trusted.forEach((group: unknown, index) => {
    if (!Array.isArray(group)) return;
    group.forEach((org: unknown, member) => {
      if (typeof org !== 'string') return;
      const at = positions.of(group, member);
      const earlier = first.get(org);
      if (earlier === undefined) {
        first.set(org, { group: index, at });
        return;
      }
      issues.push({
        location: at,
        message: `organization ${quote(org)} is in trusted group ${index + 1} and already in group ${earlier.group + 1} at ${earlier.at.line}:${earlier.at.column}; an organization is in one group only (merge the groups)`,
      });
    });
  });
  return issues;
}

/** Problems only a model reveals: unknown organizations or data stores in targets, unknown footholds. */
export function checkPolicyAgainstModel(config: PolicyConfig, prepared: PreparedModel): InputIssue[] {
  const { model, compiled, deployment } = prepared;
  const idsByCollection = new Map<string, ReadonlySet<string>>([
    ['organizations', new Set(model.organizations.map((o) => o.id))],
    ['data', new Set(model.data.map((d) => d.id))],
  ]);
  const issues = checkReferences(config.references, idsByCollection);
  for (const policy of config.custom) {
    const at = config.fromLocations.get(policy.id) ?? [];
    const where = (index: number): SourceLocation => at[index] ?? at[0] ?? { file: config.file ?? '<policy>', line: 1, column: 1 };
    const resolved = resolveFootholds(compiled, deployment, policy.from);
    if (resolved.ok) continue;
    const organizations = new Set(model.organizations.map((o) => o.id));
    for (const u of resolved.unknown) {
      const hint = u.suggestion === undefined ? '' : ` (did you mean \`${u.suggestion}\`?)`;
      issues.push({
        location: where(u.index),
        message: organizations.has(u.name)
          ? `custom policy ${quote(policy.id)} starts from organization ${quote(u.name)}, which has no users (an organization foothold stands for its standard users, or all its users when it has none); name a node instead`
          : `custom policy ${quote(policy.id)} names unknown foothold ${quote(u.name)}${hint}`,
      });
    }
  }
  return sortIssues(issues);
}
