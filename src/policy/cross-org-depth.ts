// Policy `cross-org-depth`: from any standard user of one organization, and from its admins and
// owners, every other organization's data must need at least `minDepth` boundary failures (by type)
// — the guide's separation.

import { integer, withDefault } from '../model/schema-dsl.js';
import { MIN_DEPTH_FROM_ADMINS, otherOrganizationAttackers } from './attackers.js';
import { depthFinding } from './depth-finding.js';
import { definePolicy } from './policy.js';

const FIX =
  'Separate the organizations as the guide recommends: a separate identity tenant, subscription and host pools per organization, so that no single boundary failure joins them.';

export const crossOrgDepth = definePolicy({
  id: 'cross-org-depth',
  title: 'Minimum defense depth between organizations',
  description:
    'From any standard user of each organization, and from its admins and owners (local admins, tenant and subscription owners, holders of administrative roles) as a foothold set of their own, every other organization\u2019s data store needs at least `minDepth` boundary failures (counted by boundary type, as a 0-day fails every instance; from admins and owners, `minDepthFromAdmins`). Another organization\u2019s profile containers in an FSLogix store are that organization\u2019s data, whoever owns the store. A store shared on purpose with users of another organization (its `users` or `readers`) is not a target for that organization, nor is a store of an organization in one of the policy file\u2019s `trusted` groups with it.',
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
      'Fewest boundary failures (by type) that may expose another organization\u2019s data to its standard users. 2 is the guide\u2019s separated deployment.',
    ),
    minDepthFromAdmins: MIN_DEPTH_FROM_ADMINS,
  },
  evaluate({ context, settings, trust }) {
    return context.targets.flatMap((target) => {
      const shallow = otherOrganizationAttackers(context, trust, target, settings.minDepth, settings.minDepthFromAdmins);
      if (shallow.length === 0) return [];
      return [depthFinding(context, target, shallow, settings.minDepth, `at least ${settings.minDepth} are required between organizations`, FIX)];
    });
  },
});
