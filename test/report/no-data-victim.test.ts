// matrix names a victim with no data as such: "unreachable" read as if its (absent) data were
// protected (a fresh user's trial: a provider organization holding no data store of its own).

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const READER = 'test/fixtures/models/hand/read-only-reader-co-resident.yaml';

describe('a victim without data', () => {
  // read-only-reader-co-resident.yaml plus an organization `gamma` with one user on the shared pool and
  // no data store: every attacker → gamma pair has nothing to reach, while alpha and beta keep their
  // depths (beta → alpha 1, as the fixture's header reasons).
  it('matrix says "no data to reach" and "no data" in the table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'indepth-nodata-'));
    const file = join(dir, 'with-gamma.yaml');
    const text = readFileSync(READER, 'utf8')
      .replace('  - id: beta\ntenants:', '  - id: beta\n  - id: gamma\ntenants:')
      .replace('organizations: [alpha, beta]\nsubscriptions:', 'organizations: [alpha, beta, gamma]\nsubscriptions:')
      .replace('    organizations: [alpha, beta]\nresourceGroups:', '    organizations: [alpha, beta, gamma]\nresourceGroups:')
      .replace('  - id: b\n    organization: beta\n    hostPool: pool\n', '  - id: b\n    organization: beta\n    hostPool: pool\n  - id: g\n    organization: gamma\n    hostPool: pool\n');
    expect(text.match(/gamma/g)?.length).toBe(4);
    writeFileSync(file, text);
    const run = await cli(['matrix', file]);
    expect(run.code).toBe(0);
    expect(run.out).toContain('alpha \u2192 gamma: no data to reach\n');
    expect(run.out).toMatch(/\nbeta +1 +\u2014 +no data\n/);
    expect(run.out).toMatch(/beta → alpha: depth 1 via/);
  });
});
