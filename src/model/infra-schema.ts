// The model file format of the infrastructure sections (infra-types.ts): management planes,
// networks, network links, subnets and servers. schema.ts puts them into MODEL_SCHEMA.

import { MANAGEMENT_TYPES, MANAGEMENT_TYPE_INFO } from '../domain/management.js';
import {
  arrayOf,
  boolean,
  enumOf,
  id,
  integer,
  nullable,
  number,
  object,
  optional,
  ref,
  required,
  string,
  withDefault,
  type Fields,
} from './schema-dsl.js';
import { LINK_TYPES, NETWORK_TYPES, SAS_ACCESS, SERVER_ROLES } from './infra-types.js';

/** Entity collections of these sections, with what one entity is called (merged into COLLECTION_NOUNS). */
export const INFRA_COLLECTION_NOUNS = {
  storageAccounts: 'storage account',
  appAttachPackages: 'app attach package',
  managementPlanes: 'management plane',
  networks: 'network',
  networkLinks: 'network link',
  subnets: 'subnet',
  servers: 'server',
} as const;

type Nouns = typeof INFRA_COLLECTION_NOUNS;
const NOUNS = {
  ...INFRA_COLLECTION_NOUNS,
  organizations: 'organization',
  tenants: 'tenant',
  hostPools: 'host pool',
  users: 'user',
  data: 'data store',
  subscriptions: 'subscription',
  domains: 'domain',
} as const;

function entity<F extends Fields>(collection: keyof Nouns, title: string, fields: F) {
  return object(title, fields, { collection, noun: NOUNS[collection] });
}

function refsTo(collection: keyof typeof NOUNS, minItems = 0) {
  return arrayOf(ref(collection, NOUNS[collection]), { minItems, unique: true });
}

function entityId(noun: string) {
  return required(id(), 'Id', `Unique id of this ${noun} among all entities of the model; letters, digits, \`.\`, \`_\`, \`-\`.`);
}

const organizationField = withDefault(
  nullable(ref('organizations', NOUNS.organizations)),
  null,
  'Organization',
  'The organization it belongs to; null for shared infrastructure.',
);

const PORT = integer({ minimum: 0 });
const PORTS = withDefault(nullable(arrayOf(PORT, { minItems: 1, unique: true })), null, 'Ports', 'Destination ports; null (the default) for any port.');

const managementPlane = entity('managementPlanes', 'Management plane', {
  id: entityId('management plane'),
  type: required(
    enumOf(MANAGEMENT_TYPES),
    'Type',
    MANAGEMENT_TYPES.map((type) => `\`${type}\`: ${MANAGEMENT_TYPE_INFO[type].title} \u2014 ${MANAGEMENT_TYPE_INFO[type].yields}`).join(' '),
  ),
  organization: organizationField,
  tenant: withDefault(
    nullable(ref(['tenants', 'domains'], 'tenant or domain')),
    null,
    'Tenant',
    'The identity directory whose administrators control it: a tenant (Intune, Defender: its Global Administrators, and its Intune Administrators or Security Administrators through their role assignments) or a domain (Group Policy: its Domain Admins).',
  ),
  subscription: withDefault(
    nullable(ref('subscriptions', NOUNS.subscriptions)),
    null,
    'Subscription',
    '`imagePipeline` only: the subscription holding the Azure Compute Gallery (or Image Builder template); its Owners and Contributors control the plane, as do those of a resource group that lists the plane in `resources`, or of the plane itself (a role assignment whose `scope` is the plane).',
  ),
  controllers: withDefault(
    refsTo('users'),
    [],
    'Controllers',
    'Users who administer it: Intune Administrators, GPO editors, Configuration Manager Full Administrators, those who may publish images.',
  ),
  hostPools: withDefault(refsTo('hostPools'), [], 'Host pools', 'Host pools whose session hosts are enrolled in it, linked to it or built from it.'),
  devices: withDefault(refsTo('users'), [], 'Devices', 'Users whose end-user devices are enrolled in it.'),
  servers: withDefault(refsTo('servers'), [], 'Servers', 'Servers it manages.'),
  hostedOn: withDefault(
    refsTo('servers'),
    [],
    'Hosted on',
    'Servers whose control yields it: the domain controllers holding the GPOs, a Configuration Manager site server.',
  ),
});

