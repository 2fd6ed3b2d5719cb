// An app attach image lives on a file share: a package whose `image` names a profile store or a
// database would silently model nothing sensible, so it is reported.

import { byId, named, type ModelCheck } from './model-check.js';

export const appAttachImageOnShare: ModelCheck = {
  id: 'app-attach-image-on-share',
  description: 'an app attach package\u2019s `image` is a data store with `location: share`',
  run(model, { at, report }) {
    const stores = byId(model.data);
    for (const pkg of model.appAttachPackages ?? []) {
      if (pkg.image === undefined) continue;
      const location = stores.get(pkg.image)?.location;
      if (location === undefined || location === 'share') continue;
      report(
        at(pkg, 'image'),
        `${named('app attach package', pkg.id)}: its image ${named('data store', pkg.image)} has \`location: ${location}\`; an app attach image is a file on a \`share\``,
      );
    }
  },
};
