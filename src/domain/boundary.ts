// The guide's security boundaries, as data: every derived edge carries one of these types (or none,
// for legitimate access). Order is fixed: engine bit positions and sorted output follow it.

export const BOUNDARY_TYPES = [
  'network',
  'kernel',
  'process',
  'appcontainer',
  'user',
  'session',
  'browser',
  'vm',
  'vsm',
  'tenant',
  'subscription',
] as const;

export type BoundaryType = (typeof BOUNDARY_TYPES)[number];

/** What crossing each boundary means, in the guide's words (security boundaries table). */
export const BOUNDARY_DESCRIPTIONS: Readonly<Record<BoundaryType, string>> = {
  network: 'An unauthorized network endpoint can\u2019t access or tamper with code and data on a customer\u2019s device.',
  kernel: 'A non-administrative user mode process can\u2019t access or tamper with kernel code and data. Administrator-to-kernel is not a security boundary.',
  process: 'An unauthorized user mode process can\u2019t access or tamper with the code and data of another process.',
  appcontainer: 'An AppContainer-based sandbox process can\u2019t access or tamper with code and data outside of the sandbox.',
  user: 'A user can\u2019t access or tamper with the code and data of another user without being authorized.',
  session: 'A user session can\u2019t access or tamper with another user session without being authorized.',
  browser: 'An unauthorized website can\u2019t violate the same-origin policy, nor access or tamper with the browser sandbox.',
  vm: 'An unauthorized Hyper-V guest virtual machine can\u2019t access or tamper with the code and data of another guest virtual machine.',
  vsm: 'Code running outside of the VSM trusted process or enclave can\u2019t access or tamper with data and code within it.',
  tenant: 'An identity directory (tenant) can\u2019t control the principals of another directory (the guide: separate tenant for identity).',
  subscription: 'A subscription\u2019s control plane can\u2019t control resources of another subscription (the guide: separate Azure subscription).',
};

const BOUNDARY_SET: ReadonlySet<string> = new Set(BOUNDARY_TYPES);

export function isBoundaryType(value: string): value is BoundaryType {
  return BOUNDARY_SET.has(value);
}

/** Bit index of a boundary type (0..10), stable across runs. */
export function boundaryIndex(type: BoundaryType): number {
  return BOUNDARY_TYPES.indexOf(type);
}

/** Instance ids read `type@place`, e.g. `session@pool1-vm3`. */
export function instanceId(type: BoundaryType, place: string): string {
  return `${type}@${place}`;
}