const network = entity('networks', 'Network', {
  id: entityId('network'),
  type: withDefault(
    enumOf(NETWORK_TYPES),
    'virtualNetwork',
    'Type',
    '`virtualNetwork`: an Azure virtual network; `onPremises`: an on-premises site.',
  ),
  organization: organizationField,
});

const networkLink = entity('networkLinks', 'Network link', {
  between: required(refsTo('networks', 2), 'Between', 'The two networks it connects.'),
  type: required(
    enumOf(LINK_TYPES),
    'Type',
    '`peering`: virtual network peering; `vpn`: a site-to-site VPN; `expressRoute`: an ExpressRoute circuit.',
  ),
  gatewayTransit: withDefault(
    boolean(),
    true,
    'Gateway transit',
    'Peering only: each side may use the other\u2019s VPN / ExpressRoute gateways, so a spoke reaches the sites its hub is linked to (default true, the worst case and the usual hub-and-spoke set-up).',
  ),
});

const inboundRule = object('Inbound rule', {
  from: required(
    arrayOf(string({ minLength: 1 }), { minItems: 1, unique: true }),
    'From',
    'Subnets or networks the traffic may come from, or `internet`.',
  ),
  ports: PORTS,
});

const outboundRule = object('Outbound rule', {
  to: required(arrayOf(string({ minLength: 1 }), { minItems: 1, unique: true }), 'To', 'Subnets or networks the traffic may go to.'),
  ports: PORTS,
});

const subnet = entity('subnets', 'Subnet', {
  id: entityId('subnet'),
  network: required(ref('networks', NOUNS.networks), 'Network', 'The virtual network or on-premises site it is part of.'),
  hostPools: withDefault(refsTo('hostPools'), [], 'Host pools', 'Host pools whose session hosts have their network interface here.'),
  hostPorts: withDefault(
    arrayOf(PORT, { unique: true }),
    [445, 3389],
    'Session host ports',
    'Ports the session hosts here listen on; SMB (445) and RDP (3389) by default, the worst case.',
  ),
  inbound: withDefault(
    nullable(arrayOf(inboundRule)),
    null,
    'Inbound rules',
    'The complete allow list of inbound traffic (an NSG ending in deny-all, or a site firewall); null is Azure\u2019s default: anything from a connected network, nothing from the internet.',
  ),
  outbound: withDefault(
    nullable(arrayOf(outboundRule)),
    null,
    'Outbound rules',
    'The complete allow list of outbound traffic to connected networks; null allows all of it.',
  ),
});

const server = entity('servers', 'Server', {
  id: entityId('server'),
  subnet: required(ref('subnets', NOUNS.subnets), 'Subnet', 'The subnet its network interface is in.'),
  organization: organizationField,
  role: withDefault(
    enumOf(SERVER_ROLES),
    'server',
    'Role',
    '`fileServer`, `domainController` or another `server`; for reports (what it controls is said by `data` and `directory`).',
  ),
  listens: withDefault(arrayOf(PORT, { unique: true }), [445], 'Listens on', 'Ports it listens on (default: SMB, 445).'),
  data: withDefault(refsTo('data'), [], 'Data', 'Data stores held on it (its shares, its databases): control of the server controls them.'),
  directory: withDefault(
    nullable(ref('tenants', NOUNS.tenants)),
    null,
    'Directory',
    'For a domain controller: the identity directory (AD DS domain) it holds; control of the server controls the directory.',
  ),
});

const sas = object('Shared access signature', {
  holders: required(refsTo('users', 1), 'Holders', 'Users who hold the token.'),
  shares: required(refsTo('data', 1), 'Shares', 'Data stores (shares) of this account it grants.'),
  access: withDefault(enumOf(SAS_ACCESS), 'control', 'Access', '`read`, or `control` (read, write, delete: the default, the worst case).'),
});

