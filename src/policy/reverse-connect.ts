// Policy `reverse-connect`: session hosts must not listen for inbound connections; with Reverse
// Connect off, the internet reaches every host across one network boundary.

import { definePolicy } from './policy.js';

export const reverseConnect = definePolicy({
  id: 'reverse-connect',
  title: 'Reverse Connect on',
  description: 'The model\u2019s `controls.reverseConnect` is on, so session hosts open no inbound ports.',
  guide:
    'Azure Virtual Desktop has features like Reverse Connect that allow users to access the session host without having to open inbound ports.',
  fix: 'Set `controls.reverseConnect: true` (the Azure Virtual Desktop default) and close the hosts\u2019 inbound RDP ports.',
  severity: 'error',
  needsBaseline: false,
  settings: {},
  evaluate({ context }) {
    const { model, deployment } = context.prepared;
    if (model.controls.reverseConnect) return [];
    const vms = deployment.vmById.size;
    return [
      {
        asset: 'controls',
        message: `Reverse Connect is off: all ${vms} session hosts listen on the network, so the internet reaches each of them across a single network boundary.`,
        fix: 'Set `controls.reverseConnect: true` (the Azure Virtual Desktop default), so the hosts need no inbound ports.',
        location: context.locate('controls/reverseConnect'),
        related: [],
      },
    ];
  },
});
