// Custom policies: a team's own minimum depth — from these footholds, to these data stores, at least
// this many boundary failures. Declared in a policy file (`custom:`), evaluated like the built-ins.

import { resolveFootholds } from '../analyze/footholds.js';
import type { Classification } from '../model/types.js';
import type { PolicyContext } from './context.js';
import { below, depthFinding } from './depth-finding.js';
import type { FindingDraft, PolicyInfo, Severity } from './policy.js';

export interface CustomPolicy {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly guide: string;
  readonly fix: string;
  readonly severity: Severity;
  readonly from: readonly string[];
  readonly target: {
    readonly organizations: readonly string[];
    readonly data: readonly string[];
    readonly classifications: readonly Classification[];
  };
  readonly minDepth: number;
}

const DERIVED_FIX = 'Add boundaries between the footholds and the data: separate host pools, subscriptions and identity tenants.';

export function customPolicyInfo(policy: CustomPolicy): PolicyInfo {
  return {
    id: policy.id,
    title: policy.title,
    description:
      policy.description !== ''
        ? policy.description
        : `From ${policy.from.join(', ')}, ${describeTarget(policy)} needs at least ${policy.minDepth} boundary failures (by type).`,
    guide: policy.guide,
    fix: policy.fix !== '' ? policy.fix : DERIVED_FIX,
    severity: policy.severity,
  };
}

export function evaluateCustomPolicy(policy: CustomPolicy, context: PolicyContext): FindingDraft[] {
  const depths = context.storeDepths(policy.from);
  if (depths === null) return [];
  const { compiled, nodes, deployment } = context.prepared;
  const resolved = resolveFootholds(compiled, deployment, policy.from);
  const ownOrgs = new Set(resolved.ok ? resolved.nodes.flatMap((node) => nodes[compiled.nodeIndex.get(node)!]?.organization ?? []) : []);
  const { organizations, data, classifications } = policy.target;
  const unrestricted = organizations.length === 0 && data.length === 0 && classifications.length === 0;
  const label = policy.from.map((f) => `\`${f}\``).join(', ');
  return context.targets.flatMap((target) => {
    const { store } = target;
    if (unrestricted ? ownOrgs.has(target.organization) : !matches(policy, store.id, target.organization, store.classification)) return [];
    const depth = depths.get(target.id);
    if (!below(depth, policy.minDepth)) return [];
    const draft = depthFinding(context, target, [{ attacker: policy.from.join(','), label, depth }], policy.minDepth, `\`${policy.id}\` requires at least ${policy.minDepth}`, DERIVED_FIX);
    return [policy.fix === '' ? draft : { ...draft, fix: policy.fix }];
  });
}

function matches(policy: CustomPolicy, store: string, organization: string, classification: Classification): boolean {
  const { organizations, data, classifications } = policy.target;
  return (
    (organizations.length === 0 || organizations.includes(organization)) &&
    (data.length === 0 || data.includes(store)) &&
    (classifications.length === 0 || classifications.includes(classification))
  );
}

function describeTarget(policy: CustomPolicy): string {
  const { organizations, data, classifications } = policy.target;
  const parts = [
    data.length > 0 ? `data stores ${data.join(', ')}` : 'every data store',
    organizations.length > 0 ? `of ${organizations.join(', ')}` : '',
    classifications.length > 0 ? `classified ${classifications.join(' or ')}` : '',
  ].filter((p) => p !== '');
  const text = parts.join(' ');
  return organizations.length === 0 && data.length === 0 && classifications.length === 0 ? `${text} of other organizations` : text;
}
