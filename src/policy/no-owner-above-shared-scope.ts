// Policy `no-owner-above-shared-scope`: Owner, User Access Administrator and Role Based Access
// Control Administrator can grant themselves anything at their scope; held above resources of
// several organizations, one such role holder controls them all with no boundary failure.

import { ROLES } from '../domain/roles.js';
import { andList } from './joins.js';
import { definePolicy } from './policy.js';
import { scopeOrganizations } from './role-scope-reach.js';

const GRANTORS: ReadonlySet<string> = new Set(['Owner', 'User Access Administrator', 'Role Based Access Control Administrator']);

export const noOwnerAboveSharedScope = definePolicy({
  id: 'no-owner-above-shared-scope',
  title: 'No Owner or User Access Administrator above a scope shared by organizations',
  description:
    'No role that can assign roles (Owner, User Access Administrator, Role Based Access Control Administrator) is held on a management group, subscription or resource group whose host pools or data serve several organizations (unless they are one `trusted` group).',
  guide: 'We also recommend you have a separate subscription for hosting Azure resources like Azure Virtual Desktop and VMs.',
  fix: 'Give each organization its own subscription, and assign these roles per organization\u2019s scope (or a narrower role) instead.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context, trust }) {
    const { model, deployment } = context.prepared;
    return model.roleAssignments.flatMap((assignment, index) => {
      if (!GRANTORS.has(assignment.role) || ROLES[assignment.role].plane !== 'azure') return [];
      const orgs = scopeOrganizations(deployment, assignment.scope);
      if (orgs.length < 2 || trust.within(orgs)) return [];
      return [
        {
          asset: `${assignment.principal}:${assignment.role}@${assignment.scope}`,
          message: `\`${assignment.principal}\` holds ${assignment.role} on \`${assignment.scope}\`, which holds host pools or data of ${andList(orgs)}: the role can grant itself any access there, so whoever controls \`${assignment.principal}\` controls every one of them with no boundary failure.`,
          fix: `Separate ${andList(orgs)} into their own subscriptions and assign ${assignment.role} on each organization\u2019s scope only, or use a role that cannot assign roles.`,
          location: context.locate(`roleAssignments/${index}`),
          related: [],
        },
      ];
    });
  },
});
