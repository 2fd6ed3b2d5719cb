// Rule `user-data`: a user's processes reach the data stores they are authorized for: their own
// profile container, the shares and databases that list them (read-only for readers).

import type { Member } from '../compile/deployment.js';
import type { NodeHandle } from '../compile/graph-types.js';
import type { Rule } from './rule.js';

export const userData: Rule = {
  id: 'user-data',
  description: 'A user controls their own profile and the stores that list them; readers only read.',
  guide: 'A user can\u2019t access or tamper with the code and data of another user without being authorized.',
  apply(deployment, edge) {
    for (const store of deployment.model.data) {
      for (const target of deployment.dataNodes.get(store.id) ?? []) {
        if (target.owner !== null) {
          for (const from of actingAs(target.owner)) edge(from, target.handle);
          continue;
        }
        for (const user of store.users) {
          for (const m of deployment.members.get(user) ?? []) for (const from of actingAs(m)) edge(from, target.handle);
        }
        for (const user of store.readers) {
          for (const m of deployment.members.get(user) ?? []) {
            for (const from of actingAs(m)) edge(from, target.handle, { access: 'read' });
          }
        }
      }
    }
  },
};

/**
 * Users with a session host reach data from each of their sessions; users without one, directly as
 * themselves. Handles (graph-types.ts, NodeHandle): this rule emits an edge per member and store.
 */
function actingAs(member: Member): readonly NodeHandle[] {
  return member.seats.length === 0 ? [member.handles.principal] : member.seats.map((seat) => seat.handles.session);
}
