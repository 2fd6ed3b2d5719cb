// Rule `browser`: the internet hosts a malicious website (`web`), which reaches the browser process
// of every user with a session across browser@<app> (group app:<app>).

import { describe, expect, it } from 'vitest';
import { acme, ask, buildModelText, edgeRecords, edgeStrings, prepareText, reachedDataIds } from '../support/model.js';

const text = acme(`
hostPools:
  - id: pool
    subscription: acme-sub
    type: pooled
    apps: [edge, word]
apps:
  - id: edge
    browser: true
  - id: word
users:
  - id: ann
    organization: acme
    hostPool: pool
  - id: crew
    organization: acme
    count: 2
    hostPool: pool
  - id: boss
    organization: acme
    apps: [edge]
data:
  - id: docs
    organization: acme
    location: share
    users: [ann]
`);

describe('rule browser', () => {
  const { graph } = buildModelText(text);

  it('links internet to web, and web to each session\u2019s browser across browser@edge', () => {
    expect(edgeStrings(graph, 'browser')).toEqual([
      'internet -> web [browser]',
      'web -> ann/app/edge [browser browser@edge]',
      'web -> crew#1/app/edge [browser browser@edge]',
      'web -> crew#2/app/edge [browser browser@edge]',
    ]);
    for (const edge of edgeRecords(graph, 'browser')) {
      if (edge.from === 'web') expect(edge).toMatchObject({ boundary: 'browser', groups: ['app:edge'], access: 'control', blockedBy: null });
      else expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
    }
  });

  it('keeps internet → web even in a model without browsers', () => {
    expect(edgeStrings(buildModelText(acme('')).graph, 'browser')).toEqual(['internet -> web [browser]']);
  });

  it('reaches a browsing user\u2019s data from the internet only if the browser boundary fails', () => {
    const prepared = prepareText(text);
    expect(reachedDataIds(ask(prepared, { from: ['internet'] }))).toEqual([]);
    expect(reachedDataIds(ask(prepared, { from: ['internet'], fail: ['browser'] }))).toEqual(['docs']);
  });
});
