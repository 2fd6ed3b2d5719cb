// Whose FSLogix profile containers a profile share holds: the users of the host pools whose FSLogix
// settings name it, and the principals granted a Storage File Data SMB Share role on it (with
// identity-based access, those are the users who mount their profiles); without either, every user of
// the host pools in its subscription (the worst case), stated.

import type { DraftApplicationGroup, DraftRoleAssignment, DraftUser } from '../model-draft.js';
import type { MapContext } from './context.js';
import type { Identities } from './identities.js';
import type { MappedStore } from './storage.js';

const SMB = /^Storage File Data SMB Share /;
const VM_LOGIN = /^Virtual Machine (Administrator|User) Login$/;

export function mapProfileOwners(
  context: MapContext,
  stores: readonly MappedStore[],
  assignments: readonly DraftRoleAssignment[],
  appGroups: readonly DraftApplicationGroup[],
  poolSubscription: ReadonlyMap<string, string>,
  identities: Identities,
  containing: (resource: string) => readonly string[],
): void {
  // Who signs in to some pools: their application group assignments, assigned session hosts and Virtual Machine Login roles.
  const usersOfPools = (pools: readonly string[]): string[] => {
    const poolScopes = new Set(pools.flatMap((p) => containing(p)));
    return [
      ...appGroups.filter((g) => pools.includes(g.hostPool)).flatMap((g) => g.assignments),
      ...identities.users.filter((u: DraftUser) => u.hostPool !== undefined && pools.includes(u.hostPool)).map((u) => u.id),
      ...assignments.filter((a) => VM_LOGIN.test(a.role) && poolScopes.has(a.scope)).map((a) => a.principal),
    ];
  };
  for (const { draft, profilePools } of stores) {
    if (draft.location !== 'fslogixProfile') continue;
    const subject = `data/${draft.id}`;
    const scopes = new Set(containing(draft.id));
    const holders = assignments.filter((a) => SMB.test(a.role) && scopes.has(a.scope)).map((a) => a.principal);
    let principals: string[];
    if (profilePools.length > 0) {
      principals = [...holders, ...usersOfPools(profilePools)];
      context.read(subject, `users: who signs in to ${profilePools.map((p) => `\`${p}\``).join(', ')} (their FSLogix settings name this share)${holders.length > 0 ? ` and the holders of a Storage File Data SMB Share role on it (${[...new Set(holders)].map((h) => `\`${h}\``).join(', ')})` : ''}`, undefined, 'users');
    } else if (holders.length > 0) {
      principals = holders;
      context.read(subject, `users: the holders of a Storage File Data SMB Share role on it (${[...new Set(holders)].map((h) => `\`${h}\``).join(', ')})`, undefined, 'users');
    } else {
      const pools = [...poolSubscription].filter(([, sub]) => sub === draft.subscription).map(([pool]) => pool);
      principals = usersOfPools(pools);
      context.assume(subject, 'no SMB role assignment on the share and no session host FSLogix settings naming it in the input: assumed it holds the profiles of every user who signs in to the host pools of its subscription (application group assignments, assigned session hosts, Virtual Machine Login roles)', undefined, 'users');
    }
    for (const principal of principals) for (const user of identities.usersOf(principal)) if (!draft.users.includes(user)) draft.users.push(user);
  }
}
