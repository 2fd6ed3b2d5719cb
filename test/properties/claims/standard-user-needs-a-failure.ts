// Claim 2. The guide: "Users from the same organization, like knowledge workers with apps that
// don't require admin privileges, are great candidates for multi-session Remote Desktop session
// hosts" — because "Windows uses security boundaries and controls to ensure user processes and data
// are isolated between sessions." (User boundary: "A user can't access or tamper with the code and
// data of another user without being authorized.")
//
// Precisely, for every standard principal S (analyzeDepth by type, from S alone):
//   - the data at depth 0 is exactly the data S is authorized for (own profile containers, stores
//     listing S as user or reader) — so anything else, in particular another user's profile
//     container, needs at least one failure; a store both users are authorized for is no leak;
//   - for every principal B who may share a multi-session VM with S, each of B's profile containers
//     is at depth exactly 1, and its single-failure sets are exactly {kernel}, {process}, {session}
//     and {user}: the boundaries the guide names, and no other;
//   - the user boundary yields code: with {user} alone failed, S acts as every such B (B's principal
//     is reached), since write access to B's profile runs code at B's next sign-in;
//   - an FSLogix share is a user boundary of its own, wherever its users sign in: for every FSLogix
//     store with identity-based access that S's pool mounts (a user of the pool keeps a container
//     there) and every other principal D with a container in it — co-resident or on another pool —,
//     D's container is at depth exactly 1 with {user} among its single-failure sets, and failing the
//     share's own instance `user@<store>:share` alone reaches it (domain.md: "The share's permissions
//     and NTFS ACLs are a user boundary of that share (one instance per share), whoever's VM the
//     owner signs in to").

import { modelArbitrary } from '../../arbitraries/model.js';
import type { ModelDoc } from '../../arbitraries/document.js';
import { claimFails, type Claim } from '../support/claim.js';
import { authorizedData, identityProfileStoresOf, mayShareVm, principals, profileContainers } from '../support/facts.js';
import { nodeId } from '../../../src/compile/ids.js';
import { dataIds, depth, load, simulate } from '../support/load.js';

export interface Input {
  readonly model: ModelDoc;
}

const ON_HOST = ['kernel', 'process', 'session', 'user'];

export const standardUserNeedsAFailure: Claim<Input> = {
  name: 'standard-user-needs-a-failure',
  guide: 'A user can\u2019t access or tamper with the code and data of another user without being authorized.',
  arbitrary: modelArbitrary().map((model) => ({ model })),
  predicate({ model: doc }) {
    const prepared = load(doc);
    const { model } = prepared;
    const everyone = principals(model);
    let checks = 0;
    for (const s of everyone.filter((p) => p.user.privilege === 'standard')) {
      const result = depth(prepared, [s.id]);
      const byId = new Map(result.data.map((d) => [d.id, d] as const));
      const authorized = authorizedData(model, s);
      const atZero = result.data.filter((d) => d.depth === 0).map((d) => d.id).sort();
      const expected = [...authorized].sort();
      if (JSON.stringify(atZero) !== JSON.stringify(expected)) {
        claimFails(`standard user ${s.id} should reach exactly their authorized data with 0 failures`, { atZero, authorized: expected });
      }
      checks++;
      const coResidents = everyone.filter((p) => p !== s && mayShareVm(model, s, p));
      if (coResidents.length > 0) {
        const userFailed = new Set(simulate(prepared, [s.id], ['user']).identities.filter((i) => i.kind === 'principal').map((i) => i.id));
        for (const b of coResidents) {
          if (!userFailed.has(b.id)) claimFails(`a user failure alone should let standard user ${s.id} act as co-resident ${b.id} (profile logon code)`);
          checks++;
        }
      }
      if (s.user.hostPool !== null) {
        for (const store of identityProfileStoresOf(model, s.user.hostPool)) {
          const shareMates = everyone.filter((d) => d !== s && profileContainers(model, d).some((c) => c.split('/')[0] === store));
          if (shareMates.length === 0) continue;
          const instance = `user@${nodeId.shareAccess(store)}`;
          const reached = dataIds(simulate(prepared, [s.id], [instance]));
          for (const d of shareMates) {
            for (const container of profileContainers(model, d).filter((c) => c.split('/')[0] === store)) {
              const found = byId.get(container)!;
              if (found.depth !== 1 || !found.minimalSets.some((set) => set.length === 1 && set[0] === 'user')) {
                claimFails(`container ${container} of ${d.id} in FSLogix store ${store}, mounted by standard user ${s.id}'s pool, should be one {user} failure away`, {
                  depth: found.depth,
                  minimalSets: found.minimalSets,
                });
              }
              if (!reached.has(container)) claimFails(`failing ${instance} alone should let standard user ${s.id} reach ${container} of ${d.id}`);
              checks++;
            }
          }
        }
      }
      for (const b of coResidents) {
        for (const container of profileContainers(model, b)) {
          const d = byId.get(container)!;
          const singles = d.minimalSets.filter((set) => set.length === 1).map((set) => set[0]!).sort();
          if (d.depth !== 1 || JSON.stringify(singles) !== JSON.stringify(ON_HOST)) {
            claimFails(`profile ${container} of ${b.id}, co-resident with standard user ${s.id}, should need exactly one of ${ON_HOST.join('/')}`, {
              depth: d.depth,
              minimalSets: d.minimalSets,
            });
          }
          checks++;
        }
      }
    }
    return checks;
  },
};
