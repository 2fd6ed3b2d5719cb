// The model's semantic checks, in the order they run (issues are sorted by position anyway).

import { appAttachImageOnShare } from './app-attach-image.js';
import { applicationGroupApps } from './application-group-apps.js';
import { resourceGroupsFit } from './resource-groups.js';
import { roleAssignmentsFit } from './role-assignments.js';
import { edgeInstanceNeedsBoundary } from './edge-instance.js';
import { hostPoolServesUserOrganization } from './host-pool-organization.js';
import type { ModelCheck } from './model-check.js';
import { imagePipelineIsTheAzurePlane } from './image-pipeline-azure.js';
import { managedDevicesExist } from './managed-devices.js';
import { poolInOneSubnet } from './pool-in-one-subnet.js';
import { modelSizeWithinLimits } from './model-size.js';
import { profileStoreHasNoReaders } from './profile-readers.js';
import { storageKeyOnProfileStores } from './storage-key-access.js';
import { rdpPropertiesWellFormed } from './rdp-properties.js';
import { sasSharesInAccount } from './sas-shares-in-account.js';
import { securityRuleNames } from './security-rule-names.js';
import { subscriptionOwnerOwnsOne } from './subscription-owner.js';
import { subscriptionWithinTenant } from './subscription-tenant.js';
import { organizationInOneTenant } from './tenancy.js';
import { vmPinWithinPool } from './vm-pin.js';

export const MODEL_CHECKS: readonly ModelCheck[] = [
  organizationInOneTenant,
  subscriptionWithinTenant,
  hostPoolServesUserOrganization,
  subscriptionOwnerOwnsOne,
  vmPinWithinPool,
  edgeInstanceNeedsBoundary,
  profileStoreHasNoReaders,
  storageKeyOnProfileStores,
  applicationGroupApps,
  roleAssignmentsFit,
  resourceGroupsFit,
  managedDevicesExist,
  imagePipelineIsTheAzurePlane,
  poolInOneSubnet,
  securityRuleNames,
  rdpPropertiesWellFormed,
  sasSharesInAccount,
  appAttachImageOnShare,
  modelSizeWithinLimits,
];
