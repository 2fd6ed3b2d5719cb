// Rule `tenant-boundary`: with two or more tenants, control of one directory reaches another only
// across tenant@<target>, through the `any-tenant` hub; with one tenant there is no hub at all.

import { describe, expect, it } from 'vitest';
import { acme, buildModelText, edgeRecords, edgeStrings } from '../support/model.js';
import { THREE_ORGS } from '../support/three-orgs.js';

describe('rule tenant-boundary', () => {
  it('links each tenant to the hub and the hub to each across its tenant boundary', () => {
    const { graph } = buildModelText(THREE_ORGS);
    expect(edgeStrings(graph, 'tenant-boundary')).toEqual([
      'any-tenant -> shared [tenant-boundary tenant@shared]',
      'any-tenant -> solo [tenant-boundary tenant@solo]',
      'shared -> any-tenant [tenant-boundary]',
      'solo -> any-tenant [tenant-boundary]',
    ]);
    for (const edge of edgeRecords(graph, 'tenant-boundary')) {
      const crossing = edge.from === 'any-tenant';
      expect(edge).toMatchObject({
        boundary: crossing ? 'tenant' : null,
        instance: crossing ? `tenant@${edge.to}` : null,
        groups: [],
        access: 'control',
        blockedBy: null,
      });
    }
  });

  it('has no hub and no edges with a single tenant', () => {
    const { graph } = buildModelText(acme(''));
    expect(graph.hasNode('any-tenant')).toBe(false);
    expect(edgeStrings(graph, 'tenant-boundary')).toEqual([]);
  });
});
