// Controls the deployment files cannot show: each written explicitly, at its worst case where the
// input is silent, so a reviewer sees what to confirm.

import type { ControlName } from '../../domain/controls.js';
import type { MapContext } from './context.js';

export function mapControls(context: MapContext): Record<ControlName, boolean> {
  context.assume('controls', 'Azure Virtual Desktop session hosts connect out to the service (Reverse Connect); public IPs or inbound NSG rules on the hosts are not read', undefined, 'reverseConnect');
  context.assume('controls', 'Credential Guard is configured inside the VM (Intune, GPO), not in the input: assumed off (the worst case)', undefined, 'credentialGuard');
  context.assume('controls', 'MFA is a Conditional Access policy, not in the input: assumed off', undefined, 'mfa');
  return { reverseConnect: true, credentialGuard: false, mfa: false };
}
