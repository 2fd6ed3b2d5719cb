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
      '`otherOrganizations`: standard users of every other organization, and each one\u2019s admins and owners as a foothold set of their own (held to `minDepthFromAdmins`) (except organizations in one of the policy file\u2019s `trusted` groups with the store\u2019s); `unauthorizedUsers`: every standard user not listed in the store\u2019s `users` or `readers` (for any reach), and its `readers` for reach beyond read (control, tamper or deny), its own organization\u2019s included.',
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

/**
 * `unauthorizedUsers`: every standard user not named in the store's access is held to the minimum for
 * any reach, and its `readers` (who may only read) for reach beyond read — control, tamper or deny —,
 * as authorization.ts counts per access kind. A profile container is its owner's alone.
 */
function fromUnauthorized(context: PolicyContext, target: DepthTarget, minDepth: number): ShallowAttacker[] {
  const { store } = target;
  const full = new Set(store.users);
  const readers = new Set(store.readers.filter((u) => !full.has(u)));
  const standard = context.prepared.model.users.filter((u) => u.privilege === 'standard');
  // A profile container is its owner's alone: every other user is unauthorized to it.
  const isProfile = store.location === 'fslogixProfile';
  const unauthorized = standard
    .filter((u) => (isProfile ? u.organization !== target.organization || (!full.has(u.id) && !readers.has(u.id)) : !full.has(u.id) && !readers.has(u.id)))
    .map((u) => u.id);
  const readOnly = isProfile ? [] : standard.filter((u) => readers.has(u.id)).map((u) => u.id);
  const out: ShallowAttacker[] = [];
  const anyReach = unauthorized.length === 0 ? undefined : context.storeDepths(unauthorized)?.get(target.id);
  if (anyReach !== undefined && below(anyReach, minDepth)) {
    out.push({ attacker: 'unauthorized users', label: `standard users not authorized to it (${named(unauthorized)})`, depth: anyReach });
  }
  const reach = readOnly.length === 0 ? undefined : context.storeDepths(readOnly)?.get(target.id);
  const beyondRead = reach === undefined ? undefined : { ...reach, ...reach.beyondRead, readOnly: true as const };
  if (beyondRead !== undefined && below(beyondRead, minDepth)) {
    out.push({ attacker: 'readers', label: `its readers (${named(readOnly)})`, depth: beyondRead });
  }
  return out;
}

function named(users: readonly string[]): string {
  return users.slice(0, NAMES_SHOWN).join(', ') + (users.length > NAMES_SHOWN ? ` and ${users.length - NAMES_SHOWN} more` : '');
}
