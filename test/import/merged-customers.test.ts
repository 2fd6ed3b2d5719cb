// `--org-by subscription` puts two customers' pools of one subscription into one organization: the
// importer must say so (model comment and stderr, even with --quiet) and point to --org-map, and stay
// silent when the organizations follow the customers.

import { describe, expect, it } from 'vitest';
import { userDomain } from '../../src/import/map/merged-customers.js';
import { cli } from '../support/cli.js';
import { FIXTURES, importFixture, loadImported } from './support.js';

const TWO = `${FIXTURES}handmade/two-customers-one-subscription.json`;

describe('merged customers', () => {
  it('warns when one organization holds what looks like two customers', async () => {
    const result = await importFixture([TWO]);
    const model = loadImported(result);
    expect(model.organizations.map((o) => o.id)).toEqual(['org-33333333']);
    const warnings = result.assumptions.filter((a) => a.warning === true);
    // Three signs in the rows: fabrikam's group is a ForeignGroup, the pinned users are of contoso.com and
    // (a guest's #EXT# name) fabrikam.com, and the resources carry customer=contoso / customer=fabrikam.
    expect(warnings.map((w) => w.subject)).toEqual(['organizations/org-33333333']);
    expect(warnings[0]?.message).toContain('ForeignGroup: `group-55555555`');
    expect(warnings[0]?.message).toContain('users of 2 domains (contoso.com, fabrikam.com)');
    expect(warnings[0]?.message).toContain('resources tagged `customer` = `contoso`, `fabrikam` (try `--org-by tag:customer`)');
    expect(warnings[0]?.message).toContain('--org-map FILE');
    expect(result.yaml).toContain('# warning: one organization per subscription merges what looks like several customers here');
    const run = await cli(['import', TWO, '-q']);
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/^indepth import: warning: organizations\/org-33333333: one organization per subscription merges/);
  });

  it('is silent when the organizations follow the customers', async () => {
    const result = await importFixture([TWO], { orgBy: { kind: 'tag', tag: 'customer' } });
    expect(loadImported(result).organizations.map((o) => o.id)).toEqual(['contoso', 'fabrikam']);
    expect(result.assumptions.filter((a) => a.warning === true)).toEqual([]);
  });

  it('reads a B2B guest’s home domain from its #EXT# name', () => {
    expect(userDomain('bob_fabrikam.com#EXT#@contosohosting.onmicrosoft.com')).toBe('fabrikam.com');
    expect(userDomain('ann@Contoso.com')).toBe('contoso.com');
    expect(userDomain('group-55555555')).toBe(null);
  });
});
