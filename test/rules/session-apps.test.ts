// Rule `session-apps`: a session controls its apps (the pool's and the user's own, once each); an app
// controls its session back, across `appcontainer@<app>` when the app is sandboxed.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeRecords, edgeStrings, prepareText, reachedNodeIds } from '../support/model.js';

const text = acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    apps: [word]
apps:
  - id: word
  - id: reader
    sandboxed: true
users:
  - id: ann
    organization: acme
    hostPool: pool
    apps: [reader, word]
  - id: boss
    organization: acme
    apps: [word]
`);

describe('rule session-apps', () => {
  const { graph } = buildModelText(text);

  it('connects each session to its apps and back; the sandboxed app crosses appcontainer', () => {
    expect(edgeStrings(graph, 'session-apps')).toEqual([
      'ann/app/reader -> ann/session [session-apps appcontainer@reader]',
      'ann/app/word -> ann/session [session-apps]',
      'ann/session -> ann/app/reader [session-apps]',
      'ann/session -> ann/app/word [session-apps]',
    ]);
  });

  it('puts the sandbox escape in group app:<app> and everything else on no boundary', () => {
    for (const edge of edgeRecords(graph, 'session-apps')) {
      if (edge.from === 'ann/app/reader') {
        expect(edge).toMatchObject({ boundary: 'appcontainer', instance: 'appcontainer@reader', groups: ['app:reader'], access: 'control', blockedBy: null });
      } else {
        expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
      }
    }
  });

  it('derives no process for a user without a session', () => {
    expect(graph.hasNode('boss/app/word')).toBe(false);
  });

  it('keeps a sandboxed app inside its sandbox unless appcontainer fails', () => {
    const prepared = prepareText(text);
    // Inside the sandbox it is still code on some VM of the pool (the sandboxed-code hub), from which
    // only the kernel boundary leads on (rule kernel-elevation).
    expect(reachedNodeIds(prepared, { from: ['ann/app/reader'] })).toEqual(['ann/app/reader', 'pool/any-host-sandboxed']);
    expect(reachedNodeIds(prepared, { from: ['ann/app/reader'], fail: ['appcontainer'] })).toContain('ann/session');
    // An unsandboxed app is its session's code: no failure needed.
    expect(reachedNodeIds(prepared, { from: ['ann/app/word'] })).toContain('ann/session');
  });
});
