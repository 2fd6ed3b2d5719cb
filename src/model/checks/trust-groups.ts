// An organization is in at most one `trust` group: two would read as trust between the groups'
// other members, which nobody declared (trust is not transitive). Merging the groups says it.

import type { ModelCheck } from './model-check.js';

export const organizationInOneTrustGroup: ModelCheck = {
  id: 'organization-in-one-trust-group',
  description: 'every organization is in at most one `trust` group',
  run(model, { at, report }) {
    const firstGroupOf = new Map<string, { group: number; at: string }>();
    (model.trust ?? []).forEach((group, index) => {
      const organizations = group.organizations ?? [];
      organizations.forEach((organization, position) => {
        const earlier = firstGroupOf.get(organization);
        if (earlier === undefined) {
          const where = at(organizations, position);
          firstGroupOf.set(organization, { group: index, at: `${where.line}:${where.column}` });
          return;
        }
        if (earlier.group === index) return; // a repeat within one group is the list's own error
        report(
          at(organizations, position),
          `organization \`${organization}\` is in trust group ${index + 1} and already in trust group ${earlier.group + 1} (at ${earlier.at}); an organization is in one group only: merge the groups if all of them trust each other`,
        );
      });
    });
  },
};
