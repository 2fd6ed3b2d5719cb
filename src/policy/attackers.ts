// The attackers of one target that the cross-organization depth policies report: every foothold set
// (each organization's standard users, and its admins and owners) of an organization that is neither
// authorized for the target nor trusted by its owner, and reaches it with fewer failures than its
// minimum: `minDepth` from standard users, `minDepthFromAdmins` (at most `minDepth`) from admins.

import { integer, withDefault } from '../model/schema-dsl.js';
import type { DepthTarget, PolicyContext } from './context.js';
import type { ShallowAttacker } from './depth-finding.js';
import type { Trust } from './trust.js';

/**
 * The setting both cross-organization depth policies share. Admins and owners already hold their own
 * organization's control plane and hosts, so the guide's separated deployment keeps them exactly one
 * failure (a tenant, subscription or VM boundary) from another organization; zero means a bridge, or
 * a multi-session host they share with the other organization.
 */
export const MIN_DEPTH_FROM_ADMINS = withDefault(
  integer({ minimum: 1 }),
  1,
  'Minimum depth from admins and owners',
  'Fewest boundary failures that may expose another organization\u2019s data to an organization\u2019s admins and owners (local admins, tenant and subscription owners, holders of administrative roles), never more than the minimum for standard users. 1: no administrator reaches another organization\u2019s data without a failure; the guide\u2019s separated deployment keeps them at 1 (a tenant, subscription or VM escape).',
);

export function otherOrganizationAttackers(
  context: PolicyContext,
  trust: Trust,
  target: DepthTarget,
  minDepth: number,
  minDepthFromAdmins: number,
): ShallowAttacker[] {
  return context.footholdSets.flatMap((set) => {
    // Trust at the target's level: a profile container needs `full` trust (authorization.ts).
    const level = target.store.location === 'fslogixProfile' ? 'full' : 'data';
    if (target.authorized.has(set.organization) || trust.trusts(set.organization, target.organization, level)) return [];
    const minimum = set.privileged ? Math.min(minDepth, minDepthFromAdmins) : minDepth;
    const depth = context.leakageBelow(set.from, target, set.organization, minimum);
    return depth === undefined ? [] : [{ attacker: set.attacker, label: set.label, depth, minimum }];
  });
}
