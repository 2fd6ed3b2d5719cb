// Policy `classification-depth`: data of a classification needs at least its minimum number of
// boundary failures from anyone outside its organization (or, stricter, anyone not authorized to it).

import { enumOf, integer, nullable, object, withDefault, defaultsOf } from '../model/schema-dsl.js';
import type { DepthTarget, PolicyContext } from './context.js';
import { MIN_DEPTH_FROM_ADMINS, otherOrganizationAttackers } from './attackers.js';
import { below, depthFinding, type ShallowAttacker } from './depth-finding.js';
import { definePolicy } from './policy.js';

const minimum = (classification: string, fallback: number | null) =>
  withDefault(
    nullable(integer({ minimum: 1 })),
    fallback,
    `Minimum for ${classification}`,
    `Fewest boundary failures that may expose ${classification} data; null for no minimum.`,
  );

const minimums = object('Minimum depth per classification', {
  public: minimum('public', null),
  internal: minimum('internal', null),
  confidential: minimum('confidential', null),
  restricted: minimum('restricted', 2),
});

export const ATTACKER_SETS = ['otherOrganizations', 'unauthorizedUsers'] as const;

const FIX =
  'Move the data, or the users who can reach it, behind more boundaries: its own subscription and host pool for its owners, no multi-session host shared with anyone not authorized to it.';

export const classificationDepth = definePolicy({
  id: 'classification-depth',
  title: 'Minimum defense depth per data classification',
  description:
    'Every data store of a classification with a minimum needs at least that many boundary failures (by type) from the attackers chosen: standard users of every other organization, or every standard user not authorized to the store.',
  guide:
    'Microsoft doesn\u2019t support granting users that work for different or competing companies access to the same multi-session environment. [\u2026] A single security vulnerability could cause unauthorized data and credential theft, personal information leaks, identity theft, and other issues.',
  fix: FIX,
  severity: 'error',
  needsBaseline: false,
  settings: {
    minimums: withDefault(minimums, defaultsOf(minimums), 'Minimums', 'Minimum depth per classification (`restricted: 2` by default).'),
    attackers: withDefault(
      enumOf(ATTACKER_SETS),
      'otherOrganizations',
      'Attackers',
      '`otherOrganizations`: standard users of every other organization, and each one\u2019s admins and owners as a foothold set of their own (held to `minDepthFromAdmins`) (except organizations in one of the policy file\u2019s `trusted` groups with the store\u2019s); `unauthorizedUsers`: every standard user not listed in the store\u2019s `users` or `readers`, its own organization\u2019s included.',
    ),
    minDepthFromAdmins: MIN_DEPTH_FROM_ADMINS,
  },
  evaluate({ context, settings, trust }) {
    return context.targets.flatMap((target) => {
      const minDepth = settings.minimums[target.store.classification];
      if (minDepth === null) return [];
      const shallow =
        settings.attackers === 'otherOrganizations' ? otherOrganizationAttackers(context, trust, target, minDepth, settings.minDepthFromAdmins) : fromUnauthorized(context, target, minDepth);
      if (shallow.length === 0) return [];
      return [depthFinding(context, target, shallow, minDepth, `${target.store.classification} data requires at least ${minDepth}`, FIX)];
    });
  },
});

const NAMES_SHOWN = 3;

function fromUnauthorized(context: PolicyContext, target: DepthTarget, minDepth: number): ShallowAttacker[] {
  const { store } = target;
  const authorized = new Set([...store.users, ...store.readers]);
  // A profile container is its owner's alone: every other user is unauthorized to it.
  const users = context.prepared.model.users
    .filter((u) => u.privilege === 'standard' && (store.location === 'fslogixProfile' ? u.organization !== target.organization || !authorized.has(u.id) : !authorized.has(u.id)))
    .map((u) => u.id);
  const depth = context.storeDepths(users)?.get(target.id);
  if (users.length === 0 || !below(depth, minDepth)) return [];
  const names = users.slice(0, NAMES_SHOWN).join(', ') + (users.length > NAMES_SHOWN ? ` and ${users.length - NAMES_SHOWN} more` : '');
  return [{ attacker: 'unauthorized users', label: `standard users not authorized to it (${names})`, depth }];
}
