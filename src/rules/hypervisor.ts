// Rule `hypervisor`: a guest VM's kernel reaches its physical host only across the vm boundary; the
// host controls every guest on it — kernel and VSM-protected secrets alike — unless the guest is a
// confidential VM, whose memory is encrypted against the host.

import type { Rule } from './rule.js';

/**
 * For each physical host (declared, or assumed: see `Deployment.physicalHosts`) and each VM on it:
 * - `vm → host` across `vm@host` (a VM escape), groups `host:<host>`;
 * - `host → vm` and `host → vm/credentials`, no boundary: the hypervisor reads every guest's memory,
 *   so a VM escape yields the other guests' Credential Guard secrets without a vsm failure
 *   (domain.md: "virtualization-based security protects against the guest's own kernel, not against
 *   its host"). The guest's VSM is enforced by that very hypervisor.
 * - a pool with `confidential: true` (Azure confidential VMs, AMD SEV-SNP / Intel TDX): `host → vm`
 *   crosses `vsm@<vm>:memory` instead, and no direct edge to its credentials. Type `vsm`, because
 *   it is the guide's boundary of hardware-isolated memory ("Code running outside of the VSM trusted
 *   process or enclave can't access or tamper with data and code within it"); a confidential VM is
 *   such an enclave around the whole guest. A second `vm` instance would add nothing by type: one
 *   Hyper-V escape fails every `vm` instance, while breaking SEV-SNP/TDX is an independent failure.
 *   By type, failing `vsm` fails both Credential Guard and confidential memory; by instance they
 *   are separate (`vsm@pool-vm1` and `vsm@pool-vm1:memory`).
 */
export const hypervisor: Rule = {
  id: 'hypervisor',
  description: 'A VM kernel controls its physical host only if the vm boundary fails; the host controls its guests and their VSM secrets (confidential VMs: across vsm).',
  guide:
    'An unauthorized Hyper-V guest virtual machine can\u2019t access or tamper with the code and data of another guest virtual machine.',
  apply(deployment, edge) {
    for (const host of deployment.physicalHosts) {
      const escape = { boundary: 'vm', place: host.id, groups: [`host:${host.id}`] } as const;
      for (const vm of host.vms) {
        edge(vm.id, host.id, escape);
        if (vm.pool.confidential) {
          edge(host.id, vm.id, { boundary: 'vsm', place: `${vm.id}:memory`, groups: [`pool:${vm.pool.id}`, `host:${host.id}`] });
        } else {
          edge(host.id, vm.id);
          edge(host.id, vm.credentials);
        }
      }
    }
  },
};
