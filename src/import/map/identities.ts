// Entra principals as model identities: a group becomes a `groups` entry (its member count, or
// `--group-size` unlisted members when the input does not say, stated), a user or a service principal
// a `users` entry. A principal belongs to the organization of the first resource it is granted.

import type { DraftGroup, DraftUser } from '../model-draft.js';
import type { MapContext } from './context.js';
import type { Principal } from './principals.js';

export class Identities {
  readonly users: DraftUser[] = [];
  readonly groups: DraftGroup[] = [];
  private readonly byPrincipal = new Map<string, DraftUser | DraftGroup>();
  /** Every principal given an entry, with its model id, in order. */
  readonly principals: { readonly id: string; readonly principal: Principal }[] = [];

  constructor(private readonly context: MapContext) {}

  /** The model id of `principal`, created in `organization` on first use with `why` as its provenance. */
  entry(principal: Principal, organization: string, why: string): string {
    const known = this.byPrincipal.get(principal.key);
    if (known !== undefined) return known.id;
    const id = this.context.ids.allocate(`principal:${principal.key}`, principal.name);
    if (principal.kind === 'group') {
      const group: DraftGroup = { id, organization, count: principal.memberCount ?? this.context.options.groupSize };
      const subject = `groups/${id}`;
      if (principal.memberCount === null) {
        this.context.assume(subject, `Entra group \`${principal.name}\`: its members are not in the input, assumed ${group.count} standard users (\`--group-size\`)`, principal.origin, 'count');
      } else this.context.read(subject, `Entra group \`${principal.name}\`: ${principal.memberCount} members in the input`, principal.origin, 'count');
      this.context.read(subject, why, principal.origin);
      this.groups.push(group);
      this.byPrincipal.set(principal.key, group);
      this.principals.push({ id, principal });
      return id;
    }
    const user: DraftUser = { id, organization };
    const subject = `users/${id}`;
    if (principal.kind === 'servicePrincipal') {
      user.device = false;
      this.context.assume(subject, `service principal \`${principal.name}\`: modelled as a user without an end-user device (whoever holds its secret or certificate acts as it)`, principal.origin);
    } else if (principal.kind === 'unknown') {
      this.context.assume(subject, `principal \`${principal.name}\`: its type (user, group, service principal) is not in the input, modelled as one user`, principal.origin);
    }
    this.context.read(subject, why, principal.origin);
    this.users.push(user);
    this.byPrincipal.set(principal.key, user);
    this.principals.push({ id, principal });
    return id;
  }

  /** The organization of a principal's entry, if it has one. */
  organizationOf(principal: Principal): string | undefined {
    return this.byPrincipal.get(principal.key)?.organization;
  }

  isUser(id: string): boolean {
    return this.users.some((u) => u.id === id);
  }

  /**
   * Users that stand for an identity where the model needs users (a profile share lists users, not
   * groups): a user itself; a group's listed users and, for its unlisted members, one `users` entry
   * with their count that the group then lists as its member (stated once per group).
   */
  usersOf(id: string): string[] {
    const group = this.groups.find((g) => g.id === id);
    if (group === undefined) return this.isUser(id) ? [id] : [];
    const listed = (group.members ?? []).flatMap((m) => this.usersOf(m));
    if ((group.count ?? 0) === 0) return listed;
    const membersId = this.context.ids.allocate(`members:${group.id}`, `${group.id}-members`);
    this.users.push({ id: membersId, organization: group.organization, count: group.count as number });
    group.members = [...(group.members ?? []), membersId];
    delete group.count;
    this.context.assume(
      `users/${membersId}`,
      `the unlisted members of group \`${group.id}\`, as one entry of ${this.users[this.users.length - 1]?.count} standard users: a profile share lists users, not groups`,
    );
    return [...listed, membersId];
  }
}
