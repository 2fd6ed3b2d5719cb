// Rule `tenant-control`: a tenant admin controls their directory; a directory controls every
// principal of its organizations and its subscriptions, so a shared tenant joins its organizations.

import { describe, expect, it } from 'vitest';
import { ask, buildModelText, edgeRecords, edgeStrings, prepareText, reachedDataIds } from '../support/model.js';
import { THREE_ORGS } from '../support/three-orgs.js';

describe('rule tenant-control', () => {
  const { graph } = buildModelText(THREE_ORGS);

  it('links admins to their directory, directories to their principals and subscriptions', () => {
    expect(edgeStrings(graph, 'tenant-control')).toEqual(
      [
        'root -> shared [tenant-control]',
        'gil -> solo [tenant-control]',
        'shared -> root [tenant-control]',
        'shared -> ann [tenant-control]',
        'shared -> bea [tenant-control]',
        'solo -> gil [tenant-control]',
        'shared -> s-shared [tenant-control]',
        'solo -> s-solo [tenant-control]',
      ].sort(),
    );
    for (const edge of edgeRecords(graph, 'tenant-control')) {
      expect(edge).toMatchObject({ boundary: null, instance: null, groups: [], access: 'control', blockedBy: null });
    }
  });

  it('lets acme\u2019s admin reach beta\u2019s data through the shared tenant with no failure, gamma\u2019s only across tenant@solo', () => {
    const prepared = prepareText(THREE_ORGS);
    expect(reachedDataIds(ask(prepared, { from: ['root'] }))).toEqual(['bea-files']);
    expect(reachedDataIds(ask(prepared, { from: ['root'], fail: ['tenant@solo'] }))).toEqual(['bea-files', 'gil-files']);
    // A member of the directory is not its admin: ann controls no directory.
    expect(reachedDataIds(ask(prepared, { from: ['ann'], fail: ['tenant'] }))).toEqual([]);
  });
});
