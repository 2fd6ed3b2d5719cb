// Policy `classification-depth`: data of a classification needs at least its minimum number of
// boundary failures from anyone outside its organization (or, stricter, anyone not authorized to it).

import { enumOf, integer, nullable, object, withDefault, defaultsOf } from '../model/schema-dsl.js';
import type { DataStore } from '../model/types.js';
import type { PolicyContext } from './context.js';
import { authorizedOrganizations, below, depthFinding, type ShallowAttacker } from './depth-finding.js';
import { definePolicy } from './policy.js';
import type { Trust } from './trust.js';

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
      '`otherOrganizations`: standard users of every other organization (except those in one of the policy file\u2019s `trusted` groups with the store\u2019s); `unauthorizedUsers`: every standard user not listed in the store\u2019s `users` or `readers`, its own organization\u2019s included.',
    ),
  },
  evaluate({ context, settings, trust }) {
    return context.prepared.model.data.flatMap((store) => {
      const minDepth = settings.minimums[store.classification];
      if (minDepth === null) return [];
      const shallow = settings.attackers === 'otherOrganizations' ? fromOtherOrganizations(context, trust, store, minDepth) : fromUnauthorized(context, store, minDepth);
      if (shallow.length === 0) return [];
      return [depthFinding(context, shallow, minDepth, `${store.classification} data requires at least ${minDepth}`, FIX)];
    });
  },
});

function fromOtherOrganizations(context: PolicyContext, trust: Trust, store: DataStore, minDepth: number): ShallowAttacker[] {
  const authorized = authorizedOrganizations(context, store);
  return context.insiderOrganizations.flatMap((org) => {
    const depth = context.storeDepths([org])?.get(store.id);
    if (authorized.has(org) || trust.trusts(org, store.organization) || !below(depth, minDepth)) return [];
    return [{ attacker: org, label: `${org}\u2019s standard users`, depth }];
  });
}

const NAMES_SHOWN = 3;

function fromUnauthorized(context: PolicyContext, store: DataStore, minDepth: number): ShallowAttacker[] {
  const authorized = new Set([...store.users, ...store.readers]);
  const users = context.prepared.model.users.filter((u) => u.privilege === 'standard' && !authorized.has(u.id)).map((u) => u.id);
  const depth = context.storeDepths(users)?.get(store.id);
  if (users.length === 0 || !below(depth, minDepth)) return [];
  const names = users.slice(0, NAMES_SHOWN).join(', ') + (users.length > NAMES_SHOWN ? ` and ${users.length - NAMES_SHOWN} more` : '');
  return [{ attacker: 'unauthorized users', label: `standard users not authorized to it (${names})`, depth }];
}
