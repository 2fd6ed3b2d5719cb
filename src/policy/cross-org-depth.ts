// Policy `cross-org-depth`: from any standard user of one organization, every other organization's
// data must need at least `minDepth` boundary failures (by type) — the guide's separation.

import { integer, withDefault } from '../model/schema-dsl.js';
import { authorizedOrganizations, below, depthFinding, type ShallowAttacker } from './depth-finding.js';
import { definePolicy } from './policy.js';

const FIX =
  'Separate the organizations as the guide recommends: a separate identity tenant, subscription and host pools per organization, so that no single boundary failure joins them.';

export const crossOrgDepth = definePolicy({
  id: 'cross-org-depth',
  title: 'Minimum defense depth between organizations',
  description:
    'From any standard user of each organization, every other organization\u2019s data store needs at least `minDepth` boundary failures (counted by boundary type, as a 0-day fails every instance). A store shared on purpose with users of another organization (its `users` or `readers`) is not a target for that organization, nor is a store of an organization in one of the policy file\u2019s `trusted` groups with it.',
  guide:
    'If your situation requires users from different organizations to connect to your deployment, we recommend you have a separate tenant for identity services like Active Directory and Azure AD. We also recommend you have a separate subscription for hosting Azure resources like Azure Virtual Desktop and VMs.',
  fix: FIX,
  severity: 'error',
  needsBaseline: false,
  settings: {
    minDepth: withDefault(
      integer({ minimum: 1 }),
      2,
      'Minimum depth',
      'Fewest boundary failures (by type) that may expose another organization\u2019s data. 2 is the guide\u2019s separated deployment.',
    ),
  },
  evaluate({ context, settings, trust }) {
    const depthsByOrg = context.insiderOrganizations.map((org) => ({ org, depths: context.storeDepths([org]) }));
    return context.prepared.model.data.flatMap((store) => {
      const authorized = authorizedOrganizations(context, store);
      const shallow: ShallowAttacker[] = [];
      for (const { org, depths } of depthsByOrg) {
        const depth = depths?.get(store.id);
        if (authorized.has(org) || trust.trusts(org, store.organization) || !below(depth, settings.minDepth)) continue;
        shallow.push({ attacker: org, label: `${org}\u2019s standard users`, depth });
      }
      if (shallow.length === 0) return [];
      return [depthFinding(context, shallow, settings.minDepth, `at least ${settings.minDepth} are required between organizations`, FIX)];
    });
  },
});
