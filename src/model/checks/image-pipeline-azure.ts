// Of the management planes, only the image pipeline (an Azure Compute Gallery, an Image Builder
// template) is an Azure resource: only it sits in a subscription or resource group or takes an Azure
// role assignment. Intune, Defender, Group Policy and Configuration Manager are administered through
// directory roles, Domain Admins or `controllers`; an Azure scope on them would silently grant nothing.

import { byId, named, type ModelCheck } from './model-check.js';

const INSTEAD =
  'only an `imagePipeline` is an Azure resource; name its administrators in `controllers`, or assign `Intune Administrator` / `Security Administrator` on its tenant, or `Domain Admins` on its domain';

export const imagePipelineIsTheAzurePlane: ModelCheck = {
  id: 'image-pipeline-is-the-azure-plane',
  description: 'only an `imagePipeline` management plane has a `subscription`, sits in a resource group or is the scope of an Azure role',
  run(model, { at, report }) {
    const planes = byId(model.managementPlanes);
    const notAzure = (id: unknown): string | undefined => {
      if (typeof id !== 'string') return undefined;
      const type = planes.get(id)?.type;
      return type !== undefined && type !== 'imagePipeline' ? type : undefined;
    };
    for (const plane of model.managementPlanes ?? []) {
      if (plane.subscription == null || plane.type === undefined || plane.type === 'imagePipeline') continue;
      report(at(plane, 'subscription'), `${named('management plane', plane.id)} is of type \`${plane.type}\`: \`subscription\` applies to image pipelines; ${INSTEAD}`);
    }
    for (const rg of model.resourceGroups ?? []) {
      (rg.resources ?? []).forEach((resource, i) => {
        const type = notAzure(resource);
        if (type !== undefined) report(at(rg.resources!, i), `${named('resource group', rg.id)} lists \`${resource}\`, ${article(type)} \`${type}\` management plane; ${INSTEAD}`);
      });
    }
    for (const assignment of model.roleAssignments ?? []) {
      const type = notAzure(assignment.scope);
      if (type !== undefined) {
        report(at(assignment, 'scope'), `role assignment of \`${assignment.role ?? '?'}\` to \`${assignment.principal ?? '?'}\` is on \`${assignment.scope}\`, ${article(type)} \`${type}\` management plane; ${INSTEAD}`);
      }
    }
  },
};

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
