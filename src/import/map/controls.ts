// Controls the deployment files cannot show: each written explicitly, at its worst case where the
// input is silent, so a reviewer sees what to confirm.

import type { ControlName } from '../../domain/controls.js';
import type { MapContext } from './context.js';

export function mapControls(context: MapContext): Record<ControlName, boolean> {
  context.read('controls', 'Azure Virtual Desktop connects users through Reverse Connect (no inbound port); a session host reachable directly (a public IP or public load balancer whose NSGs allow it, or not shown otherwise) sits in a subnet whose `inbound` admits the internet', undefined, 'reverseConnect');
  context.assume('controls', 'Credential Guard is configured inside the VM (Intune, GPO), not in the input: assumed off (the worst case)', undefined, 'credentialGuard');
  context.assume('controls', 'MFA is a Conditional Access policy, not in the input: assumed off', undefined, 'mfa');
  return { reverseConnect: true, credentialGuard: false, mfa: false };
}
