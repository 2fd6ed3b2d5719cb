// The management planes a model can name, as data: Intune, Group Policy, Configuration Manager,
// Defender for Endpoint live response and the image pipeline. Each runs code as SYSTEM on every host
// enrolled in or built from it, so whoever controls one controls those hosts with no boundary failure.

export const MANAGEMENT_TYPES = [
  'intune',
  'groupPolicy',
  'configurationManager',
  'defenderLiveResponse',
  'imagePipeline',
] as const;

export type ManagementType = (typeof MANAGEMENT_TYPES)[number];

export interface ManagementTypeInfo {
  /** How the product is named in reports ("Microsoft Intune"). */
  readonly title: string;
  /** What control of it yields on a managed host, in one sentence. */
  readonly yields: string;
  /** The Microsoft Learn page that documents the capability. */
  readonly source: string;
}

export const MANAGEMENT_TYPE_INFO: Readonly<Record<ManagementType, ManagementTypeInfo>> = {
  intune: {
    title: 'Microsoft Intune',
    yields: 'PowerShell scripts and Win32 apps run as SYSTEM on every enrolled device.',
    source: 'https://learn.microsoft.com/en-us/graph/api/resources/intune-shared-devicemanagementscript',
  },
  groupPolicy: {
    title: 'Group Policy',
    yields: 'startup scripts, scheduled tasks and software installation run as SYSTEM on every computer the GPOs apply to.',
    source: 'https://learn.microsoft.com/en-us/previous-versions/windows/it-pro/windows-server-2012-r2-and-2012/hh831791(v=ws.11)',
  },
  configurationManager: {
    title: 'Configuration Manager',
    yields: 'applications, packages and scripts run as SYSTEM on every client of the site.',
    source: 'https://learn.microsoft.com/en-us/mem/configmgr/apps/deploy-use/create-deploy-scripts',
  },
  defenderLiveResponse: {
    title: 'Defender for Endpoint live response',
    yields: 'a remote shell that runs scripts as SYSTEM on every onboarded device.',
    source: 'https://learn.microsoft.com/en-us/defender-endpoint/live-response',
  },
  imagePipeline: {
    title: 'image pipeline (Azure Compute Gallery / VM Image Builder)',
    yields: 'the operating system image every session host is built from, and so code in every host built from it.',
    source: 'https://learn.microsoft.com/en-us/azure/virtual-machines/image-builder-overview',
  },
};
