// Deployment controls a model turns on or off. A control only ever removes edges (an edge names the
// control that blocks it), so turning one on can never grow what an attacker reaches.

export const CONTROL_NAMES = ['reverseConnect', 'credentialGuard', 'mfa'] as const;

export type ControlName = (typeof CONTROL_NAMES)[number];

export type Controls = Readonly<Record<ControlName, boolean>>;

/** Azure Virtual Desktop's defaults: Reverse Connect is built in; the rest are the tenant's choice. */
export const DEFAULT_CONTROLS: Controls = {
  reverseConnect: true,
  credentialGuard: false,
  mfa: true,
};

export const CONTROL_DESCRIPTIONS: Readonly<Record<ControlName, string>> = {
  reverseConnect:
    'Session hosts open no inbound ports: the network boundary from the internet to a host does not exist.',
  credentialGuard:
    'Credentials live in a VSM trusted process: a host kernel reaches them only across a vsm boundary.',
  mfa: 'Multifactor sign-in. Recorded for policies and reports; it blocks replayed passwords, not the stolen tokens and sessions this graph models, so it removes no edge.',
};

const CONTROL_SET: ReadonlySet<string> = new Set(CONTROL_NAMES);

export function isControlName(value: string): value is ControlName {
  return CONTROL_SET.has(value);
}
