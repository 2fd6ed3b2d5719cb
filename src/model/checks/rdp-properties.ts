// A host pool's `customRdpProperty` is read entry by entry (domain/redirection.ts): an entry that is
// not `name:i:number` / `name:s:text` would be skipped, leaving its channel on, so it is reported.

import { parseRedirection } from '../../domain/redirection.js';
import { named, type ModelCheck } from './model-check.js';

export const rdpPropertiesWellFormed: ModelCheck = {
  id: 'rdp-properties-well-formed',
  description: 'every entry of a host pool\u2019s `customRdpProperty` reads `name:i:number` or `name:s:text`',
  run(model, { at, report }) {
    for (const pool of model.hostPools ?? []) {
      if (typeof pool.customRdpProperty !== 'string') continue;
      for (const problem of parseRedirection(pool.customRdpProperty).problems) {
        report(at(pool, 'customRdpProperty'), `${named('host pool', pool.id)}: ${problem.message} (entry ${problem.index + 1})`);
      }
    }
  },
};