const storageAccount = entity('storageAccounts', 'Storage account', {
  id: entityId('storage account'),
  organization: organizationField,
  subscription: withDefault(
    nullable(ref('subscriptions', NOUNS.subscriptions)),
    null,
    'Subscription',
    'The subscription holding it: its owners control the account (they can list its keys).',
  ),
  shares: withDefault(
    refsTo('data'),
    [],
    'Shares',
    'Data stores held in it: FSLogix profile shares, app attach image shares, data shares. A store in two accounts is replicated there (FSLogix Cloud Cache): either account yields it.',
  ),
  keyHostPools: withDefault(
    refsTo('hostPools'),
    [],
    'Key on hosts',
    'Host pools whose session hosts mount its shares with the storage account key (no identity-based access): any of their kernels yields the key, and the key every share in the account.',
  ),
  keyHolders: withDefault(refsTo('users'), [], 'Key holders', 'Users who hold the storage account key, or may list it.'),
  sas: withDefault(arrayOf(sas), [], 'SAS tokens', 'Shared access signatures handed out for some of its shares.'),
});

const appAttachPackage = entity('appAttachPackages', 'App attach package', {
  id: entityId('app attach package'),
  image: required(ref('data', NOUNS.data), 'Image', 'The data store (a share) that holds the image.'),
  hostPools: required(
    refsTo('hostPools', 1),
    'Host pools',
    'Host pools that stage the image on their hosts and register it in their users\u2019 sessions: whoever writes the image runs code in every one of those sessions.',
  ),
});

/** The sections, keyed as in the model file; each may be left out (read as an empty list). */
export const INFRA_SECTIONS = {
  storageAccounts: optional(
    arrayOf(storageAccount),
    'Storage accounts',
    'Azure Storage accounts: the shares they hold, who holds their keys, their SAS tokens.',
  ),
  appAttachPackages: optional(
    arrayOf(appAttachPackage),
    'App attach packages',
    'MSIX app attach packages: an image on a share, staged on the hosts of some pools.',
  ),
  managementPlanes: optional(
    arrayOf(managementPlane),
    'Management planes',
    'Intune, Group Policy, Configuration Manager, Defender for Endpoint live response, image pipelines: whoever controls one controls every host it manages.',
  ),
  networks: optional(arrayOf(network), 'Networks', 'Azure virtual networks and on-premises sites.'),
  networkLinks: optional(arrayOf(networkLink), 'Network links', 'Peerings, site-to-site VPNs and ExpressRoute circuits between networks.'),
  subnets: optional(arrayOf(subnet), 'Subnets', 'Subnets of the networks, the host pools and servers in them, and their inbound and outbound rules.'),
  servers: optional(arrayOf(server), 'Servers', 'Machines that are not session hosts: file servers, domain controllers, application servers.'),
} as const;

/** Host pool keys for device redirection and hardening (merged into the host pool's schema). */
export const HOST_POOL_HARDENING_FIELDS = {
  customRdpProperty: optional(
    string(),
    'Custom RDP properties',
    'The pool\u2019s RDP properties as Azure stores them, e.g. `drivestoredirect:s:;redirectclipboard:i:0;redirectprinters:i:0`. Drive, clipboard, printer and USB redirection give the session host a path back to the client device; within a stated string a channel is on unless a property turns it off (the worst case). Absent: Azure Virtual Desktop\u2019s default, all four redirected (the worst case, said in the output\u2019s assumptions; the portal\u2019s default `drivestoredirect:s:*;redirectclipboard:i:1;redirectprinters:i:1;usbdevicestoredirect:s:*` redirects all four).',
  ),
  trustedLaunch: optional(
    boolean(),
    'Trusted Launch',
    'Secure Boot and vTPM on the pool\u2019s VMs (Azure\u2019s default for new VMs, assumed when absent). Without it virtualization-based security, and so Credential Guard, is unavailable on the pool. Ignored on a `confidential` pool: a confidential VM has Secure Boot and a vTPM of its own.',
  ),
  patchDays: optional(
    number({ minimum: 0 }),
    'Patch cadence (days)',
    'Days from a fix\u2019s release until it is deployed on this pool\u2019s hosts, overriding `risk.patchDays`. `indepth risk` uses it for the pool\u2019s boundaries, and a scenario can fail `kernel@patch>30`: the kernel of every host more than 30 days behind.',
  ),
} as const;
