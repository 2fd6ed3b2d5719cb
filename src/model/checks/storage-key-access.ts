// `access: storageKey` says session hosts mount an FSLogix share with the storage account key; on a
// share or database no session host mounts anything, so the setting would be silently meaningless.

import { named, type ModelCheck } from './model-check.js';

export const storageKeyOnProfileStores: ModelCheck = {
  id: 'storage-key-on-profile-stores',
  description: '`access: storageKey` is set only on `fslogixProfile` stores (the shares session hosts mount)',
  run(model, { at, report }) {
    for (const store of model.data ?? []) {
      if (store.access !== 'storageKey' || store.location === 'fslogixProfile') continue;
      report(
        at(store, 'access'),
        `${named('data store', store.id)} is a \`${store.location}\`: \`access: storageKey\` applies to \`fslogixProfile\` stores, whose share session hosts mount; model a host that holds a key as an \`extra\` edge instead`,
      );
    }
  },
};
