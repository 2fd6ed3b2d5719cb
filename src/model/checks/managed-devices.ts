// A management plane's `devices` lists users whose end-user devices are enrolled: a user modelled
// without a device (`device: false`) has none to enroll, which would silently add nothing.

import { byId, named, type ModelCheck } from './model-check.js';

export const managedDevicesExist: ModelCheck = {
  id: 'managed-devices-exist',
  description: 'a management plane\u2019s `devices` lists only users with `device: true`',
  run(model, { at, report }) {
    const users = byId(model.users);
    for (const plane of model.managementPlanes ?? []) {
      (plane.devices ?? []).forEach((user, index) => {
        if (users.get(user)?.device !== false) return;
        report(
          at(plane.devices!, index),
          `${named('management plane', plane.id)} lists the device of ${named('user', user)}, who has \`device: false\`; set \`device: true\` on the user or drop the entry`,
        );
      });
    }
  },
};
