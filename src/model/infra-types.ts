// The infrastructure a model may name beside its hosting: management planes (Intune, Group Policy,
// Configuration Manager, Defender live response, the image pipeline), networks (virtual networks,
// on-premises sites, their links, subnets with their security rules, and servers that listen in them)
// and storage (storage accounts holding shares, their keys and SAS tokens, app attach images).

import type { ManagementType } from '../domain/management.js';

export const NETWORK_TYPES = ['virtualNetwork', 'onPremises'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];

export const LINK_TYPES = ['peering', 'vpn', 'expressRoute'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

export const SERVER_ROLES = ['server', 'fileServer', 'domainController'] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

/** A management plane whose controllers run code as SYSTEM on every host it manages. */
export interface ManagementPlane {
  readonly id: string;
  readonly type: ManagementType;
  readonly organization: string | null;
  /**
   * The identity directory whose administrators control it: a tenant (Intune, Defender: the Entra
   * tenant, whose Intune or Security Administrators control it too) or an AD DS domain (Group Policy:
   * its Domain Admins).
   */
  readonly tenant: string | null;
  /**
   * Image pipeline only: the Azure subscription holding the Compute Gallery / Image Builder template,
   * whose Owners and Contributors (and those of a resource group listing the plane) control it.
   */
  readonly subscription: string | null;
  /** Users who administer it (Intune Administrators, GPO editors, ConfigMgr Full Administrators, image builders). */
  readonly controllers: readonly string[];
  /** Host pools whose session hosts are enrolled in it, linked to it or built from it. */
  readonly hostPools: readonly string[];
  /** Users whose end-user devices are enrolled in it. */
  readonly devices: readonly string[];
  /** Servers it manages (a GPO linked to the servers' OU, a ConfigMgr client). */
  readonly servers: readonly string[];
  /** Servers whose control yields it (the domain controllers holding the GPOs, a ConfigMgr site server). */
  readonly hostedOn: readonly string[];
}

/** An Azure virtual network or an on-premises site. */
export interface Network {
  readonly id: string;
  readonly type: NetworkType;
  readonly organization: string | null;
}

/** A route between two networks: virtual network peering, a site-to-site VPN or ExpressRoute. */
export interface NetworkLink {
  readonly between: readonly string[];
  readonly type: LinkType;
  /**
   * Peering only: each side may use the other's VPN / ExpressRoute gateways (gateway transit with
   * "use remote gateways"), so a spoke reaches the sites its hub is linked to.
   */
  readonly gatewayTransit: boolean;
}

/** One allow entry of a subnet's inbound rules (NSG on Azure, a firewall on premises). */
export interface InboundRule {
  /** Subnets or networks the traffic may come from, or `internet`. */
  readonly from: readonly string[];
  /** Destination ports; null for any port. */
  readonly ports: readonly number[] | null;
}

/** One allow entry of a subnet's outbound rules. */
export interface OutboundRule {
  /** Subnets or networks the traffic may go to. */
  readonly to: readonly string[];
  readonly ports: readonly number[] | null;
}

export interface Subnet {
  readonly id: string;
  readonly network: string;
  /** Host pools whose session hosts have their network interface here. */
  readonly hostPools: readonly string[];
  /** Ports the session hosts here listen on (SMB and RDP by default: the worst case). */
  readonly hostPorts: readonly number[];
  /** The complete allow list for inbound traffic; null is Azure's default (anything from a connected network). */
  readonly inbound: readonly InboundRule[] | null;
  /** The complete allow list for outbound traffic to connected networks; null allows everything. */
  readonly outbound: readonly OutboundRule[] | null;
}

/** A machine that is not a session host: a file server, a domain controller, an application server. */
export interface Server {
  readonly id: string;
  readonly subnet: string;
  readonly organization: string | null;
  readonly role: ServerRole;
  /** Ports it listens on. */
  readonly listens: readonly number[];
  /** Data stores held on it (its shares, its databases): control of the server controls them. */
  readonly data: readonly string[];
  /** Domain controller: the identity directory (AD DS domain) it holds; control of it controls the directory. */
  readonly directory: string | null;
}

export const SAS_ACCESS = ['read', 'control'] as const;
export type SasAccess = (typeof SAS_ACCESS)[number];

/** A shared access signature: a bearer token for some shares of an account, signed with its key. */
export interface SharedAccessSignature {
  /** Users who hold the token. */
  readonly holders: readonly string[];
  /** Data stores (shares) it grants; all of them are in the account. */
  readonly shares: readonly string[];
  /** `read`, or `control` (read, write, delete). */
  readonly access: SasAccess;
}

/** An Azure Storage account: its shares, and who holds its key (which opens every share in it). */
export interface StorageAccount {
  readonly id: string;
  readonly organization: string | null;
  /** The subscription whose control plane holds it (owners can list its keys). */
  readonly subscription: string | null;
  /** Data stores (file shares, profile shares) held in it; a store in two accounts is replicated (Cloud Cache). */
  readonly shares: readonly string[];
  /** Host pools whose session hosts mount its shares with the storage account key (no identity-based access). */
  readonly keyHostPools: readonly string[];
  /** Users who hold the key (or may list it). */
  readonly keyHolders: readonly string[];
  readonly sas: readonly SharedAccessSignature[];
}

/** An MSIX app attach (or app attach) package: an image on a share, staged on the hosts of some pools. */
export interface AppAttachPackage {
  readonly id: string;
  /** The data store (share) holding the image. */
  readonly image: string;
  /** Host pools that stage the image and register it in their users' sessions. */
  readonly hostPools: readonly string[];
}
