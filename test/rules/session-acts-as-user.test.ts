// Rule `session-acts-as-user`: each session → its principal, no boundary, marked `whileSignedIn`;
// Credential Guard leaves the edge (and so the reach) in place and only changes persistence.

import { describe, expect, it } from 'vitest';
import { WHILE_SIGNED_IN_RULES } from '../../src/rules/registry.js';
import { sessionActsAsUser } from '../../src/rules/session-acts-as-user.js';
import { ask, buildModelText, edgeRecords, edgeStrings, prepareText } from '../support/model.js';

const text = `name: test
organizations:
  - id: acme
tenants:
  - id: acme-dir
    organizations: [acme]
subscriptions:
  - id: acme-sub
    tenant: acme-dir
    organizations: [acme]
  - id: ops-sub
    tenant: acme-dir
    organizations: [acme]
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: own
    organization: acme
    privilege: subscriptionOwner
    subscription: ops-sub
    hostPool: pool
  - id: remote
    organization: acme
data:
  - id: ops-db
    organization: acme
    location: database
    subscription: ops-sub
`;

describe('rule session-acts-as-user', () => {
  const { graph } = buildModelText(text);

  it('links every session to its principal, and users without a session get none', () => {
    expect(edgeStrings(graph, 'session-acts-as-user')).toEqual(['ann/session -> ann [session-acts-as-user]', 'own/session -> own [session-acts-as-user]']);
    for (const edge of edgeRecords(graph, 'session-acts-as-user')) {
      expect(edge).toMatchObject({ boundary: null, instance: null, access: 'control', blockedBy: null });
    }
  });

  it('is the rule whose edges last only while signed in', () => {
    expect(sessionActsAsUser.persistence).toBe('whileSignedIn');
    expect([...WHILE_SIGNED_IN_RULES]).toEqual(['session-acts-as-user']);
  });

  it('gives control of own\u2019s session own\u2019s subscription, Credential Guard on or off', () => {
    // The pool states drive redirection off, so the session does not also reach own's device (and
    // the tokens there): own is held only while signed in.
    const prepared = prepareText(text.replace('    type: pooled\n', '    type: pooled\n    customRdpProperty: "drivestoredirect:s:"\n'));
    for (const credentialGuard of [false, true]) {
      const result = ask(prepared, { from: ['own/session'], controls: { credentialGuard } });
      expect(result.data.map((d) => d.id)).toEqual(['ops-db']);
      expect(result.identities).toEqual([{ id: 'own', kind: 'principal', organization: 'acme', persistence: 'whileSignedIn' }]);
    }
    // Silent on RDP properties (AVD's default: drives redirected), the session writes to own's device,
    // whose tokens hold own persistently.
    const identities = ask(prepareText(text), { from: ['own/session'] }).identities;
    expect(identities.map((i) => [i.id, i.persistence])).toEqual([
      ['own', 'persistent'],
      ['own/credential', 'persistent'],
    ]);
  });
});
