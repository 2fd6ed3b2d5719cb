// A profile store holds one FSLogix container per listed user, mounted only in that user's session:
// nobody else reads it by design, so `readers` on one would be silently meaningless. Say so instead.

import { named, type ModelCheck } from './model-check.js';

export const profileStoreHasNoReaders: ModelCheck = {
  id: 'profile-store-has-no-readers',
  description: 'an `fslogixProfile` store lists no `readers` (each container belongs to its own user)',
  run(model, { at, report }) {
    for (const store of model.data ?? []) {
      if (store.location !== 'fslogixProfile' || store.readers === undefined || store.readers.length === 0) continue;
      report(
        at(store, 'readers'),
        `${named('data store', store.id)} is an \`fslogixProfile\` store: each container is read only in its own user\u2019s session, so \`readers\` has no effect; model shared reading as a \`share\``,
      );
    }
  },
};
