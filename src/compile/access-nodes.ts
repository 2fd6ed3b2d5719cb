// Nodes of identity and access (access-types.ts): Entra ID groups, management and resource groups,
// managed identities, AD DS domains with their domain controllers and Entra Connect server, the
// hubs of what roles grant at a scope, and PIM activations. Called by emitNodes.

import { EFFECT_HUB_LABELS, ROLE_EFFECTS, effectHubId } from '../domain/roles.js';
import type { GraphSink } from './graph-types.js';
import type { Deployment } from './deployment.js';
import { domainNodeIds } from './domain-ids.js';

export function emitAccessNodes(deployment: Deployment, sink: GraphSink): void {
  const { model, access } = deployment;
  const add = sink.addNode.bind(sink);
  const orgOfSub = new Map(model.subscriptions.map((s) => [s.id, s.organizations.length === 1 ? s.organizations[0]! : null] as const));
  for (const group of model.groups) {
    add(group.id, { kind: 'group', organization: group.organization, label: `group ${group.id}`, entity: `groups/${group.id}` });
  }
  for (const mg of model.managementGroups) {
    add(mg.id, { kind: 'scope', organization: null, label: `management group ${mg.id}`, entity: `managementGroups/${mg.id}` });
  }
  for (const rg of model.resourceGroups) {
    add(rg.id, { kind: 'scope', organization: orgOfSub.get(rg.subscription) ?? null, label: `resource group ${rg.id}`, entity: `resourceGroups/${rg.id}` });
  }
  for (const identity of model.managedIdentities) {
    const entity = `managedIdentities/${identity.id}`;
    add(identity.id, { kind: 'managedIdentity', organization: identity.organization, label: `managed identity ${identity.id}`, entity });
  }
  for (const domain of model.domains) {
    const entity = `domains/${domain.id}`;
    const organization = domain.organizations.length === 1 ? domain.organizations[0]! : null;
    const ids = domainNodeIds(domain);
    add(domain.id, { kind: 'domain', organization, label: `AD DS domain ${domain.id}`, entity });
    ids.controllers.forEach((dc) => add(dc, { kind: 'vm', organization, label: `domain controller ${dc} (kernel)`, entity }));
    if (ids.entraConnect !== null) add(ids.entraConnect, { kind: 'vm', organization, label: `Entra Connect server of ${domain.id} (kernel)`, entity });
  }
  // One hub per (scope, effect) some assignment grants, in effect then assignment order.
  const seen = new Set<string>();
  for (const effect of ROLE_EFFECTS) {
    const label = EFFECT_HUB_LABELS[effect];
    if (label === undefined) continue;
    for (const grant of access.grants(effect)) {
      const id = effectHubId(grant.scope, effect);
      if (seen.has(id)) continue;
      seen.add(id);
      add(id, { kind: 'scope', organization: null, label: `${label} ${grant.scope}`, entity: null });
    }
  }
  for (const activation of access.activations) {
    add(activation.node, { kind: 'scope', organization: null, label: activation.label, entity: null });
  }
}
