// Every rule, in the order they run. Order only affects edge insertion order, never the answer.

import { adminToKernel } from './admin-to-kernel.js';
import { appAttach } from './app-attach.js';
import { browser } from './browser.js';
import { credentialGuard } from './credential-guard.js';
import { credentialUse } from './credential-use.js';
import { fslogixShare } from './fslogix-share.js';
import { deviceRedirection } from './device-redirection.js';
import { groupMembership } from './group-membership.js';
import { hypervisor } from './hypervisor.js';
import { kernelControl } from './kernel-control.js';
import { kernelElevation } from './kernel-elevation.js';
import { lateralMovement } from './lateral-movement.js';
import { managementPlane } from './management-plane.js';
import { networkPosition } from './network-position.js';
import { networkExposure } from './network-exposure.js';
import { placement } from './placement.js';
import { processIsolation } from './process-isolation.js';
import { profileLogonCode } from './profile-logon-code.js';
import type { Rule } from './rule.js';
import { scopeInheritance } from './scope-inheritance.js';
import { roleScopeControl } from './role-scope-control.js';
import { roleVmRunCommand } from './role-vm-run-command.js';
import { roleVmLogin } from './role-vm-login.js';
import { roleHostPoolRegistration } from './role-host-pool-registration.js';
import { roleStorageKeys } from './role-storage-keys.js';
import { roleFileShareData } from './role-file-share-data.js';
import { roleKeyVaultSecrets } from './role-key-vault-secrets.js';
import { directoryTenantControl } from './directory-tenant-control.js';
import { directoryCredentialReset } from './directory-credential-reset.js';
import { directoryDeviceManagement } from './directory-device-management.js';
import { domainControl } from './domain-control.js';
import { entraConnect } from './entra-connect.js';
import { managedIdentityToken } from './managed-identity-token.js';
import { pimActivation } from './pim-activation.js';
import { linkedAccounts } from './linked-accounts.js';
import { joinedHostAdmins } from './joined-host-admins.js';
import { serverControl } from './server-control.js';
import { sessionActsAsUser } from './session-acts-as-user.js';
import { sessionApps } from './session-apps.js';
import { sharedAccessSignature } from './shared-access-signature.js';
import { storageAccount } from './storage-account.js';
import { sessionIsolation } from './session-isolation.js';
import { subscriptionBoundary } from './subscription-boundary.js';
import { subscriptionControl } from './subscription-control.js';
import { tenantBoundary } from './tenant-boundary.js';
import { tenantControl } from './tenant-control.js';
import { trustedLaunch } from './trusted-launch.js';
import { userData } from './user-data.js';
import { userIsolation } from './user-isolation.js';
import { userSession } from './user-session.js';

export const RULES: readonly Rule[] = [
  userSession,
  sessionActsAsUser,
  sessionApps,
  userData,
  credentialUse,
  placement,
  adminToKernel,
  kernelElevation,
  sessionIsolation,
  processIsolation,
  userIsolation,
  profileLogonCode,
  fslogixShare,
  kernelControl,
  credentialGuard,
  hypervisor,
  subscriptionControl,
  subscriptionBoundary,
  tenantControl,
  tenantBoundary,
  groupMembership,
  pimActivation,
  scopeInheritance,
  roleScopeControl,
  roleVmRunCommand,
  roleVmLogin,
  roleHostPoolRegistration,
  roleStorageKeys,
  roleFileShareData,
  roleKeyVaultSecrets,
  directoryTenantControl,
  directoryCredentialReset,
  directoryDeviceManagement,
  domainControl,
  entraConnect,
  joinedHostAdmins,
  managedIdentityToken,
  linkedAccounts,
  networkExposure,
  browser,
  // Infrastructure (models without its sections get no edges from these).
  managementPlane,
  networkPosition,
  lateralMovement,
  serverControl,
  deviceRedirection,
  trustedLaunch,
  storageAccount,
  sharedAccessSignature,
  appAttach,
];

/** Ids of the rules whose edges hold only while a session lives (Rule.persistence). */
export const WHILE_SIGNED_IN_RULES: ReadonlySet<string> = new Set(RULES.filter((r) => r.persistence === 'whileSignedIn').map((r) => r.id));
