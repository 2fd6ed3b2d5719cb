// A SAS token is signed with its account's key, so it can only grant shares held in that account:
// a share listed in `sas.shares` but not in the account's `shares` is reported.

import { named, type ModelCheck } from './model-check.js';

export const sasSharesInAccount: ModelCheck = {
  id: 'sas-shares-in-account',
  description: 'a storage account\u2019s SAS tokens grant only shares held in that account',
  run(model, { at, report }) {
    for (const account of model.storageAccounts ?? []) {
      const held = new Set(account.shares ?? []);
      for (const token of account.sas ?? []) {
        (token.shares ?? []).forEach((share, index) => {
          if (held.has(share)) return;
          report(
            at(token.shares!, index),
            `${named('storage account', account.id)}: a SAS token grants ${named('data store', share)}, which is not in the account\u2019s \`shares\``,
          );
        });
      }
    }
  },
};
