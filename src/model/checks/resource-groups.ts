// A resource group holds resources of its own subscription, and a resource sits in one resource
// group; a management group hierarchy has no cycles and stays within its tenant.

import { byId, named, type ModelCheck } from './model-check.js';

export const resourceGroupsFit: ModelCheck = {
  id: 'resource-groups-fit',
  description: 'resources sit in one resource group of their own subscription; management groups form a tree within a tenant',
  run(model, { at, report }) {
    const pools = byId(model.hostPools);
    const data = byId(model.data);
    const planes = byId(model.managementPlanes);
    const firstGroup = new Map<string, string | undefined>();
    for (const rg of model.resourceGroups ?? []) {
      const resources = rg.resources ?? [];
      resources.forEach((resource, i) => {
        if (typeof resource !== 'string') return;
        const subscription = pools.get(resource)?.subscription ?? data.get(resource)?.subscription ?? imagePipelineSubscription(planes.get(resource));
        if (firstGroup.has(resource)) {
          report(at(resources, i), `\`${resource}\` is in ${named('resource group', firstGroup.get(resource))} and in ${named('resource group', rg.id)}: a resource sits in one resource group`);
          return;
        }
        firstGroup.set(resource, rg.id);
        if (typeof rg.subscription === 'string' && subscription !== undefined && subscription !== rg.subscription) {
          const where = subscription === null ? 'names no `subscription`' : `is in subscription \`${subscription}\``;
          report(at(resources, i), `\`${resource}\` ${where}, but ${named('resource group', rg.id)} is in subscription \`${rg.subscription}\``);
        }
      });
    }
    const mgs = byId(model.managementGroups);
    for (const mg of model.managementGroups ?? []) {
      if (typeof mg.parent !== 'string') continue;
      const parent = mgs.get(mg.parent);
      if (parent?.tenant !== undefined && mg.tenant !== undefined && parent.tenant !== mg.tenant) {
        report(at(mg, 'parent'), `${named('management group', mg.id)} of tenant \`${mg.tenant}\` has parent \`${mg.parent}\` of tenant \`${parent.tenant}\``);
      }
      // Walk up: reaching mg again is a cycle (reported once, at the group that closes it first in file order).
      const seen = new Set<string>([mg.id ?? '']);
      for (let up = parent; up !== undefined && typeof up.id === 'string'; up = typeof up.parent === 'string' ? mgs.get(up.parent) : undefined) {
        if (seen.has(up.id)) {
          if (up.id === mg.id) report(at(mg, 'parent'), `${named('management group', mg.id)} is its own ancestor (management groups form a tree)`);
          break;
        }
        seen.add(up.id);
      }
    }
  },
};

/** An image pipeline's subscription; other planes are not Azure resources (reported by image-pipeline-azure). */
function imagePipelineSubscription(plane: { readonly type?: string; readonly subscription?: string | null } | undefined): string | null | undefined {
  return plane?.type === 'imagePipeline' ? plane.subscription : undefined;
}
