// Policy `no-separation-bridges` (warning): a separate tenant and subscription per organization
// keeps them two boundary failures apart only if the model does not join them itself — an owner of
// another organization's scope, a store or pool in another's subscription, a cross-tenant identity.

import { findBridges } from './bridges.js';
import { andList } from './joins.js';
import { definePolicy } from './policy.js';

export const noSeparationBridges = definePolicy({
  id: 'no-separation-bridges',
  title: 'No bridge across the separation of organizations',
  description:
    'No identity of one organization holds control in another (a role with control over its subscription, scope, tenant or domain, delegated through Azure Lighthouse or GDAP or not; a B2B guest in its tenant; a person\u2019s linked accounts in both; a managed identity on its session hosts), no data store or host pool sits in a subscription of another organization only, no FSLogix profile store holds another organization\u2019s containers, and no AD DS domain holds several organizations\u2019 accounts — unless the organizations are one `trusted` group. Data-plane roles (SMB share and key vault data access) are shared data, not bridges. One finding per bridge, naming it and how to remove it.',
  guide:
    'If your situation requires users from different organizations to connect to your deployment, we recommend you have a separate tenant for identity services like Active Directory and Azure AD. We also recommend you have a separate subscription for hosting Azure resources like Azure Virtual Desktop and VMs.',
  fix: 'Remove the bridge: administer each organization from identities of its own tenant, keep each organization\u2019s resources and profile containers in its own subscription, or declare the trust if it is intended.',
  severity: 'warning',
  needsBaseline: false,
  settings: {},
  evaluate({ context, trust }) {
    return findBridges(context.prepared.deployment, trust).map((bridge) => ({
      asset: bridge.asset,
      message: `Bridge from ${bridge.from} into ${andList(bridge.into)}: ${bridge.what}`,
      fix: bridge.fix,
      location: context.locate(bridge.entity),
      related: bridge.into.map((org) => ({ location: context.locate(`organizations/${org}`), message: `organization \`${org}\`, on the far side of the bridge` })),
    }));
  },
});
